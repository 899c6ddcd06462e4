// People states. Studios keep the people who left (inactive) and add bots (render farms, scripts,
// Sidekick itself) to their teams; neither does work nor reads Kitsu. Only active people get work,
// weigh on workloads and are told of a change; the others are shown apart, so a preview says who
// will not see it. People without a department work everywhere, as zou's permissions treat them.
import type { Person } from '../kitsu';

export const PERSON_STATES = ['active', 'inactive', 'bot'] as const;
export type PersonState = (typeof PERSON_STATES)[number];

/** The facts of a zou person the states read (zou's full rows and Sidekick's smaller ones both fit). */
export type PersonFacts = Pick<Person, 'id' | 'full_name'> & {
  active?: boolean | null;
  is_bot?: boolean | null;
  departments?: readonly string[] | null;
};

/** A bot is a bot whatever its active flag; a person is inactive only when zou says so. */
export function personState(person: PersonFacts): PersonState {
  if (person.is_bot) return 'bot';
  return person.active === false ? 'inactive' : 'active';
}

/** An active person, not a bot: the only kind that is given work, has a workload and reads notifications. */
export function isWorkingPerson(person: PersonFacts): boolean {
  return personState(person) === 'active';
}

/**
 * Whether a person works on tasks of a department: those of the department do, people without a
 * department work everywhere, and everyone works on a task type that has no department.
 */
export function worksInDepartment(person: PersonFacts, departmentId: string | null): boolean {
  const departments = person.departments ?? [];
  return departmentId === null || departments.length === 0 || departments.includes(departmentId);
}

const byName = (a: PersonFacts, b: PersonFacts) => a.full_name.localeCompare(b.full_name) || a.id.localeCompare(b.id);

/** Who can be chosen as an assignee: active people, by name. */
export function assignablePeople<P extends PersonFacts>(persons: readonly P[]): P[] {
  return persons.filter(isWorkingPerson).sort(byName);
}

/** Who a rule may propose for a task of this department: active people who work in it, by name. */
export function assigneeCandidates<P extends PersonFacts>(persons: readonly P[], departmentId: string | null): P[] {
  return assignablePeople(persons).filter((person) => worksInDepartment(person, departmentId));
}

export interface NotificationAudience<P extends PersonFacts> {
  /** Active people: they will see it. */
  notified: P[];
  /** Inactive people and bots: Kitsu notifies them, nobody reads it. */
  willNotSee: { person: P; state: Exclude<PersonState, 'active'> }[];
  /** Ids of people the caller does not know: shown as unknown rather than dropped. */
  unknownIds: string[];
}

/** Splits the people a write notifies (assignees, mentions) into those who will see it and the others. */
export function notificationAudience<P extends PersonFacts>(
  personIds: readonly string[],
  persons: readonly P[],
): NotificationAudience<P> {
  const byId = new Map(persons.map((person) => [person.id, person]));
  const audience: NotificationAudience<P> = { notified: [], willNotSee: [], unknownIds: [] };
  for (const id of new Set(personIds)) {
    const person = byId.get(id);
    if (!person) {
      audience.unknownIds.push(id);
      continue;
    }
    const state = personState(person);
    if (state === 'active') audience.notified.push(person);
    else audience.willNotSee.push({ person, state });
  }
  return audience;
}

/** "Olga Petrova (inactive: will not see it)", "Render Farm (bot: will not see it)". */
export function willNotSeeText(entry: { person: PersonFacts; state: Exclude<PersonState, 'active'> }): string {
  return `${entry.person.full_name} (${entry.state}: will not see it)`;
}
