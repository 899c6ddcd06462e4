// Property-based: whatever a Kitsu server (or a proxy in front of it) answers, the typed client either
// returns data its schemas accepted or throws a KitsuApiError that reads as a sentence without the token.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKitsuClient, describeKitsuError, isKitsuApiError, TaskSchema } from '../../lib/kitsu';
import { createPacer } from '../../lib/kitsu/pacing';
import { task } from '../../lib/plans/testing/fixtures';

const ORIGIN = 'https://kitsu.studio.example';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.fuzz-secret-token-value.signature';
const ID = '4b9a1f0e-6a55-4d67-9a1e-2a8b7c0d1e2f';

const VALID_TASK = task(ID, {
  project_id: ID,
  task_type_id: ID,
  task_status_id: ID,
  entity_id: ID,
  assignees: [ID],
  due_date: '2026-11-30T00:00:00',
});

/** A valid task with one field dropped or replaced by anything: newer or broken Zou answers. */
const mutatedTask = fc
  .tuple(fc.constantFrom(...Object.keys(VALID_TASK)), fc.anything({ maxDepth: 2 }), fc.boolean())
  .map(([key, value, drop]) => {
    const body: Record<string, unknown> = { ...VALID_TASK, extra_field_from_newer_zou: 1 };
    if (drop) delete body[key];
    else body[key] = value;
    return JSON.stringify(body);
  });

const body = fc.oneof(
  mutatedTask,
  fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ''),
  fc.string(),
  fc.constantFrom(
    '',
    '{',
    'null',
    '<html>502 Bad Gateway</html>',
    JSON.stringify({ msg: 'Signature has expired' }),
    JSON.stringify({ message: `echo ${TOKEN}` }),
    JSON.stringify({ error: true, message: 'Token has been revoked' }),
  ),
);
const status = fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503);

const READS: ((client: ReturnType<typeof createKitsuClient>) => Promise<unknown>)[] = [
  (client: ReturnType<typeof createKitsuClient>) => client.task(ID),
  (client: ReturnType<typeof createKitsuClient>) => client.taskComments(ID),
  (client: ReturnType<typeof createKitsuClient>) => client.shotsWithTasks(ID),
  (client: ReturnType<typeof createKitsuClient>) => client.persons(),
  (client: ReturnType<typeof createKitsuClient>) => client.authenticated(),
  (client: ReturnType<typeof createKitsuClient>) => client.taskStatuses(),
];

describe('fuzzing the Kitsu schemas through the client', () => {
  it('parses or fails with a clear KitsuApiError, never anything else, never quoting the token', async () => {
    let parsed = 0;
    let refused = 0;
    // The pauses fuzzed 429s and 503s ask for pass at once: this is about parsing, not pacing.
    let time = 0;
    const clock = {
      now: () => time,
      sleep: async (ms: number) => {
        time += ms;
      },
    };
    await fc.assert(
      fc.asyncProperty(body, status, fc.nat(READS.length - 1), async (text, code, which) => {
        const client = createKitsuClient({
          origin: ORIGIN,
          token: TOKEN,
          maxRetries: 0,
          pacer: createPacer(4, clock),
          fetch: async () => new Response(code === 204 ? null : text, { status: code }),
        });
        try {
          const read = READS[which] ?? READS[0];
          const value = await read?.(client);
          expect(value).not.toBeUndefined();
          if (which === 0) expect(TaskSchema.safeParse(value).success).toBe(true);
          parsed += 1;
        } catch (error) {
          expect(isKitsuApiError(error), `threw ${String(error)}`).toBe(true);
          const sentence = describeKitsuError(error);
          expect(sentence.length).toBeGreaterThan(10);
          expect(sentence).not.toContain(TOKEN);
          expect(String((error as Error).message)).not.toContain(TOKEN);
          refused += 1;
        }
      }),
      { numRuns: 3_000, seed: 20261129 },
    );
    expect(parsed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 20_000);
});
