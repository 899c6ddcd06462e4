import { z } from 'zod';

/**
 * Every message that crosses a context boundary is described here, and only here.
 * The background refuses anything these schemas do not accept.
 */

export const statusRequest = z.object({
  type: z.literal('status'),
  /** How many times the person asked; echoed back so the panel can tell answers apart. */
  askedTimes: z.number().int().nonnegative(),
});

export const requestSchema = z.discriminatedUnion('type', [statusRequest]);
export type SidekickRequest = z.infer<typeof requestSchema>;
export type RequestType = SidekickRequest['type'];

export const statusAnswer = z.object({
  extensionVersion: z.string(),
  /** The origin the asking page is on, as the browser stamped it (not as the page claims). */
  origin: z.string().nullable(),
  hostGranted: z.boolean(),
  askedTimes: z.number().int().nonnegative(),
});

export const answerSchemas = {
  status: statusAnswer,
} satisfies Record<RequestType, z.ZodType>;

export type AnswerOf<T extends RequestType> = z.infer<(typeof answerSchemas)[T]>;

export const errorCodes = ['bad-request', 'forbidden-sender', 'internal'] as const;
export const sidekickError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});
export type SidekickError = z.infer<typeof sidekickError>;

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: sidekickError }),
  ]);
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: SidekickError };
