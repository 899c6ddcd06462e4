// Form fields declared as plain data: a bulk operation declares the inputs the dock's panel shows, a
// rule the thresholds the options page shows, and each page renders any declaration the same way. A bulk
// operation's fields travel from the background to the dock in the bulk choices, hence the schema
// (zod/mini: the dock's panels have a size budget).
import { z } from 'zod/mini';

/** The lists of Kitsu things a select field offers (the dock has them from the bulk choices). */
export const FIELD_SOURCES = ['statuses', 'persons', 'taskTypes'] as const;

/** camelCase: the dock derives the field's test id from it ("shiftDays" → "bulk-shift-days"). */
const key = /* @__PURE__ */ z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/));
const base = {
  key,
  label: z.string(),
  /** Said after the label, e.g. what an empty field means. */
  hint: z.optional(z.string()),
  /** Shown only while another field of the form holds this value (the hours of a fixed estimate, say). */
  shownWhen: z.optional(z.object({ key, is: z.string() })),
};
/** On a field the person must fill (while shown): what to say while it is empty. */
const required = z.optional(z.string());
const option = z.object({ id: z.string(), name: z.string() });

export const formFieldSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('text'), default: z.optional(z.string()), required }),
  z.object({ ...base, kind: z.literal('textarea'), default: z.optional(z.string()), required }),
  z.object({ ...base, kind: z.literal('date'), required }),
  z.object({
    ...base,
    kind: z.literal('number'),
    default: z.optional(z.number()),
    min: z.optional(z.number()),
    step: z.optional(z.number()),
    required,
  }),
  /** One of the production's statuses, people or task types; `none` words the empty choice (absent: none). */
  z.object({ ...base, kind: z.literal('select'), of: z.enum(FIELD_SOURCES), none: z.optional(z.string()), required }),
  /** One of a fixed list. */
  z.object({ ...base, kind: z.literal('choice'), options: z.readonly(z.array(option)), default: z.string() }),
  z.object({ ...base, kind: z.literal('check'), default: z.boolean() }),
]);
export type FormField = z.infer<typeof formFieldSchema>;
export type FormFieldKind = FormField['kind'];

/**
 * A number a person sets in the options page (a rule's threshold, say): its default and limits come
 * from the settings schema the value belongs to, which also words the refusals.
 */
export type OptionField<Key extends string = string> = { kind: 'number'; key: Key; label: string; hint: string };

/** What a form holds: a check's value is a boolean, every other field's the text of its input. */
export type FormValue = string | boolean;
export type FormValues = Readonly<Record<string, FormValue>>;
/** The values of a given list of fields, by key, each typed by its kind. */
export type FormValuesOf<Fields extends readonly FormField[]> = {
  readonly [Field in Fields[number] as Field['key']]: Field extends { kind: 'check' } ? boolean : string;
};

/** Whether a value is one the field can hold: a boolean for a check, one of its options for a choice, else text. */
export function fits(field: FormField, value: unknown): value is FormValue {
  if (field.kind === 'check') return typeof value === 'boolean';
  if (field.kind === 'choice') return field.options.some((option) => option.id === value);
  return typeof value === 'string';
}

/** A field's value among what a form holds: the one held if it fits the field, else the field's default. */
export function formValue(field: FormField, held: Readonly<Record<string, unknown>>): FormValue {
  const value = held[field.key];
  if (fits(field, value)) return value;
  switch (field.kind) {
    case 'check':
    case 'choice':
      return field.default;
    case 'number':
      return field.default === undefined ? '' : String(field.default);
    case 'text':
    case 'textarea':
      return field.default ?? '';
    default:
      return '';
  }
}

/** The key of the first value that is no field's, or that its field cannot hold; null when all fit. */
export function unfitValue(fields: readonly FormField[], values: Readonly<Record<string, unknown>>): string | null {
  for (const [key, value] of Object.entries(values)) {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field || !fits(field, value)) return key;
  }
  return null;
}

/** The value of every field, and nothing else: what a form sends. */
export function formValues(fields: readonly FormField[], held: Readonly<Record<string, unknown>>): FormValues {
  return Object.fromEntries(fields.map((field) => [field.key, formValue(field, held)]));
}

export function isShown(field: FormField, values: FormValues): boolean {
  return !field.shownWhen || values[field.shownWhen.key] === field.shownWhen.is;
}

/** What the person must still fill: the message of the first shown, required field left empty. */
export function missingInput(fields: readonly FormField[], values: FormValues): string | null {
  for (const field of fields) {
    if (!('required' in field) || !field.required || !isShown(field, values)) continue;
    const value = values[field.key];
    if (typeof value !== 'string' || value.trim() === '') return field.required;
  }
  return null;
}
