// Items whose write outcome is unknown (a timeout, a dropped connection, a worker that died mid-write) are
// never written blind a second time: Kitsu is asked whether the write landed, patiently, and the item is
// settled from what it shows.
import { t } from '../i18n/pure';
import { describeKitsuError, isKitsuApiError, type KitsuErrorKind } from '../kitsu';
import { pause } from '../shared/promises';
import type { Limit } from './concurrency';
import type { ItemResult } from './journal';
import type { Operation } from './model';
import { continueItem, type ReadBack, type ReadyItem, readBack, type StepContext, type StepOutcome } from './steps';

/**
 * How many times Kitsu is asked whether a write of unknown outcome landed. One unreadable answer (a
 * garbled body from a proxy, a 5xx after the client's own retries) must not leave an item unsettled.
 */
const READ_BACK_ATTEMPTS = 3;
const READ_BACK_PAUSE_MS = 1_000;

/** zou refused the request as a whole: nothing was written. */
const REFUSALS: readonly KitsuErrorKind[] = [
  'auth',
  'auth-expired',
  'auth-revoked',
  'permission',
  'validation',
  'conflict',
];

export interface SettleOptions {
  limit: Limit;
  context: StepContext;
  signal?: AbortSignal;
  /** How long a write may still land after its answer was lost: zou finishes a request whose client is gone. */
  landingMs: number;
  readBackPauseMs?: number;
  /** Ends an item: journal, audit, progress. */
  finish: (op: Operation, outcome: StepOutcome) => Promise<void>;
}

export function createSettler(options: SettleOptions) {
  const { limit, context, signal } = options;

  const readBackPatiently = async (op: Operation): Promise<ReadBack> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await limit(() => readBack(op, context));
      } catch (error) {
        if (attempt >= READ_BACK_ATTEMPTS || signal?.aborted) throw error;
        await pause((options.readBackPauseMs ?? READ_BACK_PAUSE_MS) * attempt);
      }
    }
  };

  /** Finishes a partly written item; it ends 'failed' with the reason when Kitsu fails again. */
  const continueSafely = async (op: Operation, partial: ItemResult): Promise<StepOutcome> => {
    try {
      return await limit(() => continueItem(op, partial, context));
    } catch (error) {
      return { state: 'failed', reason: describeKitsuError(error), result: partial };
    }
  };

  /** Reads started items back and settles those Kitsu shows an answer for; returns the ones it shows nothing of. */
  const settleStarted = async (ops: readonly Operation[]): Promise<Operation[]> => {
    const absent: Operation[] = [];
    await Promise.all(
      ops.map(async (op) => {
        let seen: ReadBack;
        try {
          seen = await readBackPatiently(op);
        } catch {
          return; // Kitsu unreadable, time after time: the item stays 'started' and the job 'interrupted'.
        }
        if (seen.landed) await options.finish(op, { state: 'applied', result: seen.result });
        else if (seen.partial) await options.finish(op, await continueSafely(op, seen.partial));
        else if (seen.changed)
          await options.finish(op, { state: 'failed', reason: t('errorInterruptedAnd', { what: seen.changed }) });
        else absent.push(op);
      }),
    );
    return absent;
  };

  /**
   * A batch write failed: what each of its items really did, read back from Kitsu; `absent`: the items Kitsu
   * shows nothing of (their outcome says they failed).
   */
  const settleFailedBatch = async (
    ready: readonly ReadyItem[],
    error: unknown,
  ): Promise<{ outcomes: Map<string, StepOutcome>; absent: Set<string> }> => {
    const why = describeKitsuError(error);
    const outcomes = new Map<string, StepOutcome>();
    const absent = new Set<string>();
    if (ready.length === 1 && isKitsuApiError(error) && REFUSALS.includes(error.kind)) {
      for (const { op } of ready) outcomes.set(op.id, { state: 'failed', reason: why });
      return { outcomes, absent };
    }
    // zou finishes a request whose client stopped waiting: read back once such a write had time to land,
    // or a slow batch would be reported "not on the task" and land afterwards.
    if (isKitsuApiError(error) && error.kind === 'timeout') await pause(options.landingMs);
    await Promise.all(
      ready.map(async ({ op }) => {
        try {
          const seen = await readBackPatiently(op);
          if (!seen.landed && !seen.partial) absent.add(op.id);
          outcomes.set(
            op.id,
            seen.landed
              ? { state: 'applied', result: seen.result }
              : seen.partial
                ? await continueSafely(op, seen.partial)
                : { state: 'failed', reason: t('errorChangeNotOnTask', { why }) },
          );
        } catch {
          outcomes.set(op.id, { state: 'failed', reason: t('errorChangeUnknown', { why }) });
        }
      }),
    );
    return { outcomes, absent };
  };

  return { settleStarted, settleFailedBatch, readBackPatiently };
}
