import { describe, expect, it } from 'vitest';
import {
  AgentSnapshotSchema,
  DEFAULT_AGENT_SETTINGS,
  type Dismissals,
  runRules,
  type Suggestion,
  visibleSuggestions,
} from '../../lib/agent';
import { dismissalsKey, readDismissals, withDismissal } from '../../lib/agent/dismissals';
import { contexts, HOST, NOW, PROJECT, snapshot, task } from '../../lib/agent/testing';
import {
  agentPageOf,
  buildAgentSnapshot,
  episodeOf,
  REASON_CHARS,
  REASONS_PER_SUGGESTION,
  type SnapshotSources,
  shortReason,
  suggestionsView,
} from '../../lib/agent/view';
import { listTask, person, shot } from './support/kitsu-records';

function sources(overrides: Partial<SnapshotSources> = {}): SnapshotSources {
  return {
    host: HOST,
    project: { id: PROJECT, name: 'Big Buck', max_retakes: 4 },
    authenticated: { user: { ...person('cleo', 'supervisor'), expiration_date: null } },
    shots: [
      shot('sh010', [
        listTask({ id: 't-late', entity_id: 'sh010', due_date: '2026-03-02T00:00:00', assignees: ['ana'] }),
        listTask({ id: 't-retakes', entity_id: 'sh010', task_type_id: 'layout', retake_count: 4, end_date: null }),
      ]),
    ],
    assets: [],
    statuses: [
      {
        id: 'todo',
        name: 'Todo',
        short_name: 'todo',
        color: '#fff',
        is_done: false,
        is_retake: false,
        is_feedback_request: false,
      },
      {
        id: 'done',
        name: 'Done',
        short_name: 'done',
        color: '#0f0',
        is_done: true,
        is_retake: false,
        is_feedback_request: false,
      },
    ],
    taskTypes: [
      { id: 'anim', name: 'Animation', color: '#f00', priority: 2, for_entity: 'Shot', department_id: 'd-anim' },
      { id: 'layout', name: 'Layout', color: '#00f', priority: 1, for_entity: 'Shot', department_id: null },
    ],
    persons: [person('ana', 'user'), person('cleo', 'supervisor')],
    departments: [{ id: 'd-anim', name: 'Animation', color: '#f00' }],
    ...overrides,
  };
}

describe('agent view: pages', () => {
  it('runs on production pages only', () => {
    expect(agentPageOf(contexts.shots)).toBe(contexts.shots);
    expect(agentPageOf(contexts.task('t1'))?.kind).toBe('task');
    expect(agentPageOf(contexts.entity('e1'))?.kind).toBe('entity');
    expect(agentPageOf(contexts.taskType('anim'))?.kind).toBe('task-type');
    expect(agentPageOf(contexts.myChecks)).toBeNull();
    expect(agentPageOf(contexts.other)).toBeNull();
  });

  it('narrows the lists to a chosen episode only', () => {
    expect(episodeOf({ ...contexts.shots, episodeId: 'all' })).toBeUndefined();
    expect(episodeOf({ ...contexts.shots, episodeId: 'main' })).toBeUndefined();
    expect(episodeOf(contexts.shots)).toBeUndefined();
    const episode = { ...contexts.shots, episodeId: '0f0e0d0c-0000-4000-8000-0000000000e1' } as typeof contexts.shots;
    expect(episodeOf(episode)).toBe('0f0e0d0c-0000-4000-8000-0000000000e1');
  });
});

describe('agent view: snapshot from Kitsu data', () => {
  it('builds a snapshot the rules accept, with the token’s user as viewer', () => {
    const built = buildAgentSnapshot(sources());
    const parsed = AgentSnapshotSchema.parse(built);
    expect(parsed.viewer).toEqual({ personId: 'cleo', role: 'supervisor', departmentIds: ['d-anim'] });
    expect(parsed.project).toEqual({ id: PROJECT, name: 'Big Buck', max_retakes: 4 });
    expect(parsed.tasks.map((t) => [t.taskId, t.retakeCount, t.dueDate, t.assigneeIds])).toEqual([
      ['t-late', 0, '2026-03-02', ['ana']],
      ['t-retakes', 4, null, []],
    ]);
    expect(parsed.persons.map((p) => [p.id, p.role, p.departments])).toEqual([
      ['ana', 'user', ['d-anim']],
      ['cleo', 'supervisor', ['d-anim']],
    ]);
    expect(parsed.departments).toEqual([{ id: 'd-anim', name: 'Animation' }]);
  });

  it('has no viewer when the token is unknown or its role is not a Kitsu role', () => {
    expect(buildAgentSnapshot(sources({ authenticated: null })).viewer).toBeUndefined();
    const odd = { user: { ...person('x', 'robot', []), expiration_date: null } };
    expect(buildAgentSnapshot(sources({ authenticated: odd })).viewer).toBeUndefined();
  });

  it('keeps the thread of the task page', () => {
    const comment = {
      id: 'c1',
      object_id: 't-late',
      text: 'Please @ana Doe check',
      task_status_id: 'todo',
      person_id: 'cleo',
      created_at: '2026-03-01T09:00:00',
      checklist: [{ text: 'ears', checked: false }],
      mentions: ['ana'],
    };
    const built = AgentSnapshotSchema.parse(buildAgentSnapshot(sources({ comments: { 't-late': [comment] } })));
    expect(built.comments['t-late']).toEqual([
      {
        id: 'c1',
        person_id: 'cleo',
        created_at: '2026-03-01T09:00:00',
        text: 'Please @ana Doe check',
        task_status_id: 'todo',
        checklist: [{ text: 'ears', checked: false }],
        mentions: ['ana'],
      },
    ]);
  });

  it('gives the rules what they need to find the situations of the data', () => {
    const result = runRules(contexts.shots, buildAgentSnapshot(sources()), DEFAULT_AGENT_SETTINGS, NOW);
    expect(result.diagnostics).toEqual([]);
    const rules = new Set(result.suggestions.map((s) => s.ruleId));
    expect(rules.has('overdue')).toBe(true);
    expect(rules.has('retake-loop')).toBe(true);
    expect(rules.has('unassigned')).toBe(true);
  });
});

describe('agent view: what the dock receives', () => {
  const data = snapshot([
    task({ taskId: 'late1', dueDate: '2026-03-01', assigneeIds: ['ana'] }),
    task({ taskId: 'late2', dueDate: '2026-03-05', assigneeIds: ['ben'] }),
    task({ taskId: 'loop', retakeCount: 6, assigneeIds: ['ana'] }),
  ]);
  const { suggestions } = runRules(contexts.shots, data, DEFAULT_AGENT_SETTINGS, NOW);

  it('groups per rule in the registry’s order, with counts, and drops plans and evidence', () => {
    const view = suggestionsView(suggestions, suggestions);
    expect(view.groups.length).toBeGreaterThan(1);
    const order = view.groups.map((g) => g.ruleId);
    expect(order.indexOf('overdue')).toBeLessThan(order.indexOf('retake-loop'));
    for (const group of view.groups) {
      expect(group.count).toBe(view.suggestions.filter((s) => s.ruleId === group.ruleId).length);
      expect(group.name).not.toBe('');
    }
    expect(view.hidden).toBe(0);
    const overdue = view.suggestions.find((s) => s.ruleId === 'overdue');
    const original = suggestions.find((s) => s.id === overdue?.id) as Suggestion;
    expect(overdue).toEqual({
      id: original.id,
      ruleId: 'overdue',
      severity: original.severity,
      title: original.title,
      reasons: original.reasons.map((r) => r.text),
      reasonCount: original.reasons.length,
      taskCount: expect.any(Number),
      tasks: [],
      hasPlan: original.plan !== undefined,
      actionable: original.actionable,
    });
    expect(overdue?.taskCount).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toContain('"operations"');
    expect(JSON.stringify(view)).not.toContain('"evidence"');
  });

  it('counts the hidden ones and leaves their group out when all are hidden', () => {
    const loop = suggestions.find((s) => s.ruleId === 'retake-loop') as Suggestion;
    const dismissals = withDismissal({}, loop.id, null, NOW);
    const visible = visibleSuggestions(suggestions, dismissals, NOW);
    const view = suggestionsView(suggestions, visible, { problems: 2 });
    expect(view.hidden).toBe(1);
    expect(view.problems).toBe(2);
    expect(view.suggestions.map((s) => s.id)).not.toContain(loop.id);
    expect(view.groups.map((g) => g.ruleId)).not.toContain('retake-loop');
  });
});

describe('agent view: a large production', () => {
  // 300 shots without estimate nor dates, 5 with both: one suggestion naming 300 shots, with a reason
  // for each of the 300 that has no date to count from.
  const bare = Array.from({ length: 300 }, (_, index) =>
    task({ taskId: `s${String(index).padStart(4, '0')}`, estimation: null, startDate: null, dueDate: null }),
  );
  const dated = Array.from({ length: 5 }, (_, index) =>
    task({ taskId: `d${index}`, estimation: 480, startDate: '2026-03-02', dueDate: '2026-03-09' }),
  );
  const { suggestions } = runRules(contexts.shots, snapshot([...bare, ...dated]), DEFAULT_AGENT_SETTINGS, NOW);
  const missing = suggestions.find((s) => s.ruleId === 'missing-estimates-dates') as Suggestion;

  it('sends the first reasons of a suggestion, each shortened after a whole name, and how many there are', () => {
    expect(missing.reasons.length).toBeGreaterThan(300);
    expect(missing.reasons[0]?.text.length).toBeGreaterThan(2000);
    const sent = suggestionsView(suggestions, suggestions).suggestions.find((s) => s.id === missing.id);
    expect(sent?.reasonCount).toBe(missing.reasons.length);
    expect(sent?.reasons).toHaveLength(REASONS_PER_SUGGESTION);
    for (const reason of sent?.reasons ?? []) expect(reason.length).toBeLessThanOrEqual(REASON_CHARS);
    const [first] = sent?.reasons ?? [];
    expect(first).toMatch(/^300 tasks without estimate: S0000, S0001, .*, …$/);
    const names = (first ?? '').replace('300 tasks without estimate: ', '').split(', ').slice(0, -1);
    expect(names).toEqual(bare.slice(0, names.length).map((t) => t.taskId.toUpperCase()));
    const rest = missing.reasons.slice(1, REASONS_PER_SUGGESTION).map((r) => r.text);
    expect(sent?.reasons.slice(1)).toEqual(rest.map((text) => shortReason(text)));
    expect(sent?.reasons.slice(3)).toEqual(rest.slice(2));
  });

  it('leaves a short reason alone and cuts one without a list at the limit', () => {
    expect(shortReason('Retaken 3 times.')).toBe('Retaken 3 times.');
    expect(shortReason('x'.repeat(400), 100)).toBe(`${'x'.repeat(99)}…`);
    expect(shortReason('x'.repeat(400), 100)).toHaveLength(100);
  });
});

describe('agent view: dismissals', () => {
  it('stores them per Kitsu host', () => {
    expect(dismissalsKey('https://kitsu.a.example')).toBe('sidekick-dismissals:https://kitsu.a.example');
    expect(dismissalsKey('https://kitsu.a.example')).not.toBe(dismissalsKey('https://kitsu.b.example'));
  });

  it('reads damaged or absent storage as no dismissals', () => {
    expect(readDismissals(undefined)).toEqual({});
    expect(readDismissals('nonsense')).toEqual({});
    expect(readDismissals({ a: { until: 'tomorrow' } })).toEqual({});
    expect(readDismissals({ a: { until: 'forever' } })).toEqual({ a: { until: 'forever' } });
  });

  it('dismisses for good or snoozes for days, and forgets expired snoozes', () => {
    const old: Dismissals = { gone: { until: '2026-03-10T00:00:00.000Z' }, kept: { until: 'forever' } };
    const forever = withDismissal(old, 's1', null, NOW);
    expect(forever).toEqual({ kept: { until: 'forever' }, s1: { until: 'forever' } });
    const week = withDismissal(old, 's2', 7, NOW);
    expect(week.s2).toEqual({ until: '2026-03-18T10:00:00.000Z' });
    expect(week.gone).toBeUndefined();
    const items = [{ id: 's2' }, { id: 'other' }];
    expect(visibleSuggestions(items, week, NOW).map((s) => s.id)).toEqual(['other']);
    expect(visibleSuggestions(items, week, new Date('2026-03-18T10:00:01Z')).map((s) => s.id)).toEqual(['s2', 'other']);
  });
});

describe('agent view: size', () => {
  it('sends at most a few suggestions per rule, with the count of all', () => {
    const many = snapshot(
      Array.from({ length: 30 }, (_, n) => task({ taskId: `late${n}`, dueDate: '2026-03-01', assigneeIds: ['ana'] })),
    );
    const { suggestions } = runRules(contexts.shots, many, DEFAULT_AGENT_SETTINGS, NOW);
    const overdue = suggestions.filter((s) => s.ruleId === 'overdue');
    expect(overdue.length).toBe(30);
    const view = suggestionsView(suggestions, suggestions, { perRule: 5 });
    expect(view.groups.find((g) => g.ruleId === 'overdue')?.count).toBe(30);
    expect(view.suggestions.filter((s) => s.ruleId === 'overdue').map((s) => s.id)).toEqual(
      overdue.slice(0, 5).map((s) => s.id),
    );
  });
});
