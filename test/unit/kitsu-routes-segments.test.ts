import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  EntityTypeSchema,
  EpisodeScopeSchema,
  PageParamsSchema,
  PluginIdSchema,
  StudioSectionSchema,
  UuidSchema,
} from '../../lib/kitsu-routes';
import { SEGMENT_PARSERS, STUDIO_SECTIONS } from '../../lib/kitsu-routes/segments';

// parseKitsuUrl validates segments with plain functions so that the content script does not bundle the
// schemas; these tests keep the two from drifting apart. Each reference below is the zod composition
// parseKitsuUrl used before, built from the exported schemas.

const lowerUuid = z.pipe(z.string().check(z.toLowerCase()), UuidSchema);
const boundedInt = (digits: RegExp, bounds: z.ZodMiniType<number, number>) =>
  z.pipe(z.pipe(z.string().check(z.regex(digits)), z.transform(Number)), bounds);

// Kitsu's `:type` segment is the plural of an entity type. Concepts have no `:type` routes: only
// their tasks are routed, under the singular `concept` (a static segment of its own routes).
const pluralEntityType = z.pipe(
  z.string().check(z.regex(/s$/)),
  z.pipe(
    z.transform((plural: string) => plural.slice(0, -1)),
    z.enum(EntityTypeSchema.options.filter((entityType) => entityType !== 'concept')),
  ),
);

const REFERENCE_SCHEMAS = {
  productionId: lowerUuid,
  episodeId: z.union([lowerUuid, EpisodeScopeSchema]),
  episodeEntityId: lowerUuid,
  entityId: lowerUuid,
  entityTypes: pluralEntityType,
  taskTypeId: lowerUuid,
  taskId: lowerUuid,
  previewId: lowerUuid,
  personId: lowerUuid,
  playlistId: lowerUuid,
  templateId: lowerUuid,
  assetTypeId: lowerUuid,
  sequenceId: z.union([lowerUuid, PageParamsSchema.shape.sequenceId.def.innerType]),
  pluginId: PluginIdSchema,
  year: boundedInt(/^\d{4}$/, PageParamsSchema.shape.year.def.innerType),
  month: boundedInt(/^\d{1,2}$/, PageParamsSchema.shape.month.def.innerType),
  week: boundedInt(/^\d{1,2}$/, PageParamsSchema.shape.week.def.innerType),
  day: boundedInt(/^\d{1,2}$/, PageParamsSchema.shape.day.def.innerType),
} satisfies Record<keyof typeof SEGMENT_PARSERS, z.ZodMiniType<unknown, string>>;

const UUID = '6f1c2e3a-0b4d-4e5f-9a6b-7c8d9e0f1a2b';

const TRICKY_INPUTS = [
  // UUIDs: case, shape, version/variant bits, padding, look-alike characters.
  UUID,
  UUID.toUpperCase(),
  '6F1c2E3a-0B4d-4E5f-9A6b-7C8d9E0f1A2b',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1c2e3a-0b4d-0e5f-ca6b-7c8d9e0f1a2b',
  UUID.replaceAll('-', ''),
  `{${UUID}}`,
  `${UUID} `,
  ` ${UUID}`,
  `${UUID}\n`,
  `\n${UUID}`,
  `${UUID}0`,
  UUID.slice(1),
  UUID.replace('6', 'g'),
  UUID.replace('a', '\u212a'), // Kelvin sign, lowercases to an ASCII 'k'
  UUID.replace('a', '\uff21'), // fullwidth 'A'
  UUID.replace('a', '\u0130'), // 'İ', lowercases to two code units
  UUID.replaceAll('-', '_'),
  // Pseudo-episodes, sequence 'all', plural entity types and prototype keys.
  'all',
  'ALL',
  'All',
  'main',
  'Main',
  'all ',
  'assets',
  'shots',
  'sequences',
  'edits',
  'episodes',
  'Shots',
  'SHOTS',
  'shot',
  'shotss',
  's',
  'tasks',
  'concepts',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  // Plugin ids.
  'my-plugin',
  'my_plugin.v2',
  '.',
  '..',
  '-',
  'a b',
  'a/b',
  'plugin!',
  'été',
  'a\n',
  // Numbers: bounds, digit counts, other notations and non-ASCII digits.
  '',
  ' ',
  '0',
  '00',
  '1',
  '01',
  '001',
  '9',
  '12',
  '13',
  '31',
  '32',
  '53',
  '54',
  '99',
  '0000',
  '1969',
  '1970',
  '2024',
  '9999',
  '10000',
  '02024',
  '+1',
  '-1',
  '1.0',
  '1e1',
  '0x1',
  ' 1',
  '1 ',
  '1\n',
  'NaN',
  'Infinity',
  '\uff11', // fullwidth '1'
  '\u0661', // Arabic-Indic '1'
  '２０２４',
];

const referenceResult = (schema: z.ZodMiniType<unknown, string>, input: string): unknown => {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
};

describe('segment parsers agree with the schemas', () => {
  it('covers every segment parser', () => {
    expect(Object.keys(REFERENCE_SCHEMAS).sort()).toStrictEqual(Object.keys(SEGMENT_PARSERS).sort());
  });

  it.each(Object.keys(SEGMENT_PARSERS) as (keyof typeof SEGMENT_PARSERS)[])('%s', (name) => {
    const parser: (segment: string) => unknown = SEGMENT_PARSERS[name];
    const actual = TRICKY_INPUTS.map((input) => [input, parser(input)]);
    const expected = TRICKY_INPUTS.map((input) => [input, referenceResult(REFERENCE_SCHEMAS[name], input)]);
    expect(actual).toStrictEqual(expected);
  });

  it('accepts some of the tricky inputs for each parser', () => {
    // Guards against a set of inputs that every parser rejects, which would make the comparison vacuous.
    for (const parser of Object.values(SEGMENT_PARSERS) as ((segment: string) => unknown)[]) {
      expect(TRICKY_INPUTS.some((input) => parser(input) !== undefined)).toBe(true);
    }
  });

  it('lists the studio sections of the schema', () => {
    expect([...STUDIO_SECTIONS]).toStrictEqual(StudioSectionSchema.options);
  });
});
