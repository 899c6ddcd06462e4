import { useEffect, useState } from 'preact/hooks';
import { ask } from '../lib/messaging/client';
import type { AnswerOf } from '../lib/messaging/protocol';

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
    <section class="sk-settings" aria-labelledby="sk-audit-title">
      <h2 id="sk-audit-title">Audit log</h2>
      <form
        class="sk-settings__row"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <label>
          Task id <input value={taskId} onInput={(event) => setTaskId(event.currentTarget.value)} />
        </label>
        <label>
          Since <input type="date" value={since} onInput={(event) => setSince(event.currentTarget.value)} />
        </label>
        <button type="submit">Filter</button>
        <button type="button" onClick={() => download('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => download('csv')}>
          Export CSV
        </button>
      </form>
      <p role="status">{message}</p>
      {records === null ? null : records.length === 0 ? (
        <p data-testid="audit-empty">Sidekick has written nothing yet.</p>
      ) : (
        <table class="sk-audit" data-testid="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Operator</th>
              <th>Operation</th>
              <th>Task</th>
              <th>Before</th>
              <th>After</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {records.slice(0, 500).map((record) => (
              <tr key={`${record.jobId}:${record.at}:${record.taskId}:${record.kind}`}>
                <td>{new Date(record.at).toLocaleString()}</td>
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
    </section>
  );
}
