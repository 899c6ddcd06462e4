import { useEffect, useState } from 'preact/hooks';
import { format, type MessageName, t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { ConnectionView, WorkflowView } from '../lib/messaging/protocol';
import { STATUS_ROLES, type StatusRole } from '../lib/shared/status-roles';
import { EmptyState, Skeleton, StatusChip, StatusStyles, statusColours } from './ui/chips';
import { ColumnHeads, SettingsSection } from './ui/sections';

const ROLE_NAMES: Record<StatusRole, MessageName> = {
  todo: 'roleTodo',
  wip: 'roleWip',
  review: 'roleReview',
  retake: 'roleRetake',
  done: 'roleDone',
  'on-hold': 'roleOnHold',
  omitted: 'roleOmitted',
};
const SOURCE_NAMES: Record<WorkflowView['statuses'][number]['source'], MessageName> = {
  override: 'workflowSourceOverride',
  flag: 'workflowSourceFlag',
  name: 'workflowSourceName',
  default: 'workflowSourceDefault',
};

/** Every zone the browser knows, for the time zone list (older browsers: only the browser's own). */
function knownTimeZones(browserZone: string): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [browserZone];
}

/**
 * Each Kitsu host's workflow: the role of every task status, with the tasks each holds so a person
 * sees what a change touches, and the studio's time zone. One table per connection, chosen above it.
 */
export function WorkflowSettings() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [origin, setOrigin] = useState('');
  const [view, setView] = useState<WorkflowView | null>(null);
  const [roles, setRoles] = useState<Record<string, StatusRole>>({});
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    ask({ type: 'connections/list' })
      .then((answer) => {
        setConnections(answer.connections);
        setOrigin(answer.connections[0]?.origin ?? '');
      })
      .catch((error: unknown) => setMessage(failureText(error)));
  }, []);

  const show = (shown: WorkflowView) => {
    setView(shown);
    setRoles(Object.fromEntries(shown.statuses.map((row) => [row.statusId, row.role])));
    setTimeZone(shown.timeZone);
  };
  useEffect(() => {
    if (!origin) return;
    setView(null);
    setMessage('');
    ask({ type: 'connections/workflow', origin })
      .then(show)
      .catch((error: unknown) => setMessage(failureText(error)));
  }, [origin]);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      show(await ask({ type: 'connections/save-workflow', origin, roles, timeZone }));
      setMessage(t('workflowSaved', { origin }));
    } catch (error) {
      setMessage(t('notSavedBecause', { reason: failureText(error) }));
    } finally {
      setSaving(false);
    }
  }

  const colours = statusColours(view?.statuses ?? []);
  return (
    <SettingsSection titleId="sk-workflow-title" title={t('workflowTitle')} testId="workflow-settings">
      <p class="sk-muted">{t('workflowIntro')}</p>
      {connections?.length === 0 ? (
        <EmptyState title={t('connectionsEmpty')} action={t('workflowNoConnection')} testId="workflow-empty" />
      ) : null}
      {connections && connections.length > 1 ? (
        <p>
          <label for="sk-workflow-origin">{t('workflowConnection')}</label>{' '}
          <select
            id="sk-workflow-origin"
            data-testid="workflow-origin"
            value={origin}
            onChange={(event) => setOrigin(event.currentTarget.value)}
          >
            {connections.map((connection) => (
              <option key={connection.id} value={connection.origin}>
                {connection.label} ({connection.origin})
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {origin && !view && !message ? <Skeleton label={t('workflowReading', { origin })} /> : null}
      {view ? (
        <form class="sk-form" onSubmit={save} data-testid="workflow-form">
          <StatusStyles statuses={colours} />
          <table class="sk-audit" data-testid="workflow-statuses">
            <ColumnHeads headings={[t('workflowStatus'), t('workflowTasks'), t('workflowRole')]} />
            <tbody>
              {view.statuses.map((row) => (
                <tr key={row.statusId} data-status-id={row.statusId}>
                  <th scope="row">
                    <StatusChip name={row.name} statuses={colours} /> {row.name}
                  </th>
                  <td data-testid="workflow-tasks">{row.tasks === null ? '—' : format.number(row.tasks)}</td>
                  <td>
                    <select
                      aria-label={`${t('workflowRole')}: ${row.name}`}
                      data-testid="workflow-role"
                      value={roles[row.statusId] ?? row.role}
                      onChange={(event) =>
                        setRoles({ ...roles, [row.statusId]: event.currentTarget.value as StatusRole })
                      }
                    >
                      {STATUS_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role === row.derivedRole
                            ? t('workflowRoleFromKitsu', { role: t(ROLE_NAMES[role]) })
                            : t(ROLE_NAMES[role])}
                        </option>
                      ))}
                    </select>{' '}
                    <span class="sk-muted">{t(SOURCE_NAMES[row.source])}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.statuses.some((row) => row.tasks === null) ? (
            <p class="sk-muted">{t('workflowCountsUnknown')}</p>
          ) : null}
          <label for="sk-workflow-zone">{t('workflowTimeZone')}</label>
          <select
            id="sk-workflow-zone"
            data-testid="workflow-time-zone"
            value={timeZone ?? ''}
            onChange={(event) => setTimeZone(event.currentTarget.value || null)}
          >
            <option value="">{t('workflowTimeZoneBrowser', { zone: view.browserTimeZone })}</option>
            {knownTimeZones(view.browserTimeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <div class="sk-form__actions">
            <button type="submit" class="sk-primary" data-testid="workflow-save" disabled={saving}>
              {t('save')}
            </button>
          </div>
        </form>
      ) : null}
      <p role="status" data-testid="workflow-message">
        {message}
      </p>
    </SettingsSection>
  );
}
