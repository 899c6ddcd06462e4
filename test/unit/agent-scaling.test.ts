// The rules grow linearly with the production (up to the log factor of their sorts), not with its
// square. Counted, not timed: every task, person and comment of the snapshot is a proxy that counts
// the reads of its fields, and four times the data must cost less than six times the reads (a rule
// scanning every task for each task costs sixteen times).
import { describe, expect, it } from 'vitest';
import { buildRuleInput, DEFAULT_AGENT_SETTINGS, type Rule, registry } from '../../lib/agent';
import { threadDigestRule } from '../../lib/agent/rules/thread-digest';
import { contexts, NOW, persons, snapshot, task } from '../../lib/agent/testing';
import type { AgentComment, AgentSnapshot, AgentTaskInput, HumanChange } from '../../lib/agent/types';
import type { PageContext } from '../../lib/kitsu-routes';

const GROWTH_BOUND = 6;
const TASK_TYPES = ['layout', 'anim', 'light', 'comp', 'fx'];
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** A deterministic number in [0, 1) for a row and a purpose. */
function unit(index: number, salt: number): number {
  let hash = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39);
  return ((hash ^ (hash >>> 15)) >>> 0) / 2 ** 32;
}

/**
 * `count` tasks, five per shot, with what every rule of a shots list looks for: Ana and Ben share the
 * animation and are overloaded, Cleo (same department) has a few tasks and room for some moves, Dan
 * does the layout; high priorities, later steps not started, missing estimates, reviews, retakes.
 */
function production(count: number): AgentSnapshot {
  const tasks: AgentTaskInput[] = [];
  const recentChanges: Record<string, HumanChange[]> = {};
  for (let index = 0; index < count; index++) {
    const roll = (salt: number) => unit(index, salt);
    const taskTypeId = TASK_TYPES[index % TASK_TYPES.length] as string;
    const shot = Math.floor(index / TASK_TYPES.length);
    const state = roll(1);
    const statusId =
      state < 0.45 ? 'todo' : state < 0.65 ? 'wip' : state < 0.8 ? 'wfa' : state < 0.88 ? 'retake' : 'done';
    const started = statusId !== 'todo';
    const due = roll(2) < 0.8 ? Math.floor(roll(3) * 60) - 20 : null;
    const animator = index < 50 && roll(4) < 0.2 ? 'cleo' : roll(4) < 0.6 ? 'ana' : 'ben';
    const assignee = taskTypeId === 'anim' ? animator : taskTypeId === 'layout' ? 'dan' : roll(4) < 0.5 ? 'ana' : 'dan';
    tasks.push(
      task({
        taskId: `t${index}`,
        entityId: `shot-${shot}`,
        entityName: `SH${String(shot * 10).padStart(5, '0')}`,
        taskTypeId,
        statusId,
        assigneeIds: roll(5) < (started ? 0.95 : 0.6) ? [assignee] : [],
        dueDate: due === null ? null : day(due),
        startDate: due === null || roll(6) < 0.2 ? null : day(due - 3 - Math.floor(roll(7) * 12)),
        estimation: roll(8) < 0.65 ? (1 + Math.floor(roll(9) * 12)) * 240 : null,
        priority: roll(10) < 0.8 ? 0 : 1 + Math.floor(roll(11) * 3),
        lastCommentDate: started ? day(-Math.floor(roll(12) * 20)) : null,
        retakeCount: statusId === 'retake' ? 1 + Math.floor(roll(13) * 4) : 0,
        realStartDate: started && roll(14) < 0.9 ? day(-5 - Math.floor(roll(15) * 25)) : null,
      }),
    );
    if (roll(16) < 0.05)
      recentChanges[`t${index}`] = [{ field: 'assignees', personId: 'cleo', at: `${day(-1)}T09:00`, inexact: false }];
  }
  return snapshot(tasks, { recentChanges });
}

/** The snapshot with every task, person and comment counting the reads of its fields. */
function counted(data: AgentSnapshot) {
  const counter = { reads: 0 };
  const watch = <T extends object>(row: T): T =>
    new Proxy(row, {
      get(target, key, receiver) {
        counter.reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  const comments = Object.fromEntries(
    Object.entries(data.comments).map(([taskId, thread]) => [taskId, thread.map(watch)]),
  );
  return { counter, data: { ...data, tasks: data.tasks.map(watch), persons: data.persons.map(watch), comments } };
}

/** Reads of the snapshot to build a rule's input and run it, as the engine does, and what it found. */
function readsOf(rule: Rule, data: AgentSnapshot, context: PageContext) {
  const watched = counted(data);
  const suggestions = rule.run(buildRuleInput(context, watched.data, DEFAULT_AGENT_SETTINGS, NOW));
  return { reads: watched.counter.reads, suggestions };
}

describe('rule engine scaling', () => {
  it('every rule of a shots list reads 4× the tasks less than 6× as often', () => {
    const small = production(500);
    const large = production(2_000);
    const growth: Record<string, number> = {};
    for (const rule of registry.filter((candidate) => candidate.pageKinds.includes('entity-list'))) {
      const before = readsOf(rule, small, contexts.shots);
      const after = readsOf(rule, large, contexts.shots);
      // Each size gives the rule something to do, so the figure measures its work, not an early exit.
      expect(before.suggestions.length, rule.id).toBeGreaterThan(0);
      expect(after.suggestions.length, rule.id).toBeGreaterThan(0);
      growth[rule.id] = after.reads / before.reads;
      if (rule.id === 'overload') {
        // Both ways through the search for someone with room: a move, and no room left.
        const texts = after.suggestions.flatMap((suggestion) => suggestion.reasons.map((reason) => reason.text));
        expect(texts.some((text) => text.startsWith('Move ') && text.includes(' to Cleo Martin'))).toBe(true);
        expect(texts.some((text) => text.includes('nobody in its department has room'))).toBe(true);
      }
    }
    expect(Object.keys(growth)).toHaveLength(9);
    // At least the scan of the tasks (4×): the counter sees the work.
    expect(Object.entries(growth).filter(([, factor]) => factor < 3.5)).toEqual([]);
    expect(Object.entries(growth).filter(([, factor]) => factor >= GROWTH_BOUND)).toEqual([]);
  });

  it('the thread digest reads 4× the comments less than 6× as often', () => {
    const thread = (count: number): AgentComment[] =>
      Array.from({ length: count }, (_, index) => {
        const author = persons[index % 4] as (typeof persons)[number];
        // Half the mentions go to Eve, who never answers: the search for her answer runs to the end.
        const mentioned = persons[index % 2 ? 4 : (index + 1) % 4] as (typeof persons)[number];
        return {
          id: `c${String(index).padStart(5, '0')}`,
          person_id: author.id,
          created_at: `${day(-Math.floor(index / 10))}T${String(index % 24).padStart(2, '0')}:00:00`,
          text: `Notes ${index} for @${mentioned.full_name}`,
          task_status_id: index % 3 === 0 ? 'wip' : 'wfa',
          checklist: index % 5 === 0 ? [{ text: `Fix ${index}`, checked: index % 10 === 0 }] : [],
        };
      });
    const page = contexts.task('t1');
    const withThread = (count: number) =>
      snapshot([task({ taskId: 't1', statusId: 'wfa' })], { comments: { t1: thread(count) } });
    const before = readsOf(threadDigestRule, withThread(100), page);
    const after = readsOf(threadDigestRule, withThread(400), page);
    expect(after.suggestions[0]?.title).toMatch(/^Thread: 400 comments/);
    expect(after.reads / before.reads).toBeGreaterThan(3.5);
    expect(after.reads / before.reads).toBeLessThan(GROWTH_BOUND);
  });
});
