import type { z } from 'zod';
import { buildCommentStatusPlan, CommentStatusInputSchema } from './comment-status';
import { defineBulkOperation } from './shared';

export const CommentInputSchema = CommentStatusInputSchema.pick({ text: true });

/** The same comment (or template) on every task, each keeping its status. */
export const commentOperation = defineBulkOperation({
  id: 'comment',
  label: 'Comment without changing the status',
  needsRole: 'user',
  input: CommentInputSchema,
  build: (input: z.infer<typeof CommentInputSchema>, context) =>
    buildCommentStatusPlan({ statusId: null, text: input.text }, context),
});
