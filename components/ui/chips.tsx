import { avatarColour, textColourOn } from '../../lib/shared/colours';
import { initialsOf, middleShorten } from '../../lib/shared/text';

export type StatusColours = ReadonlyMap<string, { shortName: string; color: string; className: string }>;

/** Kitsu's statuses as chip classes: one style sheet for the page instead of a style per chip. */
export function statusColours(statuses: readonly { name: string; shortName: string; color: string }[]): StatusColours {
  return new Map(statuses.map((status, index) => [status.name, { ...status, className: `sk-status-${index}` }]));
}

export function StatusStyles({ statuses }: { statuses: StatusColours }) {
  const rules = [...statuses.values()].map(
    ({ className, color }) =>
      `.${className}{background:${safeColour(color)};color:${textColourOn(color)};border-color:transparent}`,
  );
  return <style>{rules.join('\n')}</style>;
}

/** Only "#rgb"/"#rrggbb" reach the style sheet: a status colour is data from the server. */
const safeColour = (color: string) => (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color) ? color : 'transparent');

/** A status as Kitsu shows it in its grids: the short name on the status's colour, the full name on hover. */
export function StatusChip({ name, statuses }: { name: string; statuses: StatusColours }) {
  const known = statuses.get(name);
  return (
    <span class={known ? `sk-chip ${known.className}` : 'sk-chip'} title={name} data-status={name}>
      {known?.shortName ?? name}
    </span>
  );
}

/** A person's initials on their colour, the full name on hover and for screen readers. */
export function Avatar({ name }: { name: string }) {
  return (
    <span class={`sk-avatar sk-avatar--${avatarColour(name)}`} title={name} role="img" aria-label={name}>
      {initialsOf(name)}
    </span>
  );
}

export function People({ names, empty }: { names: readonly string[]; empty: string }) {
  if (names.length === 0) return empty ? <span class="sk-muted">{empty}</span> : null;
  return (
    <span class="sk-people">
      {names.map((name) => (
        <Avatar key={name} name={name} />
      ))}
    </span>
  );
}

/** A long name cut in its middle; the whole name in the tooltip and for screen readers. */
export function MiddleText({ text, max = 40 }: { text: string; max?: number }) {
  const shown = middleShorten(text, max);
  if (shown === text) return <span>{text}</span>;
  return (
    <span title={text}>
      <span aria-hidden="true">{shown}</span>
      <span class="sk-visually-hidden">{text}</span>
    </span>
  );
}

/** Grey bars the shape of what is loading, said in words to screen readers. */
export function Skeleton({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div class="sk-skeleton" role="status" aria-label={label} data-testid="skeleton">
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} class="sk-skeleton__line" />
      ))}
    </div>
  );
}

/** Nothing to show, and what to do about it. */
export function EmptyState({ title, action, testId }: { title: string; action: string; testId?: string }) {
  return (
    <div class="sk-empty" data-testid={testId ?? 'empty-state'}>
      <strong>{title}</strong>
      <span>{action}</span>
    </div>
  );
}
