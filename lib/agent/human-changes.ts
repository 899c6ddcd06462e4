// The rules' "recent human decisions" guard, fed from Kitsu's event log where the token may read it
// (production managers and studio managers; zou refuses the others with 403). Each saved event names
// the person whose token made the request; Sidekick's own writes are made with its token, so that
// person's events are left out, as are bots'. An edit of a task's own fields does not say which field
// changed: it guards the dates, the estimate and the priority alike, and the reason says so.
import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { t } from '../i18n/pure';
import { describeKitsuError, type EventLogRead, isKitsuApiError } from '../kitsu';
import { knownRole, roleAllows } from '../shared/roles';
import { type HumanDecision, humanDecisionsFromEvents } from '../workflow/human-decisions';
import type { AgentSnapshotInput, HumanChange, HumanChangeField } from './types';

const FIELDS_OF_KIND: Readonly<Record<HumanDecision['kind'], readonly HumanChangeField[]>> = {
  assignees: ['assignees'],
  status: ['status'],
  'task-fields': ['dates', 'estimation', 'priority'],
};

/** The snapshot's recent changes per task id, from the decisions read in the log. */
export function recentChangesOf(decisions: readonly HumanDecision[]): Record<string, HumanChange[]> {
  const byTask: Record<string, HumanChange[]> = {};
  for (const decision of decisions) {
    const inexact = decision.kind === 'task-fields';
    const changes = FIELDS_OF_KIND[decision.kind].map((field) => ({
      field,
      personId: decision.personId,
      at: decision.at,
      inexact,
    }));
    byTask[decision.taskId] = [...(byTask[decision.taskId] ?? []), ...changes];
  }
  return byTask;
}

export type DecisionFeed =
  | {
      available: true;
      recentChanges: Record<string, HumanChange[]>;
      /** The log read they come from: the cache's same object while no event changed it. */
      log: EventLogRead;
    }
  | { available: false; reason: string };

/** What a run tells the panel about the feed: that the guard worked, or why it could not. */
export type DecisionFeedState = { available: true } | Extract<DecisionFeed, { available: false }>;

/** Whether the token's role may read the event log, before asking zou (which has the last word). */
export function mayReadEventLog(role: string | undefined): boolean {
  return roleAllows(knownRole(role), 'manager');
}

/**
 * The recent decisions of people on the production, or why they cannot be read with this token. The
 * log is read through the session's cache: panels take it as they take the task lists ('swr'), a plan
 * to review only fresh (read within seconds, or kept by the live stream since).
 */
export async function readDecisionFeed(
  session: Pick<Session, 'reads'>,
  reader: { viewer: AgentSnapshotInput['viewer']; persons: readonly { id: string; is_bot?: boolean }[] },
  { projectId, now, windowDays, mode }: { projectId: string; now: Date; windowDays: number; mode: ReadMode },
): Promise<DecisionFeed> {
  if (windowDays === 0) return { available: false, reason: t('reasonGuardOff') };
  const viewer = reader.viewer;
  if (!viewer || !mayReadEventLog(viewer.role)) {
    return { available: false, reason: t('reasonGuardNotManager') };
  }
  const bots = new Set(reader.persons.filter((person) => person.is_bot).map((person) => person.id));
  try {
    const log = await session.reads.eventLog(mode, projectId, windowDays, now);
    const decisions = humanDecisionsFromEvents(log.events, {
      isHuman: (personId) => personId !== viewer.personId && !bots.has(personId),
    });
    return { available: true, recentChanges: recentChangesOf(decisions), log };
  } catch (error) {
    if (isKitsuApiError(error) && error.status === 403) {
      return { available: false, reason: t('reasonGuardRefused') };
    }
    // The suggestions still show; plans then rely on the re-check before each write.
    return { available: false, reason: t('reasonGuardUnreadable', { error: describe(error) }) };
  }
}

function describe(error: unknown): string {
  return isKitsuApiError(error) ? describeKitsuError(error) : error instanceof Error ? error.message : String(error);
}
