import { describe, expect, it } from 'vitest';
import {
  assignablePeople,
  assigneeCandidates,
  isWorkingPerson,
  notificationAudience,
  type PersonFacts,
  personState,
  willNotSeeText,
  worksInDepartment,
} from '../../lib/workflow/people';

const person = (id: string, fullName: string, facts: Partial<PersonFacts> = {}): PersonFacts => ({
  id,
  full_name: fullName,
  active: true,
  is_bot: false,
  departments: [],
  ...facts,
});

const ANIMATION = 'dept-animation';
const LAYOUT = 'dept-layout';
const youssef = person('youssef', 'يوسف العمراني', { departments: [ANIMATION] });
const ines = person('ines', 'Inès Duval', { departments: [LAYOUT] });
const bram = person('bram', 'Bram de Vries');
const olga = person('olga', 'Olga Petrova', { active: false, departments: [ANIMATION] });
const farm = person('farm', 'Render Farm', { is_bot: true });
const inactiveBot = person('old-bot', 'Old Bot', { is_bot: true, active: false });
const crew = [youssef, ines, bram, olga, farm, inactiveBot];

describe('people states', () => {
  it('tells active people, inactive people and bots apart', () => {
    expect(crew.map(personState)).toEqual(['active', 'active', 'active', 'inactive', 'bot', 'bot']);
    // zou's smaller person views may leave the flags out: a person is active unless zou says not.
    expect(personState({ id: 'x', full_name: 'X' })).toBe('active');
    expect(crew.filter(isWorkingPerson)).toEqual([youssef, ines, bram]);
  });

  it('lets people without a department work everywhere, and everyone on a task type without department', () => {
    expect(worksInDepartment(bram, ANIMATION)).toBe(true);
    expect(worksInDepartment(ines, ANIMATION)).toBe(false);
    expect(worksInDepartment(ines, LAYOUT)).toBe(true);
    expect(worksInDepartment(ines, null)).toBe(true);
    expect(worksInDepartment({ id: 'y', full_name: 'Y', departments: null }, LAYOUT)).toBe(true);
  });

  it('offers active people only as assignees, by name', () => {
    expect(assignablePeople(crew).map((entry) => entry.id)).toEqual(['bram', 'ines', 'youssef']);
  });

  it('proposes for a department its active people and those without a department', () => {
    expect(assigneeCandidates(crew, ANIMATION).map((entry) => entry.id)).toEqual(['bram', 'youssef']);
    expect(assigneeCandidates(crew, null).map((entry) => entry.id)).toEqual(['bram', 'ines', 'youssef']);
  });
});

describe('who is notified', () => {
  it('lists active people as notified, inactive people and bots apart, unknown ids as unknown, each once', () => {
    const audience = notificationAudience(['olga', 'youssef', 'farm', 'ghost', 'youssef', 'bram'], crew);
    expect(audience.notified).toEqual([youssef, bram]);
    expect(audience.willNotSee).toEqual([
      { person: olga, state: 'inactive' },
      { person: farm, state: 'bot' },
    ]);
    expect(audience.unknownIds).toEqual(['ghost']);
  });

  it('says why someone will not see it', () => {
    expect(willNotSeeText({ person: olga, state: 'inactive' })).toBe('Olga Petrova (inactive: will not see it)');
    expect(willNotSeeText({ person: farm, state: 'bot' })).toBe('Render Farm (bot: will not see it)');
  });
});
