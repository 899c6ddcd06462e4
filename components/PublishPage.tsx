import { useEffect, useMemo, useState } from 'preact/hooks';
import { ask, failureText } from '../lib/messaging/client';
import type { PublishCatalogAnswer } from '../lib/messaging/protocol';
import { formatBytes } from '../lib/plans/diff';
import { createPublishFiles } from '../lib/publish/files';
import {
  FILE_EXTENSIONS,
  fileProblem,
  MAX_UPLOAD_LABEL,
  MOVIE_EXTENSIONS,
  PICTURE_EXTENSIONS,
} from '../lib/publish/formats';
import { createMatcher, entityLabel, type FileMatch, MATCH_THRESHOLD } from '../lib/publish/match';
import { DEFAULT_COMMENT_TEMPLATE } from '../lib/publish/plan';

type Row = {
  key: string;
  file: File;
  result: FileMatch;
  /** The task the file goes to; '' = not published. */
  taskId: string;
  /** Why the file cannot be published at all (format, size). */
  problem: string | null;
};

const ACCEPT = [...PICTURE_EXTENSIONS, ...MOVIE_EXTENSIONS, ...FILE_EXTENSIONS].map((ext) => `.${ext}`).join(',');
const kitsuUrlFromHash = () => decodeURIComponent(location.hash.slice(1));

function confidenceClass(confidence: number): string {
  if (confidence >= 0.85) return 'sk-confidence--high';
  return confidence >= MATCH_THRESHOLD ? '' : 'sk-confidence--low';
}

/**
 * Sidekick's publish window: an extension page, so the files chosen here are out of reach of Kitsu's
 * page scripts. They go to the extension's IndexedDB, where the background reads them at upload.
 */
export function PublishPage() {
  const kitsuUrl = useMemo(kitsuUrlFromHash, []);
  const [catalog, setCatalog] = useState<PublishCatalogAnswer | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [template, setTemplate] = useState(DEFAULT_COMMENT_TEMPLATE);
  const [statusId, setStatusId] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  useEffect(() => {
    ask({ type: 'publish/catalog', url: kitsuUrl })
      .then((answer) => {
        setCatalog(answer);
        setStatusId(answer.defaultStatusId ?? '');
      })
      .catch((error: unknown) => setMessage(failureText(error)));
  }, [kitsuUrl]);

  const matcher = useMemo(() => (catalog ? createMatcher(catalog, { scope: catalog.scope }) : null), [catalog]);
  /** Every task a file may be sent to by hand, within the page's scope. */
  const allTasks = useMemo(() => {
    if (!catalog) return [];
    const typeName = new Map(catalog.taskTypes.map((type) => [type.id, type.name]));
    const { scope } = catalog;
    return catalog.entities.flatMap((entity) =>
      entity.tasks
        .filter(
          (task) =>
            (!scope.taskTypeId || task.taskTypeId === scope.taskTypeId) && (!scope.taskId || task.id === scope.taskId),
        )
        .map((task) => ({ id: task.id, label: `${entityLabel(entity)} / ${typeName.get(task.taskTypeId) ?? 'task'}` })),
    );
  }, [catalog]);
  const labelOf = useMemo(() => new Map(allTasks.map((task) => [task.id, task.label])), [allTasks]);

  function addFiles(list: FileList | null) {
    if (!list || !matcher) return;
    const added = [...list].map((file): Row => {
      const result = matcher.match(file.name);
      return {
        key: crypto.randomUUID(),
        file,
        result,
        taskId: result.match?.taskId ?? '',
        problem: fileProblem(file),
      };
    });
    setRows((current) => [...current, ...added]);
    setMessage('');
  }

  const setTask = (key: string, taskId: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, taskId } : row)));
  const remove = (key: string) => setRows((current) => current.filter((row) => row.key !== key));

  const ready = rows.filter((row) => row.taskId && !row.problem);
  const totalBytes = ready.reduce((sum, row) => sum + row.file.size, 0);
  const waiting = rows.filter((row) => !row.taskId && !row.problem).length;

  async function review() {
    setBusy(true);
    setMessage('');
    try {
      const files = createPublishFiles();
      const items = [];
      for (const row of ready) {
        const stored = await files.put(row.file, row.file.name);
        items.push({
          file: { id: stored.id, name: stored.name, size: stored.size, type: stored.type },
          taskId: row.taskId,
          version: row.result.version,
        });
      }
      const answer = await ask({
        type: 'publish/propose',
        url: kitsuUrl,
        items,
        template,
        statusId: statusId || null,
      });
      setMessage(
        `The plan (${answer.operationCount} files) is open in the confirm window: check it there, then confirm.`,
      );
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  if (!catalog) {
    return (
      <main class="sk-confirm">
        <h1>Publish previews</h1>
        <p role="status" data-testid="publish-message">
          {message || 'Reading the production…'}
        </p>
      </main>
    );
  }

  return (
    <main class="sk-confirm">
      <h1>Publish previews to {catalog.productionName}</h1>
      <p class="sk-muted" data-testid="publish-limits">
        Kitsu takes pictures ({PICTURE_EXTENSIONS.join(', ')}) and movies ({MOVIE_EXTENSIONS.join(', ')}; the server
        converts them with ffmpeg), and shows other files ({FILE_EXTENSIONS.slice(0, 6).join(', ')}…) as downloads. Up
        to {MAX_UPLOAD_LABEL} per file (Kitsu's default; your studio's server may allow less). Each file becomes one
        comment with the file as its preview.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the file picker below is the keyboard path. */}
      <div
        class={`sk-drop${over ? ' sk-drop--over' : ''}`}
        data-testid="publish-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          addFiles(event.dataTransfer?.files ?? null);
        }}
      >
        <p>Drop files here, or</p>
        <label>
          Choose files…{' '}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            data-testid="publish-input"
            onChange={(event) => {
              addFiles(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>

      {rows.length > 0 ? (
        <table class="sk-publish-table" data-testid="publish-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Size</th>
              <th>Version</th>
              <th>Match</th>
              <th>Task</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const candidates = [row.result.match, ...row.result.alternatives].filter(
                (candidate): candidate is NonNullable<typeof candidate> => candidate !== null,
              );
              const chosen = candidates.find((candidate) => candidate.taskId === row.taskId);
              const byHand = row.taskId !== '' && !chosen;
              return (
                <tr key={row.key} data-testid="publish-row" data-file={row.file.name} data-state={row.result.state}>
                  <td>{row.file.name}</td>
                  <td>{formatBytes(row.file.size)}</td>
                  <td>{row.result.version ?? '—'}</td>
                  <td>
                    {row.problem ? (
                      <span class="sk-warning" data-testid="publish-problem">
                        {row.problem}
                      </span>
                    ) : chosen ? (
                      <span class={confidenceClass(chosen.confidence)} title={chosen.reasons.join(', ')}>
                        {Math.round(chosen.confidence * 100)}%{byHand ? '' : ` — ${chosen.reasons.join(', ')}`}
                      </span>
                    ) : byHand ? (
                      <span>chosen by hand</span>
                    ) : (
                      <span class="sk-warning" data-testid="publish-problem">
                        {row.result.state === 'ambiguous' ? 'Ambiguous: ' : 'Not matched: '}
                        {row.result.problem}
                      </span>
                    )}
                  </td>
                  <td>
                    {row.problem ? null : (
                      <>
                        <select
                          aria-label={`Task for ${row.file.name}`}
                          data-testid="publish-task"
                          value={chosen ? row.taskId : ''}
                          onChange={(event) => setTask(row.key, event.currentTarget.value)}
                        >
                          <option value="">
                            {byHand ? (labelOf.get(row.taskId) ?? 'Other task') : 'Do not publish'}
                          </option>
                          {candidates.map((candidate) => (
                            <option key={candidate.taskId} value={candidate.taskId}>
                              {candidate.label} ({Math.round(candidate.confidence * 100)}%)
                            </option>
                          ))}
                        </select>
                        <input
                          list="sk-publish-tasks"
                          aria-label={`Other task for ${row.file.name}`}
                          placeholder="or type a task…"
                          data-testid="publish-task-other"
                          onChange={(event) => {
                            const label = event.currentTarget.value;
                            const task = allTasks.find((item) => item.label === label);
                            if (task) setTask(row.key, task.id);
                          }}
                        />
                      </>
                    )}
                  </td>
                  <td>
                    <button type="button" aria-label={`Remove ${row.file.name}`} onClick={() => remove(row.key)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <datalist id="sk-publish-tasks">
        {allTasks.map((task) => (
          <option key={task.id} value={task.label} />
        ))}
      </datalist>

      <div class="sk-form">
        <label>
          Comment (<code>{'{file}'}</code>, <code>{'{version}'}</code>, <code>{'{task}'}</code> are replaced)
          <input
            data-testid="publish-template"
            value={template}
            onInput={(event) => setTemplate(event.currentTarget.value)}
          />
        </label>
        <label>
          Status
          <select
            data-testid="publish-status"
            value={statusId}
            onChange={(event) => setStatusId(event.currentTarget.value)}
          >
            <option value="">Keep each task's status</option>
            {catalog.statuses.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p data-testid="publish-total">
        {ready.length} file{ready.length === 1 ? '' : 's'} to publish, {formatBytes(totalBytes)} to upload
        {waiting > 0 ? `; ${waiting} without a task (choose one or they are left out)` : ''}.
      </p>
      <button
        type="button"
        class="sk-primary"
        data-testid="publish-review"
        disabled={busy || ready.length === 0}
        onClick={review}
      >
        Review plan…
      </button>
      {message ? (
        <p role="status" data-testid="publish-message">
          {message}
        </p>
      ) : null}
    </main>
  );
}
