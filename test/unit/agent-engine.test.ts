import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENT_SETTINGS,
  dismiss,
  pruneDismissals,
  type Rule,
  registry,
  runRules,
  SuggestionSchema,
  snooze,
  suggestionId,
  tasksInScope,
  visibleSuggestions,
} from '../../lib/agent';
import { defineRule } from '../../lib/agent/define-rule';
import { contexts, NOW, PROJECT, snapshot, task } from '../../lib/agent/testing';
import { PlanSchema } from '../../lib/plans';

const fakeRule = (overrides: Partial<Pick<Rule, 'name' | 'pageKinds' | 'needsRole' | 'run'>> & Pick<Rule, 'id'>) =>
  defineRule({
    name: overrides.id,
    description: '',
    pageKinds: ['entity-list'],
    needsRole: null,
    settings: {},
    fields: [],
    run: () => [],
    ...overrides,
  });
const info = (ruleId: Rule['id'], key: string, severity: 'info' | 'warning' | 'critical' = 'info') => ({
  id: suggestionId(ruleId, [key]),
  ruleId,
  severity,
  title: `${ruleId} ${key}`,
  reasons: [{ text: key, evidence: {} }],
});

describe('agent engine', () => {
  it('lists the ten rules of the issue, each declaring page kinds and a role', () => {
    expect(registry.map((rule) => rule.id)).toEqual([
      'overdue',
      'review-backlog',
      'stale-wip',
      'unassigned',
      'overload',
      'retake-loop',
      'missing-estimates-dates',
      'start-on-wip',
      'thread-digest',
      'priority-drift',
    ]);
    for (const rule of registry) expect(rule.pageKinds.length).toBeGreaterThan(0);
    expect(registry.find((rule) => rule.id === 'thread-digest')?.pageKinds).toEqual(['task']);
  });

  it('runs only the rules of the page kind, and not disabled ones', () => {
    const rules = [
      fakeRule({ id: 'overdue', run: () => [info('overdue', 'a')] }),
      fakeRule({ id: 'thread-digest', pageKinds: ['task'], run: () => [info('thread-digest', 'b')] }),
      fakeRule({ id: 'stale-wip', run: () => [info('stale-wip', 'c')] }),
    ];
    const result = runRules(contexts.shots, snapshot([]), { disabledRules: ['stale-wip'] }, NOW, rules);
    expect(result.ran).toEqual(['overdue']);
    expect(result.suggestions.map((s) => s.ruleId)).toEqual(['overdue']);
    const onTask = runRules(contexts.task('t1'), snapshot([]), {}, NOW, rules);
    expect(onTask.ran).toEqual(['thread-digest']);
  });

  it('isolates a failing rule: the others still answer, the failure is a diagnostic', () => {
    const rules = [
      fakeRule({ id: 'overdue', run: () => [info('overdue', 'a')] }),
      fakeRule({
        id: 'stale-wip',
        run: () => {
          throw new Error('boom');
        },
      }),
      fakeRule({ id: 'unassigned', run: () => [info('unassigned', 'c')] }),
    ];
    const result = runRules(contexts.shots, snapshot([]), {}, NOW, rules);
    expect(result.suggestions.map((s) => s.ruleId)).toEqual(['overdue', 'unassigned']);
    expect(result.diagnostics).toEqual([{ ruleId: 'stale-wip', message: 'the rule failed: boom' }]);
  });

  it('drops invalid suggestions (an invalid plan, a wrong rule id, duplicates) with a diagnostic', () => {
    const badPlan = {
      ...info('overdue', 'x'),
      plan: {
        id: 'p',
        title: 'T',
        origin: { kind: 'rule', id: 'overdue' },
        createdAt: 'soon',
        host: 'x',
        projectId: 'p',
        operations: [],
      },
    };
    const rules = [
      fakeRule({
        id: 'overdue',
        needsRole: 'supervisor',
        run: () => [badPlan, info('stale-wip', 'y'), info('overdue', 'z'), info('overdue', 'z')] as never,
      }),
    ];
    const result = runRules(contexts.shots, snapshot([]), {}, NOW, rules);
    expect(result.suggestions.map((s) => s.title)).toEqual(['overdue z']);
    expect(result.diagnostics.map((d) => d.message.split(':')[0])).toEqual([
      'invalid suggestion dropped',
      'suggestion stale-wip',
      'duplicate suggestion id overdue',
    ]);
  });

  it('sorts by severity, then rule order, then the order the rule gave', () => {
    const rules = [
      fakeRule({ id: 'overdue', run: () => [info('overdue', 'o1'), info('overdue', 'o2', 'warning')] }),
      fakeRule({
        id: 'stale-wip',
        run: () => [info('stale-wip', 's1', 'critical'), info('stale-wip', 's2', 'warning')],
      }),
      fakeRule({ id: 'unassigned', run: () => [info('unassigned', 'u1', 'critical')] }),
    ];
    const result = runRules(contexts.shots, snapshot([]), {}, NOW, rules);
    expect(result.suggestions.map((s) => s.title)).toEqual([
      'stale-wip s1',
      'unassigned u1',
      'overdue o2',
      'stale-wip s2',
      'overdue o1',
    ]);
  });

  it('refuses a malformed snapshot or settings clearly instead of running rules on them', () => {
    const broken = runRules(contexts.shots, { ...snapshot([]), host: 'not a url' }, {}, NOW);
    expect(broken.suggestions).toEqual([]);
    expect(broken.diagnostics[0]?.ruleId).toBe('snapshot');
    const badSettings = runRules(contexts.shots, snapshot([]), { staleWip: { idleDays: -1 } }, NOW);
    expect(badSettings.diagnostics[0]?.ruleId).toBe('settings');
  });

  it('marks plans actionable only when the token role suffices, and never for plan-less rules', () => {
    const data = [
      task({ taskId: 't1', dueDate: '2026-03-01', assigneeIds: ['ana'] }),
      task({ taskId: 't2', statusId: 'wfa', endDate: '2026-03-01' }),
    ];
    const asSupervisor = runRules(contexts.shots, snapshot(data), {}, NOW).suggestions;
    const overdue = asSupervisor.find((s) => s.ruleId === 'overdue');
    expect(overdue).toMatchObject({ planRole: 'supervisor', actionable: true });
    expect(PlanSchema.safeParse(overdue?.plan).success).toBe(true);
    expect(asSupervisor.find((s) => s.ruleId === 'review-backlog')).toMatchObject({ actionable: false });
    expect(asSupervisor.find((s) => s.ruleId === 'review-backlog')).not.toHaveProperty('plan');

    const asArtist = runRules(
      contexts.shots,
      snapshot(data, { viewer: { personId: 'ana', role: 'user', departmentIds: [] } }),
      {},
      NOW,
    ).suggestions;
    expect(asArtist.find((s) => s.ruleId === 'overdue')).toMatchObject({ actionable: false, planRole: 'supervisor' });
    const unknownViewer = runRules(contexts.shots, snapshot(data, { viewer: undefined }), {}, NOW).suggestions;
    expect(unknownViewer.find((s) => s.ruleId === 'overdue')?.actionable).toBe(false);
    for (const suggestion of asSupervisor) expect(SuggestionSchema.parse(suggestion)).toEqual(suggestion);
  });

  it('scopes the tasks to the page: production, entity type, episode, entity, task type, task', () => {
    const data = snapshot([
      task({ taskId: 't1', entityId: 'e1', episodeId: 'ep1' }),
      task({ taskId: 't2', entityId: 'e1', taskTypeId: 'layout', episodeId: 'ep1' }),
      task({ taskId: 't3', entityId: 'e3', entityType: 'asset' }),
      task({ taskId: 't4', projectId: 'other-project' }),
      task({ taskId: 't5', episodeId: 'ep2' }),
    ]).tasks;
    const ids = (context: Parameters<typeof tasksInScope>[0]) => tasksInScope(context, data).map((t) => t.taskId);
    expect(ids(contexts.shots)).toEqual(['t1', 't2', 't5']);
    expect(ids(contexts.assets)).toEqual(['t3']);
    expect(ids({ ...contexts.shots, episodeId: 'ep1' as never })).toEqual(['t1', 't2']);
    expect(ids({ ...contexts.shots, episodeId: 'all' })).toEqual(['t1', 't2', 't5']);
    expect(ids(contexts.entity('e1'))).toEqual(['t1', 't2']);
    expect(ids(contexts.taskType('layout'))).toEqual(['t2']);
    expect(ids(contexts.task('t5'))).toEqual(['t5']);
    expect(ids(contexts.myChecks)).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('gives the same ids for the same situation across runs and reloads (JSON round trip)', () => {
    const data = snapshot([
      task({ taskId: 't1', dueDate: '2026-03-01', assigneeIds: ['ana'] }),
      task({ taskId: 't2', dueDate: '2026-03-02', assigneeIds: ['ben'] }),
    ]);
    const first = runRules(contexts.shots, data, {}, NOW).suggestions;
    const later = runRules(
      contexts.shots,
      JSON.parse(JSON.stringify(data)),
      {},
      new Date('2026-03-12T08:00:00Z'),
    ).suggestions;
    expect(first.map((s) => s.id)).toEqual(later.map((s) => s.id));
    expect(new Set(first.map((s) => s.id)).size).toBe(first.length);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(suggestionId('overdue', ['b', 'a', 'a'])).toBe(suggestionId('overdue', ['a', 'b']));
    expect(suggestionId('overdue', ['a'])).not.toBe(suggestionId('stale-wip', ['a']));
    expect(suggestionId('overdue', ['a'])).not.toBe(suggestionId('overdue', ['a', 'b']));
    expect(suggestionId('overdue', ['t1'])).toMatch(/^overdue:[0-9a-f]{16}$/);
  });
});

describe('dismiss and snooze', () => {
  const suggestions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('hides dismissed suggestions forever and snoozed ones until the snooze ends', () => {
    let dismissals = dismiss({}, 'a');
    dismissals = snooze(dismissals, 'b', NOW, 1);
    expect(dismissals.b).toEqual({ until: '2026-03-12T10:00:00.000Z' });
    expect(visibleSuggestions(suggestions, dismissals, NOW).map((s) => s.id)).toEqual(['c']);
    expect(visibleSuggestions(suggestions, dismissals, new Date('2026-03-12T09:59:59Z')).map((s) => s.id)).toEqual([
      'c',
    ]);
    expect(visibleSuggestions(suggestions, dismissals, new Date('2026-03-12T10:00:00Z')).map((s) => s.id)).toEqual([
      'b',
      'c',
    ]);
    expect(visibleSuggestions(suggestions, dismissals, new Date('2030-01-01T00:00:00Z')).map((s) => s.id)).toEqual([
      'b',
      'c',
    ]);
    expect(snooze({}, 'a', NOW, 7).a?.until).toBe('2026-03-18T10:00:00.000Z');
  });

  it('keeps a dismissal across reloads: the same data gives the same id, which stays hidden', () => {
    const data = snapshot([task({ taskId: 't1', dueDate: '2026-03-01', assigneeIds: ['ana'] })]);
    const [overdue] = runRules(contexts.shots, data, {}, NOW).suggestions;
    if (!overdue) throw new Error('expected a suggestion');
    const stored = JSON.parse(JSON.stringify(dismiss({}, overdue.id)));
    const reloaded = runRules(contexts.shots, data, {}, new Date('2026-03-20T00:00:00Z')).suggestions;
    expect(reloaded.map((s) => s.id)).toContain(overdue.id);
    expect(visibleSuggestions(reloaded, stored, NOW).map((s) => s.id)).not.toContain(overdue.id);
  });

  it('prunes expired snoozes and keeps the rest', () => {
    const dismissals = { ...dismiss({}, 'a'), ...snooze({}, 'b', NOW, 1), ...snooze({}, 'c', NOW, 7) };
    expect(Object.keys(pruneDismissals(dismissals, new Date('2026-03-13T00:00:00Z')))).toEqual(['a', 'c']);
  });
});

it('default settings carry every threshold', () => {
  expect(DEFAULT_AGENT_SETTINGS).toMatchObject({
    recentHumanChangeDays: 3,
    overdue: { graceDays: 0, criticalAfterDays: 7 },
    staleWip: { idleDays: 5 },
    retakeLoop: { retakeThreshold: 3 },
    priorityDrift: { minPriority: 1, idleDays: 3, blockingCount: 3 },
  });
  expect(PROJECT).toBeTruthy();
});
