import { type MessageName, t } from '../../lib/i18n';
import {
  type Choice,
  fieldName,
  type filterChoices,
  GROUPINGS,
  type Grouping,
  type ReviewFilter,
} from '../../lib/plans/review';

const GROUPING_NAMES: Record<Grouping, MessageName> = {
  none: 'groupNone',
  kind: 'groupKind',
  status: 'groupStatus',
  person: 'groupPerson',
};

type ReviewFiltersProps = {
  choices: ReturnType<typeof filterChoices>;
  filter: ReviewFilter;
  grouping: Grouping;
  onFilter: (filter: ReviewFilter) => void;
  onGrouping: (grouping: Grouping) => void;
  shown: number;
  total: number;
};

/** Narrow the table to a change kind, a status or a person, and group what is left. */
export function ReviewFilters({ choices, filter, grouping, onFilter, onGrouping, shown, total }: ReviewFiltersProps) {
  return (
    <div class="sk-filters" data-testid="plan-filters">
      <FilterSelect
        label={t('filterChange')}
        testId="plan-filter-kind"
        choices={choices.kinds}
        value={filter.kind}
        name={fieldName}
        onChange={(kind) => onFilter({ ...filter, kind })}
      />
      <FilterSelect
        label={t('filterStatus')}
        testId="plan-filter-status"
        choices={choices.statuses}
        value={filter.status}
        onChange={(status) => onFilter({ ...filter, status })}
      />
      <FilterSelect
        label={t('filterPerson')}
        testId="plan-filter-person"
        choices={choices.people}
        value={filter.person}
        onChange={(person) => onFilter({ ...filter, person })}
      />
      <label class="sk-filters__field">
        <span>{t('filterGroupBy')}</span>
        <select
          data-testid="plan-group-by"
          value={grouping}
          onChange={(event) => onGrouping(event.currentTarget.value as Grouping)}
        >
          {GROUPINGS.map((value) => (
            <option key={value} value={value}>
              {t(GROUPING_NAMES[value])}
            </option>
          ))}
        </select>
      </label>
      <span class="sk-muted" role="status" data-testid="plan-shown">
        {shown === total ? t('filterShownAll', { count: total }) : t('filterShownSome', { shown, count: total })}
      </span>
    </div>
  );
}

type FilterSelectProps = {
  label: string;
  testId: string;
  choices: Choice[];
  value: string | null;
  name?: (value: string) => string;
  onChange: (value: string | null) => void;
};

function FilterSelect({ label, testId, choices, value, name = (text) => text, onChange }: FilterSelectProps) {
  return (
    <label class="sk-filters__field">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      >
        <option value="">{t('filterAll')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {name(choice.value)} ({choice.count})
          </option>
        ))}
      </select>
    </label>
  );
}
