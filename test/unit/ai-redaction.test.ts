import { describe, expect, it } from 'vitest';
import { createRedactor, restoreNames } from '../../lib/ai/redaction';
import { DEFAULT_AI_SETTINGS } from '../../lib/ai/settings';

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

  it('replaces a first name by its person’s placeholder, and gives the full name back', () => {
    const redactor = createRedactor(['names'], known);
    expect(redactor.text('Bo, can you check? Bob and Bodhi are not Bo.')).toBe(
      'Person 3, can you check? Bob and Bodhi are not Person 3.',
    );
    expect(redactor.restorations()).toEqual({ 'Person 3': 'Bo Chen' });
    expect(restoreNames('Thanks Person 3!', redactor.restorations())).toBe('Thanks Bo Chen!');
  });

  it('gives a first name that several people share a placeholder of its own, given back as that first name', () => {
    const redactor = createRedactor(['names'], known);
    expect(redactor.text('Ann, and Annual review')).toBe('Person 4, and Annual review');
    expect(redactor.restorations()).toEqual({ 'Person 4': 'Ann' });
  });

  it('leaves shot, asset and task names alone unless asked, then replaces labels and their entity names', () => {
    const labels = { names: [], labels: ['SQ01 / SH010 / Layout', 'SQ01 / SH020 / Layout'] };
    const line = 'SQ01 / SH010 / Layout: redo SH010 before SH0100, then SH020. Layout is fine.';
    expect(createRedactor(['names', 'emails'], labels).text(line)).toBe(line);
    const redactor = createRedactor(['labels'], labels);
    expect(redactor.text(line)).toBe('Task 1: redo Entity 2 before SH0100, then Entity 3. Layout is fine.');
    expect(redactor.restorations()).toEqual({
      'Task 1': 'SQ01 / SH010 / Layout',
      'Entity 2': 'SH010',
      'Entity 3': 'SH020',
    });
  });

  it('is on for names and e-mail addresses by default, labels off', () => {
    expect(DEFAULT_AI_SETTINGS.exclude).toEqual(['names', 'emails']);
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
