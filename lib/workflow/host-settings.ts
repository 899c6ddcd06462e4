// What a person says about one Kitsu host's workflow in the options page: the role of each task
// status when zou's flags and names say it wrong, and the studio's time zone (due dates are studio
// days: a task due today is not late before the studio's day is over). Stored per host origin, each
// read parsed; a host never set reads as the defaults.
import { z } from 'zod';
import { StatusRoleOverridesSchema } from './status-roles';

/** An IANA time zone name the browser knows ("Europe/Paris"); anything else is refused. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, 'is not a time zone this browser knows');

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const HostWorkflowSettingsSchema = z.object({
  statusRoles: StatusRoleOverridesSchema.default({}),
  /** null: the browser's own zone. */
  timeZone: TimeZoneSchema.nullable().default(null),
});
export type HostWorkflowSettings = z.output<typeof HostWorkflowSettingsSchema>;

/** Host origin → its settings. */
export const WorkflowSettingsSchema = z.record(z.string().min(1), HostWorkflowSettingsSchema);
export type WorkflowSettings = z.output<typeof WorkflowSettingsSchema>;

export const DEFAULT_HOST_WORKFLOW: HostWorkflowSettings = HostWorkflowSettingsSchema.parse({});

/** The browser's time zone, UTC when it gives none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zone the studio's days are counted in: the host's setting, else the browser's. */
export function studioTimeZone(settings: HostWorkflowSettings): string {
  return settings.timeZone ?? browserTimeZone();
}
