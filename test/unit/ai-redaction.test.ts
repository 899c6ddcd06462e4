import { describe, expect, it } from 'vitest';
import { createRedactor, restoreNames } from '../../lib/ai/redaction';

const known = { names: ['Ann Lee', 'Ann Lee-Smith', 'Bo Chen'], production: 'Fox Tales' };
const text =
  '@Ann Lee-Smith and @Ann Lee: see https://kitsu.example/shots?x=1 (ann.lee@studio.example), Bo Chen on Fox Tales';

describe('redaction', () => {
  it('leaves everything when nothing is excluded', () => {
    expect(createRedactor([], known).text(text)).toBe(text);
  });

  it('replaces each name by a stable placeholder, the longest name first, mentions kept as mentions', () => {
    const redactor = createRedactor(['names'], known);
    expect(redactor.text(text)).toBe(
      '@Person 1 and @Person 2: see https://kitsu.example/shots?x=1 (ann.lee@studio.example), Person 3 on Fox Tales',
    );
    expect(redactor.text('Bo Chen again')).toBe('Person 3 again');
    expect(redactor.restorations()).toEqual({
      'Person 1': 'Ann Lee-Smith',
      'Person 2': 'Ann Lee',
      'Person 3': 'Bo Chen',
    });
  });

  it('removes e-mail addresses, links and the production’s name', () => {
    expect(createRedactor(['emails', 'links', 'production'], known).text(text)).toBe(
      '@Ann Lee-Smith and @Ann Lee: see [link] ([e-mail]), Bo Chen on the production',
    );
  });

  it('does not leave half an address when names are also excluded', () => {
    expect(createRedactor(['emails', 'names'], { names: ['lee'] }).text('write to ann.lee@studio.example')).toBe(
      'write to [e-mail]',
    );
  });

  it('restores only placeholders it made, and Person 1 never inside Person 10', () => {
    const restorations = { 'Person 1': 'Ann Lee', 'Person 10': 'Zed Zhu' };
    expect(restoreNames('Hi @Person 1 and Person 10, Person 2 too', restorations)).toBe(
      'Hi @Ann Lee and Zed Zhu, Person 2 too',
    );
    expect(restoreNames('Nobody here', {})).toBe('Nobody here');
  });
});
