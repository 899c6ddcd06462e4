import type { ComponentChildren } from 'preact';

type SettingsSectionProps = {
  /** The heading's id: the section is named by its heading (screen readers list it by that name). */
  titleId: string;
  title: string;
  testId?: string;
  children: ComponentChildren;
};

/** One section of the options page, under its heading. */
export function SettingsSection({ titleId, title, testId, children }: SettingsSectionProps) {
  return (
    <section class="sk-settings" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}

/** A table's header row: one heading per column, in order. */
export function ColumnHeads({ headings }: { headings: readonly ComponentChildren[] }) {
  return (
    <thead>
      <tr>
        {headings.map((heading, column) => (
          // The columns are fixed: their position is what identifies each.
          <th key={column} scope="col">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
