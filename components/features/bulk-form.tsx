import { type FIELD_SOURCES, type FormField, type FormValue, type FormValues, isShown } from '../../lib/forms/fields';

type Named = { id: string; name: string };
/** The production's statuses, people and task types, for the fields that pick one of them. */
export type FieldLists = Readonly<Record<(typeof FIELD_SOURCES)[number], readonly Named[]>>;

/** "shiftDays" → "bulk-shift-days": the test id of a field, stable across releases. */
const testIdOf = (key: string) => `bulk-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/**
 * The inputs of a bulk operation, rendered from the fields it declares (lib/bulk/operations): the
 * panel knows no operation by name.
 */
export function OperationFields(props: {
  fields: readonly FormField[];
  values: FormValues;
  lists: FieldLists;
  set: (key: string, value: FormValue) => void;
}) {
  const { fields, values } = props;
  if (fields.length === 0) return null;
  return (
    <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
      {fields
        .filter((field) => isShown(field, values))
        .map((field) => (
          <FieldInput key={field.key} field={field} value={values[field.key]} lists={props.lists} set={props.set} />
        ))}
    </fieldset>
  );
}

function FieldInput(props: {
  field: FormField;
  value: FormValue | undefined;
  lists: FieldLists;
  set: (key: string, value: FormValue) => void;
}) {
  const { field, value, set } = props;
  const testId = testIdOf(field.key);
  const onChange = (next: FormValue) => set(field.key, next);
  const text = typeof value === 'string' ? value : '';
  const onInput = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);
  const label = field.hint ? `${field.label} (${field.hint})` : field.label;
  switch (field.kind) {
    case 'check':
      return <Check label={label} testId={testId} checked={value === true} onChange={onChange} />;
    case 'choice':
      return (
        <Choice label={label} testId={testId} value={text} onChange={onChange} none={null} options={field.options} />
      );
    case 'select':
      return (
        <Choice
          label={label}
          testId={testId}
          value={text}
          onChange={onChange}
          none={field.none ?? null}
          options={props.lists[field.of]}
        />
      );
    case 'textarea':
      return (
        <label>
          {label}
          <textarea value={text} onInput={onInput} rows={3} required={!!field.required} data-testid={testId} />
        </label>
      );
    case 'number':
      return (
        <label>
          {label}
          <input type="number" min={field.min} step={field.step} value={text} onInput={onInput} data-testid={testId} />
        </label>
      );
    case 'date':
      return (
        <label>
          {label}
          <input type="date" value={text} onInput={onInput} required={!!field.required} data-testid={testId} />
        </label>
      );
    case 'text':
      return (
        <label>
          {label}
          <input value={text} onInput={onInput} required={!!field.required} data-testid={testId} />
        </label>
      );
  }
}

export function Check(props: {
  label: string;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="sk-bulk__check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
        data-testid={props.testId}
      />
      {props.label}
    </label>
  );
}

/** A labelled select over named Kitsu things; `none` is the empty choice's wording (null: no empty choice). */
export function Choice(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  none: string | null;
  options: readonly Named[];
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        data-testid={props.testId}
      >
        {props.none === null ? null : <option value="">{props.none}</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
