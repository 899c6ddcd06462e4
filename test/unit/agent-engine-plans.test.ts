// The engine takes the plans rulePlan builds as they are (PlanSchema checks them when proposed) and
// still checks any other plan a rule returns.
import { describe, expect, it } from 'vitest';
import { runRules, suggestionId } from '../../lib/agent';
import { defineRule } from '../../lib/agent/define-rule';
import { rulePlan } from '../../lib/agent/helpers';
import { contexts, NOW, snapshot } from '../../lib/agent/testing';
import type { Plan } from '../../lib/plans';

const ruleReturning = (plan: (input: Parameters<typeof rulePlan>[0]) => Plan | undefined) =>
  defineRule({
    id: 'overdue',
    name: 'overdue',
    description: '',
    pageKinds: ['entity-list'],
    needsRole: 'supervisor',
    settings: {},
    fields: [],
    run: (input) => [
      {
        id: suggestionId('overdue', ['x']),
        ruleId: 'overdue',
        severity: 'info',
        title: 'overdue x',
        reasons: [{ text: 'x', evidence: {} }],
        plan: plan(input),
      },
    ],
  });

const comment = {
  kind: 'comment',
  taskId: 't1',
  taskLabel: 'SH010 / Animation',
  preconditions: {},
  text: 'Sidekick: a reminder',
} as const;

describe('agent engine plans', () => {
  it('passes a plan rulePlan built through as it is, without a copy', () => {
    let built: Plan | undefined;
    const rule = ruleReturning((input) => {
      built = rulePlan(input, 'overdue', 'overdue:x', 'Remind', [comment]);
      return built;
    });
    const result = runRules(contexts.shots, snapshot([]), {}, NOW, [rule]);
    expect(result.diagnostics).toEqual([]);
    expect(built).toBeDefined();
    expect(result.suggestions[0]?.plan).toBe(built);
  });

  it('still checks a plan built elsewhere: a valid one is kept, an invalid one dropped', () => {
    const copy = ruleReturning((input) => ({
      ...(rulePlan(input, 'overdue', 'overdue:x', 'Remind', [comment]) as Plan),
    }));
    expect(runRules(contexts.shots, snapshot([]), {}, NOW, [copy]).suggestions).toHaveLength(1);

    const rule = ruleReturning((input) => ({
      ...(rulePlan(input, 'overdue', 'overdue:x', 'Remind', [comment]) as Plan),
      createdAt: 'soon',
    }));
    const result = runRules(contexts.shots, snapshot([]), {}, NOW, [rule]);
    expect(result.suggestions).toEqual([]);
    expect(result.diagnostics.map((d) => d.message.split(':')[0])).toEqual(['invalid suggestion dropped']);
  });
});
