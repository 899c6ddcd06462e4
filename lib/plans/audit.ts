// Append-only audit log of every executed operation, in its own IndexedDB
// database so that clearing jobs never touches it. The options page lists it
// with filters and exports it as JSON or CSV.
import { createStore, entries, get, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod';

export const AuditRecordSchema = z
  .object({
    jobId: z.string(),
    planId: z.string(),
    operationId: z.string(),
    taskId: z.string(),
    kind: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    /** 'checked': the job's read-back from Kitsu (kind 'read-back'), one per job. */
    result: z.enum(['applied', 'skipped', 'failed', 'checked']),
    reason: z.string().optional(),
    commentId: z.string().optional(),
    at: z.string(),
    operator: z.string(),
  })
  .strict();
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export interface AuditFilter {
  /** Inclusive ISO bounds. */
  since?: string;
  until?: string;
  taskId?: string;
  planId?: string;
  jobId?: string;
  kind?: string;
}

/** Sortable by time; one record per job item, which ends once. */
const recordKey = (record: AuditRecord) => `${record.at}|${record.jobId}|${record.operationId}`;

export function createAuditLog(store: UseStore = createStore('sidekick-audit', 'records')) {
  async function list(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const all = await entries(store);
    return all
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([, value]) => AuditRecordSchema.parse(value))
      .filter((record) => matches(record, filter));
  }

  return {
    /** Existing records are never replaced. */
    async append(records: readonly AuditRecord[]): Promise<void> {
      const fresh: [string, AuditRecord][] = [];
      for (const record of records.map((item) => AuditRecordSchema.parse(item))) {
        if ((await get(recordKey(record), store)) === undefined) fresh.push([recordKey(record), record]);
      }
      await setMany(fresh, store);
    },
    list,
    async toJSON(filter?: AuditFilter): Promise<string> {
      return JSON.stringify(await list(filter), null, 2);
    },
    async toCSV(filter?: AuditFilter): Promise<string> {
      return recordsToCSV(await list(filter));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

function matches(record: AuditRecord, filter: AuditFilter): boolean {
  return (
    (filter.since === undefined || record.at >= filter.since) &&
    (filter.until === undefined || record.at <= filter.until) &&
    (filter.taskId === undefined || record.taskId === filter.taskId) &&
    (filter.planId === undefined || record.planId === filter.planId) &&
    (filter.jobId === undefined || record.jobId === filter.jobId) &&
    (filter.kind === undefined || record.kind === filter.kind)
  );
}

const CSV_COLUMNS = [
  'at',
  'operator',
  'jobId',
  'planId',
  'operationId',
  'taskId',
  'kind',
  'result',
  'reason',
  'commentId',
  'before',
  'after',
] as const;

export function recordsToCSV(records: readonly AuditRecord[]): string {
  const cell = (value: unknown) => {
    const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return csvField(text);
  };
  const lines = [
    CSV_COLUMNS.join(','),
    ...records.map((record) => CSV_COLUMNS.map((column) => cell(record[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting. A cell a spreadsheet would read as a formula (comment
 * text is free text) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
