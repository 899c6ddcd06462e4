import type { z } from 'zod';
import { t } from '../../i18n/pure';
import { buildCommentStatusPlan, COMMENT_FIELD, CommentStatusInputSchema } from './comment-status';
import { defineBulkOperation } from './shared';

export const CommentInputSchema = CommentStatusInputSchema.pick({ text: true });

/** The same comment (or template) on every task, each keeping its status. */
export const commentOperation = defineBulkOperation({
  id: 'comment',
  label: t('bulkOpComment'),
  needsRole: 'user',
  fields: [COMMENT_FIELD],
  inputOf: (values) => ({ text: values.text }),
  input: CommentInputSchema,
  build: (input: z.infer<typeof CommentInputSchema>, context) =>
    buildCommentStatusPlan({ statusId: null, text: input.text }, context),
});
