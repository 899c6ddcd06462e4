import { describe, expect, it } from 'vitest';
import {
  computeImpact,
  escapeHashtags,
  hashtagsOf,
  type ImpactInput,
  type ImpactTask,
  mentions,
} from '../../lib/plans/impact';
import { DEFAULT_MARKER_TEMPLATE } from '../../lib/plans/marker';
import type { Operation } from '../../lib/plans/model';
import type { TokenIdentity } from '../../lib/plans/permissions';
import {
  BOT,
  DEPARTMENTS,
  DEPT,
  op,
  PERSON,
  PERSONS,
  plan,
  STATUS,
  STATUSES,
  TASK_TYPES,
} from '../../lib/plans/testing/fixtures';

const shotTask = (id: string, fields: Partial<ImpactTask> = {}): ImpactTask => ({
  id,
  entity_id: 'shot-1',
  entity_kind: 'shot',
  task_type_id: 'tt-anim',
  task_status_id: STATUS.wip,
  assignees: [],
  ...fields,
});

function input(operations: Operation[], fields: Partial<ImpactInput> = {}): ImpactInput {
  return {
    plan: plan(operations),
    token: { personId: BOT, role: 'supervisor', departmentIds: [] },
    team: PERSONS,
    persons: PERSONS,
    departments: DEPARTMENTS,
    taskTypes: TASK_TYPES,
    statuses: STATUSES,
    tasks: {
      t1: shotTask('t1', { assignees: [PERSON.ana], subscriber_ids: [PERSON.dan, BOT] }),
      t2: shotTask('t2', { task_type_id: 'tt-layout' }),
      t3: shotTask('t3', { task_type_id: 'tt-comp' }),
    },
    entityTasks: {
      'shot-1': [
        { id: 't1', task_type_id: 'tt-anim' },
        { id: 't2', task_type_id: 'tt-layout' },
        { id: 't3', task_type_id: 'tt-comp' },
      ],
    },
    statusAutomations: [],
    marker: { operator: 'Mina', template: DEFAULT_MARKER_TEMPLATE },
    ...fields,
  };
}

const only = (impactInput: ImpactInput) => {
  const [first] = computeImpact(impactInput).operations;
  if (!first) throw new Error('no impact');
  return first;
};

describe('notifications', () => {
  it('notifies assignees and watchers of a comment, never the bot itself', () => {
    const impact = only(input([op.comment('c1', 't1', 'Looks good')]));
    expect(impact.notified).toEqual([
      { personId: PERSON.ana, name: 'Ana Lima', reasons: ['assignee'] },
      { personId: PERSON.dan, name: 'Dan Park', reasons: ['watcher'] },
    ]);
  });

  it('adds team members mentioned as @Full Name followed by a space or the end', () => {
    const impact = only(input([op.comment('c1', 't2', 'Ask @Ben Ode about it, or @Chloe Dubois')]));
    expect(impact.notified.map((recipient) => [recipient.name, recipient.reasons])).toEqual([
      ['Ben Ode', ['mention']],
      ['Chloe Dubois', ['mention']],
    ]);
    expect(only(input([op.comment('c1', 't2', 'Ask @Ben Ode, please')])).notified).toEqual([]);
    expect(only(input([op.comment('c1', 't2', 'Ask @Ben Ode')])).notified).toHaveLength(1);
  });

  it('ignores people outside the production team', () => {
    const team = PERSONS.filter((person) => person.id !== PERSON.ben);
    expect(only(input([op.comment('c1', 't2', 'cc @Ben Ode ')], { team })).notified).toEqual([]);
  });

  it('notifies every team member of a mentioned department', () => {
    const impact = only(input([op.comment('c1', 't2', 'Heads up @Animation team')]));
    expect(impact.notified.map((recipient) => [recipient.personId, recipient.reasons])).toEqual([
      [PERSON.ana, ['department-mention']],
      [PERSON.chloe, ['department-mention']],
    ]);
  });

  it('notifies the assignee of an assignment, unless the bot assigns itself', () => {
    expect(only(input([op.assign('a1', 't2', PERSON.ben)])).notified).toEqual([
      { personId: PERSON.ben, name: 'Ben Ode', reasons: ['assignation'] },
    ]);
    expect(only(input([op.priority('p1', 't2', 0, 2)])).notified).toEqual([]);
  });

  it('counts distinct people over the plan', () => {
    const impact = computeImpact(input([op.comment('c1', 't1', 'a'), op.comment('c2', 't2', 'cc @Ana Lima')]));
    expect(impact.notifiedPeople).toBe(2);
  });
});

describe('hashtags', () => {
  it('reads tags the way zou does', () => {
    expect(hashtagsOf('see #Layout and #comp2 and #')).toEqual(['layout', 'comp']);
    expect(hashtagsOf('#layout #all')).toEqual(['all']);
  });

  it('warns that a #tasktype comment is copied to the sibling task of that type', () => {
    const result = computeImpact(input([op.comment('c1', 't1', 'Fix the camera #layout')]));
    expect(result.operations[0]?.hashtagCopies).toEqual([{ taskId: 't2', taskTypeName: 'Layout' }]);
    expect(result.warnings[0]).toContain('#hashtag');
  });

  it('copies to every sibling but the own task type with #all, and never for its own type', () => {
    expect(only(input([op.comment('c1', 't1', 'Retake all #all')])).hashtagCopies.map((copy) => copy.taskId)).toEqual([
      't2',
      't3',
    ]);
    expect(only(input([op.comment('c1', 't1', 'Mine #animation')])).hashtagCopies).toEqual([]);
  });

  it('escapes hashtags so zou finds none, keeping the text readable', () => {
    const escaped = escapeHashtags('Fix #layout, see https://x.test/#all and # heading');
    expect(hashtagsOf(escaped)).toEqual([]);
    expect(escaped.replace(/\u200b/g, '')).toBe('Fix #layout, see https://x.test/#all and # heading');
    expect(only(input([op.comment('c1', 't1', escaped)])).hashtagCopies).toEqual([]);
  });
});

describe('status automations', () => {
  const automation = {
    entity_type: 'shot',
    in_task_type_id: 'tt-anim',
    in_task_status_id: STATUS.done,
    out_field_type: 'status',
    out_task_type_id: 'tt-comp',
    out_task_status_id: STATUS.todo,
  };

  it('lists the automations the new status triggers on this entity type', () => {
    const operations = [op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done })];
    expect(only(input(operations, { statusAutomations: [automation] })).automations).toEqual([
      'May set Compositing to Todo on the same shot (automatic comment).',
    ]);
  });

  it('ignores archived automations, other statuses, task types and entity types', () => {
    const operations = [op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done })];
    const automations = [
      { ...automation, archived: true },
      { ...automation, in_task_status_id: STATUS.wfa },
      { ...automation, in_task_type_id: 'tt-layout' },
      { ...automation, entity_type: 'asset' },
    ];
    expect(only(input(operations, { statusAutomations: automations })).automations).toEqual([]);
  });

  it('fires on a comment that keeps a status already matching the trigger', () => {
    const tasks = { t1: shotTask('t1', { task_status_id: STATUS.done }) };
    const impact = only(input([op.comment('c1', 't1', 'Note')], { tasks, statusAutomations: [automation] }));
    expect(impact.automations).toHaveLength(1);
  });
});

describe('operations the token may not perform', () => {
  const blocked = (operations: Operation[], token: TokenIdentity, fields: Partial<ImpactInput> = {}) =>
    computeImpact(input(operations, { token, ...fields })).blocked;
  const artist: TokenIdentity = { personId: PERSON.ana, role: 'user', departmentIds: [DEPT.animation] };
  const layoutSupervisor: TokenIdentity = { personId: BOT, role: 'supervisor', departmentIds: [DEPT.layout] };

  it('lets a department-free supervisor do everything plans do', () => {
    const operations = [
      op.comment('c1', 't1', 'a', { from: STATUS.wip, to: STATUS.done }),
      op.assign('a1', 't2', PERSON.ben),
      op.clear('x1', 't1', [PERSON.ana]),
      op.due('d1', 't3', null, '2027-01-01'),
    ];
    expect(blocked(operations, { personId: BOT, role: 'supervisor', departmentIds: [] })).toEqual({});
  });

  it("blocks a supervisor outside the task's department, with the reason", () => {
    const result = blocked(
      [op.comment('c1', 't1', 'a'), op.comment('c2', 't2', 'b'), op.priority('p1', 't1', 0, 1)],
      layoutSupervisor,
    );
    expect(Object.keys(result)).toEqual(['c1', 'p1']);
    expect(result.c1).toContain("supervisor of this task's department");
  });

  it("lets a department supervisor assign only people sharing one of the supervisor's departments", () => {
    expect(blocked([op.assign('a1', 't2', PERSON.ben)], layoutSupervisor)).toEqual({});
    expect(Object.keys(blocked([op.assign('a1', 't2', PERSON.ana)], layoutSupervisor))).toEqual(['a1']);
  });

  it('lets an artist comment on own tasks with artist statuses only, and self-assign in the department', () => {
    const result = blocked(
      [
        op.comment('c1', 't1', 'wip'),
        op.comment('c2', 't1', 'done?', { from: STATUS.wip, to: STATUS.done }),
        op.comment('c3', 't2', 'not mine'),
        op.assign('a1', 't1', PERSON.ana, [PERSON.ana]),
        op.assign('a2', 't1', PERSON.chloe, [PERSON.ana]),
        op.unassign('u1', 't1', PERSON.ana, [PERSON.ana]),
        op.estimate('e1', 't1', null, 60),
      ],
      artist,
    );
    expect(Object.keys(result)).toEqual(['c2', 'c3', 'a2', 'e1']);
    expect(result.c2).toBe('artists may not set the status Done');
  });

  it('blocks assigning a bot unless the production allows bot collaboration', () => {
    expect(
      Object.keys(blocked([op.assign('a1', 't2', BOT)], { personId: PERSON.dan, role: 'manager', departmentIds: [] })),
    ).toEqual(['a1']);
    expect(
      blocked(
        [op.assign('a1', 't2', BOT)],
        { personId: PERSON.dan, role: 'manager', departmentIds: [] },
        { botCollaboration: true },
      ),
    ).toEqual({});
  });

  it('blocks everything for a token outside the team, but not for an admin', () => {
    const team = PERSONS.filter((person) => person.id !== BOT);
    expect(
      blocked([op.priority('p1', 't1', 0, 1)], { personId: BOT, role: 'manager', departmentIds: [] }, { team }),
    ).toEqual({
      p1: "the token's account is not in this production's team",
    });
    expect(
      blocked([op.priority('p1', 't1', 0, 1)], { personId: BOT, role: 'admin', departmentIds: [] }, { team }),
    ).toEqual({});
  });

  it('reports operations on tasks it has no data for', () => {
    expect(
      blocked([op.priority('p1', 'unknown', 0, 1)], { personId: BOT, role: 'manager', departmentIds: [] }),
    ).toEqual({
      p1: 'the task was not found in Kitsu',
    });
  });
});

describe('mentions', () => {
  it('follows Python `$`: the end, or a final newline', () => {
    expect(mentions('hi @Ana Lima', 'Ana Lima')).toBe(true);
    expect(mentions('hi @Ana Lima\n', 'Ana Lima')).toBe(true);
    expect(mentions('hi @Ana Lima\nnext', 'Ana Lima')).toBe(false);
    expect(mentions('hi @Ana Limas ', 'Ana Lima')).toBe(false);
    expect(mentions('hi @A.na ', 'A+na')).toBe(false);
  });
});
