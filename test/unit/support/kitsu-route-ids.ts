// Ids in Kitsu page URLs, shared by the route parser's tests: each a valid UUID whose first digits hint at
// what it names (a55e7… an asset, 5a07… a shot), so a failure message reads without a lookup.
import { expect } from 'vitest';
import { PageContextSchema, parseKitsuUrl } from '../../../lib/kitsu-routes';

export const PRODUCTION = '6f1c2e3a-0b4d-4e5f-9a6b-7c8d9e0f1a2b';
export const EPISODE = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
export const ASSET = 'a55e7000-1111-4222-8333-444455556666';
export const SHOT = '5a0700aa-2222-4333-9444-555566667777';
export const SEQUENCE = '5e900000-3333-4444-a555-666677778888';
export const EDIT = 'ed170000-4444-4555-b666-777788889999';
export const TASK_TYPE = '7a5c7e00-5555-4666-8777-88889999aaaa';
export const TASK = '7a5c0000-6666-4777-9888-9999aaaabbbb';
export const PREVIEW = '9e7e0000-7777-4888-a999-aaaabbbbcccc';
export const PERSON = '9e750000-8888-4999-baaa-bbbbccccdddd';
export const PLAYLIST = '91a10000-9999-4aaa-8bbb-ccccddddeeee';
export const ASSET_TYPE = 'a55e7e00-aaaa-4bbb-9ccc-ddddeeeeffff';
export const TEMPLATE = '7e390000-bbbb-4ccc-addd-eeeeffff0000';

/** The path of the production's pages. */
export const PROD = `/productions/${PRODUCTION}`;
/** The query of a page URL without one. */
export const NO_QUERY = { extra: {} };

export function expectParsed(url: string, expected: object, options?: { basePath?: string }): void {
  const context = parseKitsuUrl(url, options);
  expect(context).toStrictEqual(expected);
  // Every context the parser returns must satisfy the schema its type comes from.
  expect(PageContextSchema.parse(context)).toStrictEqual(context);
}
