import { describe, expect, it } from 'vitest';
import {
  checkMarkerTemplate,
  DEFAULT_MARKER_TEMPLATE,
  hasMarker,
  MARKER_TEMPLATES,
  markerLanguageOf,
  markerLine,
  markerRef,
  operationRef,
  withMarker,
} from '../../lib/plans/marker';

describe('marker', () => {
  it('has a French form that is a valid marker, found back by its language, and previewed with the operator', () => {
    const ref = operationRef('job-1', 'op-1');
    const text = withMarker('Validé, beau travail.', 'Hélène Roux', MARKER_TEMPLATES.fr, ref);
    expect(text).toBe(`Validé, beau travail. \n\n— publié par Kitsu Sidekick, confirmé par Hélène Roux · sk-${ref}`);
    expect(hasMarker(text)).toBe(true);
    expect(markerRef(text)).toBe(ref);
    expect(checkMarkerTemplate(MARKER_TEMPLATES.fr)).toEqual({ ok: true });
    expect(markerLanguageOf(MARKER_TEMPLATES.fr)).toBe('fr');
    expect(markerLanguageOf(DEFAULT_MARKER_TEMPLATE)).toBe('en');
    expect(markerLanguageOf('Posted by Sidekick for {operator}')).toBeNull();
    expect(markerLine(MARKER_TEMPLATES.fr, 'Hélène')).toBe('— publié par Kitsu Sidekick, confirmé par Hélène');
  });

  it('appends the marker with the operator and the operation reference', () => {
    const ref = operationRef('job-1', 'op-1');
    const text = withMarker('Approved, nice work.', 'Mina Okafor', DEFAULT_MARKER_TEMPLATE, ref);
    expect(text).toBe(`Approved, nice work. \n\n— posted by Kitsu Sidekick, confirmed by Mina Okafor · sk-${ref}`);
    expect(hasMarker(text)).toBe(true);
    expect(markerRef(text)).toBe(ref);
  });

  it('gives every operation of every job its own stable reference', () => {
    expect(operationRef('job-1', 'op-1')).toMatch(/^[0-9a-f]{12}$/);
    expect(operationRef('job-1', 'op-1')).toBe(operationRef('job-1', 'op-1'));
    const refs = new Set(Array.from({ length: 500 }, (_, index) => operationRef('job-1', `op-${index}`)));
    refs.add(operationRef('job-2', 'op-1'));
    expect(refs.size).toBe(501);
  });

  it('accepts a custom template that names Sidekick and the operator', () => {
    expect(checkMarkerTemplate('via Sidekick ({operator})')).toEqual({ ok: true });
    const text = withMarker('Done', 'Theo', 'via Sidekick ({operator})', operationRef('j', 'o'));
    expect(text.split('\n').at(-1)).toMatch(/^via Sidekick \(Theo\) · sk-[0-9a-f]{12}$/);
    expect(hasMarker(text)).toBe(true);
  });

  it('refuses templates that would remove the marker or trigger mentions and hashtags', () => {
    for (const template of [
      '',
      'posted by {operator}',
      'Sidekick',
      'Sidekick @{operator}',
      'Sidekick #all {operator}',
    ]) {
      expect(checkMarkerTemplate(template).ok).toBe(false);
    }
  });

  it('forces the default marker when the template is refused', () => {
    const text = withMarker('Done', 'Theo', '{operator}', operationRef('j', 'o'));
    expect(text).toContain('— posted by Kitsu Sidekick, confirmed by Theo');
  });

  it("keeps '@' and '#' of the operator's name out of the marker", () => {
    const text = withMarker('Done', '@Mina #all', DEFAULT_MARKER_TEMPLATE, operationRef('j', 'o'));
    expect(text.split('\n').at(-1)).not.toMatch(/[@#]/);
  });

  it('does not see a marker in ordinary comments or in copies zou makes for hashtags', () => {
    expect(hasMarker('Sidekick is great')).toBe(false);
    expect(hasMarker(null)).toBe(false);
    const posted = withMarker('#layout check', 'Mina', DEFAULT_MARKER_TEMPLATE, operationRef('j', 'o'));
    expect(hasMarker(`${posted}\n\n____\nFrom Animation task`)).toBe(false);
  });
});
