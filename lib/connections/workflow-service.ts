// One Kitsu host's workflow settings for the options page: its task statuses with the role each plays
// (zou's flags and names, or the person's choice) and the tasks each holds, and the studio's time zone.
// Saving keeps only the choices that differ from Kitsu's, so statuses left alone follow Kitsu.
import { t } from '../i18n/pure';
import type { WorkflowView } from '../messaging/protocol';
import type { HostWorkflowSettings } from '../workflow/host-settings';
import { browserTimeZone, isKnownTimeZone } from '../workflow/host-settings';
import type { StatusRole } from '../workflow/status-roles';
import { overridesFromChoices, statusRoleRows, tasksPerStatus } from '../workflow/status-table';
import { ConnectionRefusal } from './service';
import type { Session } from './session';
import { readHostWorkflow, saveHostWorkflow } from './workflow-settings';

export type WorkflowServicePorts = {
  /** The session of a configured connection, or a refusal in words for the person. */
  hostSession: (origin: string) => Promise<Session>;
  /** Where the settings live: browser.storage.local unless a test gives its own. */
  read?: (origin: string) => Promise<HostWorkflowSettings>;
  save?: (origin: string, settings: HostWorkflowSettings) => Promise<unknown>;
};

export function createWorkflowService({
  hostSession,
  read = readHostWorkflow,
  save: store = saveHostWorkflow,
}: WorkflowServicePorts) {
  async function liveStatuses(session: Session) {
    return (await session.reads.taskStatuses('swr')).filter((status) => !status.archived);
  }

  async function view(origin: string): Promise<WorkflowView> {
    const session = await hostSession(origin);
    const [statuses, settings, tasks] = await Promise.all([
      liveStatuses(session),
      read(origin),
      // Read when the page opens, not cached: the counts are there to weigh a change now. A token
      // Kitsu refuses them to still gets its table, with the counts left blank.
      session.client.openTasksStats().then(tasksPerStatus, () => null),
    ]);
    return {
      origin,
      statuses: statusRoleRows(statuses, settings.statusRoles, tasks),
      timeZone: settings.timeZone,
      browserTimeZone: browserTimeZone(),
    };
  }

  async function save(
    origin: string,
    choices: Readonly<Record<string, StatusRole>>,
    timeZone: string | null,
  ): Promise<WorkflowView> {
    if (timeZone !== null && !isKnownTimeZone(timeZone)) {
      throw new ConnectionRefusal(t('refusalUnknownTimeZone', { timeZone }));
    }
    const session = await hostSession(origin);
    const statusRoles = overridesFromChoices(await liveStatuses(session), choices);
    await store(origin, { statusRoles, timeZone });
    return view(origin);
  }

  return { view, save };
}
export type WorkflowService = ReturnType<typeof createWorkflowService>;
