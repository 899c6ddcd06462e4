// Property-based: random and mutated messages from every kind of sender at the background's router,
// with the real protocol schemas and the real allowedSenders. A spy Kitsu client stands behind the
// one write-leading handler (plans/execute); no other handler writes.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { allowedSenders, type RequestType, requestSchema } from '../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../lib/messaging/router';
import { classifySender, type SenderFacts } from '../../lib/messaging/sender';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const KITSU = 'https://kitsu.studio.example';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.fuzz-secret-token-value.signature';
const RUNS = 10_000;

/** Valid examples of the messages: the seeds that the mutations start from (newer types start from `{ type }`). */
const VALID: Partial<Record<RequestType, Record<string, unknown>>> = {
  'dock/load-panels': { type: 'dock/load-panels' },
  'bulk/choices': { type: 'bulk/choices', url: `${KITSU}/productions/p1/shots` },
  'bulk/select': {
    type: 'bulk/select',
    url: `${KITSU}/productions/p1/shots`,
    filter: { taskTypeId: 'tt1', statusId: 'st1', text: 'SH0' },
  },
  'bulk/propose': {
    type: 'bulk/propose',
    url: `${KITSU}/productions/p1/shots`,
    operationId: 'comment-status',
    filter: { taskTypeId: 'tt1', assignee: 'unassigned', overdue: true, priority: 2 },
    values: { toStatus: 'st2', text: 'Layout can start.' },
  },
  'agent/suggestions': { type: 'agent/suggestions', url: `${KITSU}/productions/p1/shots` },
  'agent/dismiss': { type: 'agent/dismiss', url: `${KITSU}/productions/p1`, suggestionId: 's1', days: 3 },
  'agent/review-plan': { type: 'agent/review-plan', url: `${KITSU}/productions/p1`, suggestionId: 's1' },
  'plans/preview': { type: 'plans/preview', planId: 'plan-1' },
  'plans/execute': { type: 'plans/execute', planId: 'plan-1' },
  'plans/status': { type: 'plans/status', planId: 'plan-1' },
  'plans/cancel': { type: 'plans/cancel', planId: 'plan-1' },
  'plans/undo': { type: 'plans/undo', planId: 'plan-1' },
  'plans/resume': { type: 'plans/resume', planId: 'plan-1' },
  'plans/retry-failed': { type: 'plans/retry-failed', planId: 'plan-1' },
  'plans/escape-hashtags': { type: 'plans/escape-hashtags', planId: 'plan-1' },
  'settings/get': { type: 'settings/get' },
  'settings/save': { type: 'settings/save', operatorName: 'Ada', markerTemplate: '' },
  'audit/list': { type: 'audit/list', planId: 'plan-1' },
  'audit/export': { type: 'audit/export', format: 'csv' },
  'page/overview': { type: 'page/overview', url: `${KITSU}/productions/p1/shots` },
  'popup/state': { type: 'popup/state', origin: KITSU },
  'settings/set-paused': { type: 'settings/set-paused', paused: true },
  'connections/list': { type: 'connections/list' },
  'connections/test': { type: 'connections/test', origin: KITSU, token: TOKEN },
  'connections/save': { type: 'connections/save', label: 'Studio', origin: KITSU, token: TOKEN },
  'connections/remove': { type: 'connections/remove', id: 'c1' },
};
const TYPES = Object.keys(allowedSenders) as RequestType[];
const seedOf = (type: RequestType): Record<string, unknown> => VALID[type] ?? { type };

/** Where messages come from: the facts the browser stamps, from legitimate to forged. */
const SENDERS: SenderFacts[] = [
  { id: OWN_ID, url: `${KITSU}/productions/p1/shots`, tabId: 7, frameId: 0 },
  { id: OWN_ID, url: `${KITSU}/productions/p1/shots`, tabId: 7, frameId: 3 },
  { id: OWN_ID, url: 'https://evil.example/', tabId: 8, frameId: 0 },
  { id: OWN_ID, url: 'http://kitsu.studio.example/', tabId: 8, frameId: 0 },
  { id: 'another-extension-id', url: `${KITSU}/`, tabId: 7, frameId: 0 },
  { id: 'another-extension-id', url: `chrome-extension://another-extension-id/confirm.html`, frameId: 0 },
  { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, tabId: 3, frameId: 0 },
  { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` },
  { id: OWN_ID, url: `${OWN_ORIGIN}/confirm.html#plan-1`, tabId: 9, frameId: 0 },
  { id: OWN_ID, url: `${OWN_ORIGIN}/confirm.html#plan-1`, tabId: 9, frameId: 2 },
  { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, tabId: 9, frameId: 1 },
  { id: OWN_ID, url: `${KITSU}/confirm.html#plan-1`, tabId: 7, frameId: 0 },
  { id: OWN_ID },
  { id: OWN_ID, url: 'not a url', tabId: 1, frameId: 0 },
  { id: OWN_ID, url: 'data:text/html,<p>hi</p>', tabId: 1, frameId: 0 },
  { id: OWN_ID, url: `${KITSU}/`, frameId: 0 },
  {},
];
const CONFIRM_PAGE = SENDERS[8];

/** Values that break naive code: prototypes, huge or odd strings, wrong types. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    TOKEN,
    'x'.repeat(5000),
    '',
    ' ',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    null,
    undefined,
    [],
    {},
    { __proto__: { polluted: true } },
  ),
);

/** A valid message mutated: a field dropped, replaced, added, or its type changed. */
const mutated = fc
  .tuple(fc.constantFrom(...TYPES), fc.nat(), nasty, fc.constantFrom('drop', 'replace', 'add', 'retype', 'keep'))
  .map(([type, pick, value, how]) => {
    const message: Record<string, unknown> = structuredClone(seedOf(type));
    const keys = Object.keys(message);
    const key = keys[pick % keys.length] ?? 'type';
    if (how === 'drop') delete message[key];
    if (how === 'replace') message[key] = value;
    if (how === 'add') message[`extra${pick % 3}`] = value;
    if (how === 'retype') message.type = TYPES[pick % TYPES.length];
    return message;
  });

const anyMessage = fc.oneof(mutated, fc.anything({ maxDepth: 3 }), fc.constantFrom(...TYPES.map(seedOf)));

function fuzzRouter() {
  const spyClient = { batchComment: vi.fn(), commentTask: vi.fn(), updateTask: vi.fn() };
  const calls: { type: RequestType; sender: string }[] = [];
  const handlers = Object.fromEntries(
    TYPES.map((type) => [
      type,
      vi.fn(async (_request: unknown, context: { sender: { kind: string } }) => {
        calls.push({ type, sender: context.sender.kind });
        // The only handler that leads to writes: the spy stands for the Kitsu client the executor uses.
        if (type !== 'plans/execute') return null;
        spyClient.batchComment();
        return { started: true };
      }),
    ]),
  ) as unknown as Handlers;
  const route = createRouter(handlers, {
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    isConfiguredOrigin: async (origin) => origin === KITSU,
  });
  return { route, spyClient, calls };
}

describe('fuzzing the background router (10,000 messages)', () => {
  it('never crashes, never writes outside the confirm window, and refuses clearly what it does not run', async () => {
    const { route, spyClient, calls } = fuzzRouter();
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(anyMessage, fc.constantFrom(...SENDERS), async (message, sender) => {
        const writesBefore = spyClient.batchComment.mock.calls.length;
        const answer = await route(message, sender);
        const kind = classifySender(sender, OWN_ID, OWN_ORIGIN).kind;
        const parsed = requestSchema.safeParse(message);
        const allowed =
          parsed.success &&
          kind !== 'foreign' &&
          (allowedSenders[parsed.data.type] as readonly string[]).includes(kind) &&
          (kind !== 'content-script' || sender.url?.startsWith(KITSU));
        if (!allowed) {
          // A refusal: a known code and a sentence, never the handler's run, never the token echoed.
          const clear =
            !answer.ok &&
            (answer.error.code === 'bad-request' || answer.error.code === 'forbidden-sender') &&
            answer.error.message.length > 5 &&
            !answer.error.message.includes(TOKEN);
          if (!clear) throw new Error(`not a clear refusal: ${JSON.stringify(answer)}`);
          if (spyClient.batchComment.mock.calls.length !== writesBefore) throw new Error('a refused message wrote');
          refusals += 1;
        } else if (parsed.success && parsed.data.type === 'plans/execute' && sender !== CONFIRM_PAGE) {
          throw new Error('plans/execute accepted outside the confirm window');
        }
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    // Every write came from the confirm window; most random messages were refused.
    expect(calls.filter((call) => call.type === 'plans/execute').every((call) => call.sender === 'confirm-page')).toBe(
      true,
    );
    expect(refusals).toBeGreaterThan(RUNS * 0.8);
  }, 20_000);

  it('refuses a write-leading message from every sender but the top-level confirm window', async () => {
    const { route, spyClient } = fuzzRouter();
    for (const sender of SENDERS) {
      const answer = await route(seedOf('plans/execute'), sender);
      expect(answer.ok).toBe(sender === CONFIRM_PAGE);
    }
    expect(spyClient.batchComment).toHaveBeenCalledTimes(1);
  });
});
