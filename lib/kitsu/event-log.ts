// Every event of a production since an instant, read page by page from zou's event log.
//
// zou's own cursor (cursor_event_id) returns the events strictly older than the cursor's second, so
// the other events of that second would be lost between two pages. Each next page asks instead for
// the events before the end of the oldest second seen, and drops the ones it already has.
import type { CallOptions, KitsuClient } from './client';
import type { EventLogEntry } from './schemas';

export interface EventLogRead {
  /** Newest first, each event once. */
  events: EventLogEntry[];
  /** False when events may be missing: the page limit was reached, or one second held a whole page. */
  complete: boolean;
}

export interface EventLogReadOptions {
  /** zou returns at most 1,000 events a page. */
  pageSize?: number;
  maxPages?: number;
}

/** The instant of a zou event date ("YYYY-MM-DDTHH:MM:SS", UTC); NaN when it is not one. */
function instantOfEventDate(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}Z`) : Number.NaN;
}

export async function readEventLogSince(
  client: Pick<KitsuClient, 'eventLog'>,
  projectId: string,
  after: Date,
  { pageSize = 1000, maxPages = 10 }: EventLogReadOptions = {},
  call?: CallOptions,
): Promise<EventLogRead> {
  const seen = new Map<string, EventLogEntry>();
  let before: Date | undefined;
  let lostSome = false;
  for (let page = 0; page < maxPages; page++) {
    const rows = await client.eventLog({ projectId, after, before, limit: pageSize }, call);
    for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
    if (rows.length < pageSize) return { events: [...seen.values()], complete: !lostSome };
    const oldestSecond = rows[rows.length - 1]?.created_at ?? '';
    const oldest = instantOfEventDate(oldestSecond);
    if (Number.isNaN(oldest)) break;
    // A page made of one second may not hold all of it, and asking again would return the same page:
    // move past that second and say some events may be missing.
    const saturated = rows[0]?.created_at === oldestSecond;
    if (saturated) lostSome = true;
    before = new Date(saturated ? oldest : oldest + 1000);
  }
  return { events: [...seen.values()], complete: false };
}

/**
 * The events since `after`, given `known`, an earlier read of the same log: zou's log only grows, so
 * only what came after the newest known event is asked for (what a read left out for its page limit
 * stays left out, and the answer says so). Its second and the one before
 * are asked again (zou dates events to the second; whether `after` is inclusive is not said) and each
 * event is kept once. An update that is not complete itself
 * (more new events than the pages allow) is returned alone, as a whole read would be.
 */
export async function readEventLogUpdate(
  client: Pick<KitsuClient, 'eventLog'>,
  projectId: string,
  after: Date,
  known: EventLogRead | undefined,
  options: EventLogReadOptions = {},
): Promise<EventLogRead> {
  const newest = instantOfEventDate(known?.events[0]?.created_at ?? '');
  if (!known || Number.isNaN(newest)) return readEventLogSince(client, projectId, after, options);
  const update = await readEventLogSince(
    client,
    projectId,
    new Date(Math.max(after.getTime(), newest - 1000)),
    options,
  );
  if (!update.complete) return update;
  const updated = new Set(update.events.map((event) => event.id));
  const kept = known.events.filter(
    (event) => !updated.has(event.id) && instantOfEventDate(event.created_at) >= after.getTime(),
  );
  return { events: [...update.events, ...kept], complete: known.complete };
}
