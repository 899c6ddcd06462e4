import { describe, expect, it } from 'vitest';
import {
  deriveStatusRole,
  isOpenRole,
  isParkedRole,
  STATUS_ROLES,
  type StatusFacts,
  StatusRoleOverridesSchema,
  statusRole,
  statusRoles,
} from '../../lib/workflow/status-roles';

type Flags = Partial<Pick<StatusFacts, 'is_done' | 'is_retake' | 'is_feedback_request' | 'is_wip'>>;

const status = (name: string, shortName: string, flags: Flags = {}): StatusFacts => ({
  id: `id-${shortName}`,
  name,
  short_name: shortName,
  is_done: false,
  is_retake: false,
  is_feedback_request: false,
  ...flags,
});

describe('status roles: zou’s default statuses (zou init-data, 1.0.97)', () => {
  // Names, short names and flags exactly as init-data creates them.
  const defaults: [StatusFacts, string][] = [
    [status('Todo', 'todo'), 'todo'],
    [status('Work In Progress', 'wip', { is_wip: true }), 'wip'],
    [status('Waiting For Approval', 'wfa', { is_feedback_request: true }), 'review'],
    [status('Retake', 'retake', { is_retake: true }), 'retake'],
    [status('Done', 'done', { is_done: true }), 'done'],
    [status('Ready To Start', 'ready'), 'todo'],
    // The concept statuses carry no flag.
    [status('Neutral', 'neutral'), 'todo'],
    [status('Approved', 'approved'), 'done'],
    [status('Rejected', 'rejected'), 'retake'],
  ];
  it.each(defaults)('%o is %s', (facts, role) => {
    expect(deriveStatusRole(facts).role).toBe(role);
  });

  it('reads the flags before the names, and says which flag', () => {
    expect(deriveStatusRole(status('Work In Progress', 'wip', { is_wip: true }))).toEqual({
      statusId: 'id-wip',
      role: 'wip',
      source: 'flag',
      because: 'Kitsu marks it as work in progress (is_wip).',
    });
    expect(deriveStatusRole(status('Todo', 'todo'))).toMatchObject({ source: 'default' });
  });

  it('reads "Work In Progress" as work in progress on a zou without the is_wip flag', () => {
    expect(deriveStatusRole(status('Work In Progress', 'wip'))).toMatchObject({ role: 'wip', source: 'name' });
  });
});

describe('status roles: statuses a studio added', () => {
  const custom: [string, string, Flags, string][] = [
    ['On Hold', 'hold', {}, 'on-hold'],
    ['Standby', 'stby', {}, 'on-hold'],
    ['Stand-by', 'sb', {}, 'on-hold'],
    ['En pause', 'pse', {}, 'on-hold'],
    ['En pausa', 'pau', {}, 'on-hold'],
    ['Pausiert', 'pst', {}, 'on-hold'],
    ['Zurückgestellt', 'zur', {}, 'on-hold'],
    ['Bloqué', 'blq', {}, 'on-hold'],
    ['ＨＯＬＤ', 'fwh', {}, 'on-hold'],
    ['保留', 'horyu', {}, 'on-hold'],
    ['一時停止', 'ichiji', {}, 'on-hold'],
    ['보류', 'boryu', {}, 'on-hold'],
    ['معلق', 'mualaq', {}, 'on-hold'],
    ['Omitted', 'omit', {}, 'omitted'],
    ['Cancelled', 'cncl', {}, 'omitted'],
    ['Canceled', 'cancel', {}, 'omitted'],
    ['Annulé', 'annul', {}, 'omitted'],
    ['Cancelado', 'cnc', {}, 'omitted'],
    ['キャンセル', 'kyanseru', {}, 'omitted'],
    ['취소', 'chwiso', {}, 'omitted'],
    ['ملغى', 'mulgha', {}, 'omitted'],
    ['Révision interne', 'rint', { is_feedback_request: true }, 'review'],
    ['À valider', 'aval', {}, 'review'],
    ['Pending client', 'pcl', {}, 'review'],
    ['確認待ち', 'kakunin', {}, 'review'],
    ['À reprendre', 'arep', {}, 'retake'],
    ['Refusé', 'rfs', {}, 'retake'],
    ['リテイク', 'ritake', {}, 'retake'],
    ['En cours', 'enc', {}, 'wip'],
    ['进行中', 'jinxing', {}, 'wip'],
    ['Validé client', 'vcli', { is_done: true }, 'done'],
    ['Terminé', 'term', {}, 'done'],
    ['承認済み', 'shonin', {}, 'done'],
  ];
  it.each(custom)('“%s” (%s, %o) is %s', (name, shortName, flags, role) => {
    expect(deriveStatusRole(status(name, shortName, flags)).role).toBe(role);
  });

  // Studios coming from ShotGrid keep its status codes, with names of their own.
  const shotGridCodes: [string, string][] = [
    ['hld', 'on-hold'],
    ['omt', 'omitted'],
    ['na', 'omitted'],
    ['ip', 'wip'],
    ['rev', 'review'],
    ['apr', 'done'],
    ['fin', 'done'],
    ['wtg', 'todo'],
    ['rdy', 'todo'],
  ];
  it.each(shotGridCodes)('the short name %s is %s', (shortName, role) => {
    expect(deriveStatusRole(status('Studio status', shortName)).role).toBe(role);
  });

  it('says which name it read', () => {
    expect(deriveStatusRole(status('En pause', 'pse')).because).toBe('Its name “En pause” reads as on hold.');
    expect(deriveStatusRole(status('Studio status', 'stby')).because).toBe('Its short name “stby” reads as on hold.');
  });

  it('reads omitted work marked as done as omitted, and says Kitsu marks it done', () => {
    const omittedDone = deriveStatusRole(status('Omit', 'omit', { is_done: true }));
    expect(omittedDone).toMatchObject({ role: 'omitted', source: 'name' });
    expect(omittedDone.because).toContain('although Kitsu marks it as done');
  });

  it('lets explicit retake, feedback, done and WIP flags win over a name', () => {
    expect(deriveStatusRole(status('Hold for retake', 'hrt', { is_retake: true })).role).toBe('retake');
    expect(deriveStatusRole(status('On hold (client review)', 'hcr', { is_feedback_request: true })).role).toBe(
      'review',
    );
    expect(deriveStatusRole(status('Hold', 'hdone', { is_done: true })).role).toBe('done');
    expect(deriveStatusRole(status('Paused WIP', 'pwip', { is_wip: true })).role).toBe('wip');
  });

  it('matches words from their start only, and prefers review to done for an approval awaited', () => {
    expect(deriveStatusRole(status('Threshold', 'thr')).role).toBe('todo');
    expect(deriveStatusRole(status('Waiting For Approval', 'wait')).role).toBe('review');
    expect(deriveStatusRole(status('Cancelled - on hold', 'coh')).role).toBe('omitted');
  });
});

describe('status roles: overrides per host', () => {
  const hold = status('Client', 'clnt');

  it('wins over the flags and the names, and says it was chosen in the options', () => {
    const done = status('Done', 'done', { is_done: true });
    const overrides = { [hold.id]: 'on-hold' as const, [done.id]: 'omitted' as const };
    expect(statusRole(hold, overrides)).toEqual({
      statusId: hold.id,
      role: 'on-hold',
      source: 'override',
      because: 'Set to “On hold” in Sidekick’s options.',
    });
    const roles = statusRoles([hold, done, status('Todo', 'todo')], overrides);
    expect([...roles.values()].map((derived) => derived.role)).toEqual(['on-hold', 'omitted', 'todo']);
  });

  it('is parsed: an unknown role or an empty status id is refused', () => {
    expect(StatusRoleOverridesSchema.safeParse({ a: 'on-hold' }).success).toBe(true);
    expect(StatusRoleOverridesSchema.safeParse({ a: 'paused' }).success).toBe(false);
    expect(StatusRoleOverridesSchema.safeParse({ '': 'done' }).success).toBe(false);
  });
});

describe('status roles: what each role means', () => {
  it('has open work (to do, in progress, review, retake), parked work (on hold, omitted) and done work', () => {
    expect(STATUS_ROLES.filter(isOpenRole)).toEqual(['todo', 'wip', 'review', 'retake']);
    expect(STATUS_ROLES.filter(isParkedRole)).toEqual(['on-hold', 'omitted']);
    expect(isOpenRole('done') || isParkedRole('done')).toBe(false);
  });
});
