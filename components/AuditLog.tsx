import { useEffect, useState } from 'preact/hooks';
import { format, t } from '../lib/i18n';
import { ask } from '../lib/messaging/client';
import type { AnswerOf } from '../lib/messaging/protocol';
import { EmptyState, Skeleton } from './ui/chips';
import { ColumnHeads, SettingsSection } from './ui/sections';

type Records = AnswerOf<'audit/list'>['records'];

/** Every operation Sidekick executed, newest first, with filters and JSON/CSV export. */
export function AuditLog() {
  const [records, setRecords] = useState<Records | null>(null);
  const [taskId, setTaskId] = useState('');
  const [since, setSince] = useState('');
  const [message, setMessage] = useState('');

  async function load() {
    try {
      const answer = await ask({
        type: 'audit/list',
        ...(taskId.trim() ? { taskId: taskId.trim() } : {}),
        ...(since ? { since: new Date(since).toISOString() } : {}),
      });
      setRecords([...answer.records].reverse());
    } catch (error) {
      setMessage(String(error));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function download(format: 'json' | 'csv') {
    const { content, fileName } = await ask({ type: 'audit/export', format });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([content], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <SettingsSection titleId="sk-audit-title" title={t('auditTitle')}>
      <form
        class="sk-settings__row"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <label>
          {t('auditTaskId')} <input value={taskId} onInput={(event) => setTaskId(event.currentTarget.value)} />
        </label>
        <label>
          {t('auditSince')} <input type="date" value={since} onInput={(event) => setSince(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('auditFilter')}</button>
        <button type="button" onClick={() => download('json')}>
          {t('auditExportJson')}
        </button>
        <button type="button" onClick={() => download('csv')}>
          {t('auditExportCsv')}
        </button>
      </form>
      <p role="status">{message}</p>
      {records === null ? (
        <Skeleton lines={5} label={t('auditReading')} />
      ) : records.length === 0 ? (
        <EmptyState testId="audit-empty" title={t('auditEmpty')} action={t('auditEmptyAction')} />
      ) : (
        <table class="sk-audit" data-testid="audit-table">
          <ColumnHeads
            headings={[
              t('auditWhen'),
              t('auditOperator'),
              t('auditOperation'),
              t('auditTask'),
              t('auditBefore'),
              t('auditAfter'),
              t('auditResult'),
            ]}
          />
          <tbody>
            {records.slice(0, 500).map((record) => (
              <tr key={`${record.jobId}:${record.at}:${record.taskId}:${record.kind}`}>
                <td>{format.dayAndTime(new Date(record.at))}</td>
                <td>{record.operator}</td>
                <td>{record.kind}</td>
                <td>
                  <code>{record.taskId.slice(0, 8)}</code>
                </td>
                <td>{record.before}</td>
                <td>{record.after}</td>
                <td>{record.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsSection>
  );
}
