// Every task status of a Kitsu host gets one role: what the studio means by it, whatever it is called.
// zou's flags say part of it (is_done, is_retake, is_feedback_request, is_wip); a status a studio
// added for work on hold or omitted usually has no flag at all, so its names say the rest. A person
// can set any status's role per host (the overrides), which wins over both.
//
// What the roles mean for the rest of Sidekick: only open work (to do, in progress, waiting for
// review, retake) can be overdue, stale, unassigned, missing estimates or weigh on a workload. Work
// on hold or omitted is parked: nobody is expected to do it until a person changes its status. Done
// work is never anything.
import { z } from 'zod';
import type { TaskStatus } from '../kitsu';
import { STATUS_ROLES, type StatusRole } from '../shared/status-roles';
import { ROLE_WORDS } from './status-words';

export { STATUS_ROLES, type StatusRole } from '../shared/status-roles';
export const StatusRoleSchema = z.enum(STATUS_ROLES);

export const STATUS_ROLE_LABELS: Readonly<Record<StatusRole, string>> = {
  todo: 'To do',
  wip: 'Work in progress',
  review: 'Waiting for review',
  retake: 'Retake',
  done: 'Done',
  'on-hold': 'On hold',
  omitted: 'Omitted',
};

/** Per Kitsu host: status id → the role a person chose for it in the options page. */
export const StatusRoleOverridesSchema = z.record(z.string().min(1), StatusRoleSchema);
export type StatusRoleOverrides = z.infer<typeof StatusRoleOverridesSchema>;

/** The facts of a zou task status the derivation reads (older zou versions have no is_wip). */
export type StatusFacts = Pick<TaskStatus, 'id' | 'name' | 'is_done' | 'is_retake' | 'is_feedback_request'> & {
  short_name?: string | null;
  is_wip?: boolean | null;
};

export type RoleSource = 'override' | 'flag' | 'name' | 'default';

export interface DerivedStatusRole {
  statusId: string;
  role: StatusRole;
  source: RoleSource;
  /** Why this role, in a sentence the options page shows beside the status. */
  because: string;
}

const OPEN_ROLES: ReadonlySet<StatusRole> = new Set(['todo', 'wip', 'review', 'retake']);
const PARKED_ROLES: ReadonlySet<StatusRole> = new Set(['on-hold', 'omitted']);

/** Work someone is expected to do: the only roles that can be overdue, stale, unassigned or missing estimates. */
export function isOpenRole(role: StatusRole): boolean {
  return OPEN_ROLES.has(role);
}

/** On hold or omitted: kept in Kitsu, expected from nobody until a person changes its status. */
export function isParkedRole(role: StatusRole): boolean {
  return PARKED_ROLES.has(role);
}

/** Lower case, compatibility forms folded (full-width letters), accents and other combining marks removed. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Scripts written without spaces between words: their words are matched anywhere in a name. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** " word word " of a normalised text, so that " hold" finds a word starting with "hold". */
function spacedWords(normalised: string): string {
  return ` ${normalised
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;
}

const NORMALISED_WORDS = ROLE_WORDS.map(([role, { words, shortCodes }]) => ({
  role,
  words: words.map((word) => {
    const normalised = normalise(word);
    return {
      word,
      unspaced: UNSPACED.test(normalised),
      needle: UNSPACED.test(normalised) ? normalised : ` ${normalised}`,
    };
  }),
  shortCodes: new Set(shortCodes.map(normalise)),
}));

interface NameMatch {
  role: StatusRole;
  /** The name or short name that matched, as the studio wrote it. */
  text: string;
  field: 'name' | 'short name';
}

/** The first role (in ROLE_WORDS order) whose words appear in the status's name or short name. */
function roleFromNames(status: StatusFacts): NameMatch | undefined {
  const shortName = status.short_name ?? '';
  const fields = [
    { field: 'name' as const, text: status.name },
    { field: 'short name' as const, text: shortName },
  ].map((entry) => ({ ...entry, normalised: normalise(entry.text) }));
  for (const { role, words, shortCodes } of NORMALISED_WORDS) {
    for (const entry of fields) {
      if (!entry.normalised) continue;
      const spaced = spacedWords(entry.normalised);
      const found = words.some(({ unspaced, needle }) =>
        unspaced ? entry.normalised.includes(needle) : spaced.includes(needle),
      );
      if (found || (entry.field === 'short name' && shortCodes.has(entry.normalised.trim()))) {
        return { role, text: entry.text, field: entry.field };
      }
    }
  }
  return undefined;
}

const FLAG_WORDS = {
  is_retake: 'a retake status',
  is_feedback_request: 'a request for feedback',
  is_done: 'done',
  is_wip: 'work in progress',
} as const;

function fromFlag(status: StatusFacts, flag: keyof typeof FLAG_WORDS, role: StatusRole): DerivedStatusRole {
  return { statusId: status.id, role, source: 'flag', because: `Kitsu marks it as ${FLAG_WORDS[flag]} (${flag}).` };
}

function fromName(status: StatusFacts, match: NameMatch, note = ''): DerivedStatusRole {
  const label = STATUS_ROLE_LABELS[match.role].toLowerCase();
  return {
    statusId: status.id,
    role: match.role,
    source: 'name',
    because: `Its ${match.field} “${match.text}” reads as ${label}${note}.`,
  };
}

/**
 * The role zou's data gives a status. Explicit flags of a retake or a feedback request win; a name
 * that says omitted comes next (studios often mark omitted work as done to keep it out of their
 * statistics), then the done and WIP flags, then the other names; a status nothing describes is to do.
 */
export function deriveStatusRole(status: StatusFacts): DerivedStatusRole {
  if (status.is_retake) return fromFlag(status, 'is_retake', 'retake');
  if (status.is_feedback_request) return fromFlag(status, 'is_feedback_request', 'review');
  const named = roleFromNames(status);
  if (named?.role === 'omitted') {
    return fromName(status, named, status.is_done ? ', although Kitsu marks it as done' : '');
  }
  if (status.is_done) return fromFlag(status, 'is_done', 'done');
  if (status.is_wip) return fromFlag(status, 'is_wip', 'wip');
  if (named) return fromName(status, named);
  return {
    statusId: status.id,
    role: 'todo',
    source: 'default',
    because: `No Kitsu flag and no known word in “${status.name}”: work still to do.`,
  };
}

/** The role of a status on a host: the person's choice when there is one, else what zou's data gives. */
export function statusRole(status: StatusFacts, overrides: StatusRoleOverrides = {}): DerivedStatusRole {
  const chosen = overrides[status.id];
  if (chosen) {
    return {
      statusId: status.id,
      role: chosen,
      source: 'override',
      because: `Set to “${STATUS_ROLE_LABELS[chosen]}” in Sidekick’s options.`,
    };
  }
  return deriveStatusRole(status);
}

/** Every status's role, by status id. */
export function statusRoles(
  statuses: readonly StatusFacts[],
  overrides: StatusRoleOverrides = {},
): ReadonlyMap<string, DerivedStatusRole> {
  return new Map(statuses.map((status) => [status.id, statusRole(status, overrides)]));
}
