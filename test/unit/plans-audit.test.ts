import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { type AuditRecord, createAuditLog, csvField, recordsToCSV } from '../../lib/plans/audit';

let count = 0;
const freshLog = () => createAuditLog(createStore(`audit-test-${++count}`, 'records'));

const record = (fields: Partial<AuditRecord>): AuditRecord => ({
  jobId: 'job-1',
  planId: 'plan-1',
  operationId: 'op-1',
  taskId: 't1',
  kind: 'set-priority',
  before: 0,
  after: 2,
  result: 'applied',
  at: '2026-11-20T10:00:00.000Z',
  operator: 'Mina',
  ...fields,
});

describe('audit log', () => {
  it('appends and filters by time, task, plan and kind, oldest first', async () => {
    const log = freshLog();
    await log.append([
      record({ operationId: 'a', at: '2026-11-20T10:00:02.000Z', taskId: 't2' }),
      record({ operationId: 'b', at: '2026-11-20T10:00:01.000Z', kind: 'comment', planId: 'plan-2' }),
    ]);
    await log.append([record({ operationId: 'c', at: '2026-11-21T09:00:00.000Z' })]);
    const ids = async (filter = {}) => (await log.list(filter)).map((item) => item.operationId);
    expect(await ids()).toEqual(['b', 'a', 'c']);
    expect(await ids({ since: '2026-11-20T10:00:02.000Z' })).toEqual(['a', 'c']);
    expect(await ids({ until: '2026-11-20T23:59:59.999Z' })).toEqual(['b', 'a']);
    expect(await ids({ taskId: 't2' })).toEqual(['a']);
    expect(await ids({ planId: 'plan-2' })).toEqual(['b']);
    expect(await ids({ kind: 'set-priority' })).toEqual(['a', 'c']);
  });

  it('never replaces a record', async () => {
    const log = freshLog();
    await log.append([record({ reason: 'first' })]);
    await log.append([record({ reason: 'second' })]);
    expect((await log.list()).map((item) => item.reason)).toEqual(['first']);
  });

  it('exports JSON and CSV', async () => {
    const log = freshLog();
    await log.append([record({ kind: 'comment', before: { statusId: 's1' }, after: { text: 'Hi, "team"\nok' } })]);
    expect(JSON.parse(await log.toJSON())).toHaveLength(1);
    const csv = await log.toCSV();
    expect(csv).toBe(
      'at,operator,jobId,planId,operationId,taskId,kind,result,reason,commentId,before,after\r\n' +
        '2026-11-20T10:00:00.000Z,Mina,job-1,plan-1,op-1,t1,comment,applied,,,' +
        '"{""statusId"":""s1""}","{""text"":""Hi, \\""team\\""\\nok""}"\r\n',
    );
  });
});

describe('CSV quoting (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a header even without records', () => {
    expect(recordsToCSV([])).toBe(
      'at,operator,jobId,planId,operationId,taskId,kind,result,reason,commentId,before,after\r\n',
    );
  });
});
