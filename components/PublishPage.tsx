import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { PublishCatalogAnswer } from '../lib/messaging/protocol';
import { formatBytes } from '../lib/plans/diff';
import { planSizeProblem } from '../lib/publish/checks';
import { createPublishFiles } from '../lib/publish/files';
import { fileProblem } from '../lib/publish/formats';
import { createMatcher, entityLabel, type FileMatch, MATCH_THRESHOLD } from '../lib/publish/match';
import { DEFAULT_COMMENT_TEMPLATE } from '../lib/publish/plan';
import { DEFAULT_PUBLISH_SETTINGS, readPublishSettings } from '../lib/publish/settings';
import { DropZone, PublishLimits } from './PublishFiles';
import { Skeleton } from './ui/chips';
import { ColumnHeads } from './ui/sections';

type Row = {
  key: string;
  file: File;
  result: FileMatch;
  /** The task the file goes to; '' = not published. */
  taskId: string;
  /** Why the file cannot be published at all (format, size). */
  problem: string | null;
};

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
  const [maxPlanGigabytes, setMaxPlanGigabytes] = useState(DEFAULT_PUBLISH_SETTINGS.maxPlanGigabytes);

  useEffect(() => {
    readPublishSettings()
      .then((settings) => setMaxPlanGigabytes(settings.maxPlanGigabytes))
      .catch(() => {});
  }, []);

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
  const allTasks = useMemo(() => (catalog ? tasksInScope(catalog) : []), [catalog]);
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
  // Told here as soon as it applies; the background refuses such a plan whatever this page says.
  const tooLarge = planSizeProblem(
    ready.map((row) => row.file.size),
    maxPlanGigabytes,
  );

  async function review() {
    setBusy(true);
    setMessage('');
    try {
      const answer = await proposePublish(ready, { url: kitsuUrl, template, statusId: statusId || null });
      setMessage(t('publishPlanOpen', { count: answer.operationCount }));
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  if (!catalog) return <Loading message={message} />;

  return (
    <main class="sk-confirm">
      <FocusedTitle>{t('publishTitleTo', { production: catalog.productionName })}</FocusedTitle>
      <PublishLimits maxPlanGigabytes={maxPlanGigabytes} />
      <DropZone addFiles={addFiles} />

      {rows.length > 0 ? (
        <FileTable rows={rows} allTasks={allTasks} labelOf={labelOf} setTask={setTask} remove={remove} />
      ) : null}
      <datalist id="sk-publish-tasks">
        {allTasks.map((task) => (
          <option key={task.id} value={task.label} />
        ))}
      </datalist>

      <CommentFields
        template={template}
        setTemplate={setTemplate}
        statusId={statusId}
        setStatusId={setStatusId}
        statuses={catalog.statuses}
      />

      <PublishTotal rows={rows} tooLarge={tooLarge} busy={busy} onReview={review} />
      {message ? (
        <p role="status" data-testid="publish-message">
          {message}
        </p>
      ) : null}
    </main>
  );
}

type TaskChoice = { id: string; label: string };

/** Every task a file may be sent to by hand, within the page's scope. */
function tasksInScope(catalog: PublishCatalogAnswer): TaskChoice[] {
  const typeName = new Map(catalog.taskTypes.map((type) => [type.id, type.name]));
  const { scope } = catalog;
  return catalog.entities.flatMap((entity) =>
    entity.tasks
      .filter(
        (task) =>
          (!scope.taskTypeId || task.taskTypeId === scope.taskTypeId) && (!scope.taskId || task.id === scope.taskId),
      )
      .map((task) => ({
        id: task.id,
        label: `${entityLabel(entity)} / ${typeName.get(task.taskTypeId) ?? t('publishTaskFallback')}`,
      })),
  );
}

type FileRowProps = {
  row: Row;
  allTasks: readonly TaskChoice[];
  labelOf: ReadonlyMap<string, string>;
  setTask: (key: string, taskId: string) => void;
  remove: (key: string) => void;
};

/** One dropped file: what it matched, and the task it goes to (chosen, or typed by hand). */
function FileRow({ row, allTasks, labelOf, setTask, remove }: FileRowProps) {
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
          <span>{t('publishByHand')}</span>
        ) : (
          <span class="sk-warning" data-testid="publish-problem">
            {row.result.state === 'ambiguous' ? t('publishAmbiguous') : t('publishNotMatched')} {row.result.problem}
          </span>
        )}
      </td>
      <td>
        {row.problem ? null : (
          <>
            <select
              aria-label={t('publishTaskFor', { file: row.file.name })}
              data-testid="publish-task"
              value={chosen ? row.taskId : ''}
              onChange={(event) => setTask(row.key, event.currentTarget.value)}
            >
              <option value="">
                {byHand ? (labelOf.get(row.taskId) ?? t('publishOtherTask')) : t('publishDoNotPublish')}
              </option>
              {candidates.map((candidate) => (
                <option key={candidate.taskId} value={candidate.taskId}>
                  {candidate.label} ({Math.round(candidate.confidence * 100)}%)
                </option>
              ))}
            </select>
            <input
              list="sk-publish-tasks"
              aria-label={t('publishOtherTaskFor', { file: row.file.name })}
              placeholder={t('publishTypeTask')}
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
        <button type="button" aria-label={t('publishRemove', { file: row.file.name })} onClick={() => remove(row.key)}>
          ✕
        </button>
      </td>
    </tr>
  );
}

type CommentFieldsProps = {
  template: string;
  setTemplate: (template: string) => void;
  statusId: string;
  setStatusId: (statusId: string) => void;
  statuses: PublishCatalogAnswer['statuses'];
};

/** The comment each file's preview comes with, and the status it sets. */
function CommentFields({ template, setTemplate, statusId, setStatusId, statuses }: CommentFieldsProps) {
  return (
    <div class="sk-form">
      <label>
        {t('publishComment', { file: '{file}', version: '{version}', task: '{task}' })}
        <input
          data-testid="publish-template"
          value={template}
          onInput={(event) => setTemplate(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('publishStatus')}
        <select
          data-testid="publish-status"
          value={statusId}
          onChange={(event) => setStatusId(event.currentTarget.value)}
        >
          <option value="">{t('publishKeepStatus')}</option>
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Stores the ready files in the extension's IndexedDB, then asks the background for the plan. */
async function proposePublish(
  ready: readonly Row[],
  request: { url: string; template: string; statusId: string | null },
) {
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
  return ask({ type: 'publish/propose', ...request, items });
}

/** The window's title, focused once it shows: a screen reader starts from what the window is for. */
function FocusedTitle({ children }: { children: string }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <h1 ref={title} tabIndex={-1}>
      {children}
    </h1>
  );
}

function Loading({ message }: { message: string }) {
  return (
    <main class="sk-confirm">
      <h1>{t('publishTitle')}</h1>
      <p role="status" data-testid="publish-message">
        {message || t('publishReadingProduction')}
      </p>
      {message ? null : <Skeleton lines={6} label="Reading the production…" />}
    </main>
  );
}

function FileTable({ rows, ...choices }: Omit<FileRowProps, 'row'> & { rows: readonly Row[] }) {
  return (
    <table class="sk-publish-table" data-testid="publish-table">
      <ColumnHeads
        headings={[
          t('publishFile'),
          t('publishSize'),
          t('publishVersion'),
          t('publishMatch'),
          t('publishTask'),
          <span key="actions" class="sk-visually-hidden">
            {t('publishActions')}
          </span>,
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <FileRow key={row.key} row={row} {...choices} />
        ))}
      </tbody>
    </table>
  );
}

/** The files that go, what they weigh, and the button that builds the plan. */
function PublishTotal(props: { rows: readonly Row[]; tooLarge: string | null; busy: boolean; onReview: () => void }) {
  const { rows, tooLarge, busy, onReview } = props;
  const ready = rows.filter((row) => row.taskId && !row.problem);
  const totalBytes = ready.reduce((sum, row) => sum + row.file.size, 0);
  const waiting = rows.filter((row) => !row.taskId && !row.problem).length;
  return (
    <>
      <p data-testid="publish-total">
        {t('publishTotal', { count: ready.length, size: formatBytes(totalBytes) })}
        {waiting > 0 ? t('publishWaiting', { count: waiting }) : ''}.
      </p>
      {tooLarge ? (
        <p class="sk-warning" role="alert" data-testid="publish-too-large">
          {tooLarge}
        </p>
      ) : null}
      <button
        type="button"
        class="sk-primary"
        data-testid="publish-review"
        disabled={busy || ready.length === 0 || tooLarge !== null}
        onClick={onReview}
      >
        {t('publishReview')}
      </button>
    </>
  );
}
