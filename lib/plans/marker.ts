// Transparency: every comment Sidekick posts ends with a marker line naming
// Sidekick and the operator who confirmed it. The wording is configurable,
// the marker is not optional. The line also carries a short reference to the
// job's operation, which is how an interrupted job finds out, by reading the
// task's comments, whether a comment it started already landed.

import { t } from '../i18n/pure';
import { fnv1a } from '../shared/hash';

export const DEFAULT_MARKER_TEMPLATE = '— posted by Kitsu Sidekick, confirmed by {operator}';

/**
 * The marker in each language the operator may write comments in. Comments stay in the operator's
 * language; only the marker's default wording is offered per language (chosen in the options page).
 */
export const MARKER_TEMPLATES = {
  en: DEFAULT_MARKER_TEMPLATE,
  fr: '— publié par Kitsu Sidekick, confirmé par {operator}',
} as const;
export type MarkerLanguage = keyof typeof MARKER_TEMPLATES;

/** Which language's default marker a template is; null for a reworded one. */
export const markerLanguageOf = (template: string): MarkerLanguage | null =>
  (Object.keys(MARKER_TEMPLATES) as MarkerLanguage[]).find((language) => MARKER_TEMPLATES[language] === template) ??
  null;

export type TemplateCheck = { ok: true } | { ok: false; error: string };

/** `@` and `#` would make zou notify people or copy the comment to sibling tasks. */
export function checkMarkerTemplate(template: string): TemplateCheck {
  if (!/\bSidekick\b/.test(template)) return { ok: false, error: t('errorMarkerWithoutSidekick') };
  if (!template.includes('{operator}')) return { ok: false, error: t('errorMarkerWithoutOperator') };
  if (/[@#\n]/.test(template)) return { ok: false, error: t('errorMarkerNotOneLine') };
  return { ok: true };
}

const REF_PATTERN = /\bsk-([0-9a-f]{12})\s*$/;

/** The reference of one operation of one job, as it appears in the marker. */
export function operationRef(jobId: string, operationId: string): string {
  const key = `${jobId}/${operationId}`;
  return `${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x9747b28c)}`.slice(0, 12);
}

function cleanOperator(operator: string): string {
  const name = operator.replace(/[@#\s]+/g, ' ').trim();
  return name || 'an unnamed operator';
}

/** The marker's line as a comment shows it (without the operation's reference); the options page previews it. */
export function markerLine(template: string, operator: string): string {
  const usable = checkMarkerTemplate(template).ok ? template : DEFAULT_MARKER_TEMPLATE;
  return usable.split('{operator}').join(cleanOperator(operator));
}

/**
 * The comment as posted. An invalid template falls back to the default one,
 * so a bad setting can never remove the marker. The user's text is followed by
 * a space before the marker so that a trailing "@Name" still counts as a
 * mention for zou (it wants a space or the end after the name).
 */
export function withMarker(text: string, operator: string, template: string, ref: string): string {
  return `${text.trimEnd()} \n\n${markerLine(template, operator)} · sk-${ref}`;
}

export function hasMarker(text: string | null | undefined): boolean {
  if (!text) return false;
  const lastLine = text.trimEnd().split('\n').at(-1) ?? '';
  return /\bSidekick\b/.test(lastLine) && REF_PATTERN.test(lastLine);
}

export function markerRef(text: string | null | undefined): string | undefined {
  if (!text || !hasMarker(text)) return undefined;
  return REF_PATTERN.exec(text.trimEnd())?.[1];
}
