import { t } from '../../lib/i18n';
import type { ReviewCell } from '../../lib/plans/review';
import { People, StatusChip, type StatusColours } from '../ui/chips';

/** One field of one task: the value before and after, side by side; what cannot be a pair is said in words. */
export function ChangeCell({ lines, statuses }: { lines: readonly ReviewCell[]; statuses: StatusColours }) {
  return (
    <td class="sk-diff__cell">
      {lines.map((line) => (
        <div key={line.text} class="sk-change" title={line.text}>
          <ChangeValue line={line} statuses={statuses} />
        </div>
      ))}
    </td>
  );
}

function ChangeValue({ line, statuses }: { line: ReviewCell; statuses: StatusColours }) {
  if (line.people) {
    return (
      <Pair
        before={<People names={line.people.before} empty={t('confirmNobody')} />}
        after={<People names={line.people.after} empty={t('confirmNobody')} />}
      />
    );
  }
  if (line.field === 'status' && line.after !== undefined) {
    const chip = (name: string | undefined) =>
      name === undefined ? null : <StatusChip name={name} statuses={statuses} />;
    return <Pair before={chip(line.before)} after={chip(line.after)} />;
  }
  if (line.field === 'comment' || line.field === 'file') {
    // A comment posted shows its text; a comment deleted shows it struck through.
    if (line.after !== undefined) return <span class="sk-clamp">{line.after}</span>;
    if (line.before !== undefined) return <del class="sk-clamp">{line.before}</del>;
  }
  if (line.before !== undefined && line.after !== undefined) return <Pair before={line.before} after={line.after} />;
  return <span class="sk-clamp">{line.text}</span>;
}

function Pair({ before, after }: { before: preact.ComponentChildren; after: preact.ComponentChildren }) {
  return (
    <span class="sk-pair">
      <span class="sk-pair__before">{before ?? <span class="sk-muted">—</span>}</span>
      <span class="sk-pair__arrow" aria-hidden="true">
        →
      </span>
      <span class="sk-visually-hidden">{t('confirmBecomes')}</span>
      <span class="sk-pair__after">{after}</span>
    </span>
  );
}
