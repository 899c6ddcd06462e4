import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n/pure';
import { KITSU_ROLE_NAMES } from '../../lib/i18n/role-names';
import { knownRole, roleAllows } from '../../lib/shared/roles';
import { clip, plural } from '../../lib/shared/text';

describe('roles', () => {
  it('ranks roles: a plan needing a role runs with that role or a higher one, and no plan never runs', () => {
    expect(roleAllows('manager', 'supervisor')).toBe(true);
    expect(roleAllows('supervisor', 'supervisor')).toBe(true);
    expect(roleAllows('supervisor', 'manager')).toBe(false);
    expect(roleAllows('client', 'user')).toBe(false);
    expect(roleAllows(undefined, 'user')).toBe(false);
    expect(roleAllows('admin', null)).toBe(false);
  });

  it('knows only zou’s roles, and names them as Kitsu does', () => {
    expect(knownRole('supervisor')).toBe('supervisor');
    expect(knownRole('owner')).toBeUndefined();
    expect(knownRole(undefined)).toBeUndefined();
    expect(t(KITSU_ROLE_NAMES.user)).toBe('Artist');
  });
});

describe('plural', () => {
  it('writes one in the singular, zero and many in the plural', () => {
    expect(plural(1, 'task')).toBe('1 task');
    expect(plural(0, 'task')).toBe('0 tasks');
    expect(plural(3, 'task')).toBe('3 tasks');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});

describe('clip', () => {
  it('keeps a text within the limit as it is, and ends a longer one with "…" within the limit', () => {
    expect(clip('Layout is locked.', 17)).toBe('Layout is locked.');
    expect(clip('Layout is locked.', 10)).toBe('Layout is…');
    expect(clip('Layout is locked.', 10)).toHaveLength(10);
  });
});
