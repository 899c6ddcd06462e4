// The write of one batch-publish item on zou: a comment (once: its id is
// journaled as soon as zou answers), an empty preview file on it (journaled
// too), then the file's upload, retried on its own. Resuming after a worker
// restart continues from what the journal and Kitsu show, so the comment is
// never posted twice and the file never lands twice.
import { t } from '../i18n/pure';
import { describeKitsuError, isKitsuApiError, type PreviewFile } from '../kitsu';
import type { ItemResult } from '../plans/journal';
import type { PublishClient, PublishContext, PublishOp, PublishOutcome, PublishStep } from '../plans/publish-item';
import { pause } from '../shared/promises';
import { uploadableFile } from './checks';
import { previewFormat } from './formats';

/** Slow links: a minute plus a second per 200 KB. */
export function uploadTimeoutMs(bytes: number): number {
  return 60_000 + Math.ceil(bytes / 200_000) * 1000;
}

/** How long zou may still work on an upload after its sender died: movies are converted on the server. */
export function processingWindowMs(op: Pick<PublishOp, 'file'>): number {
  const extension = op.file.name.split('.').pop()?.toLowerCase() ?? '';
  return previewFormat(extension) === 'movie' ? 2 * uploadTimeoutMs(op.file.size) : 0;
}

const landed = (file: PreviewFile | null) => Boolean(file?.original_name) && file?.status !== 'broken';

/**
 * Runs the item from `from` (what the journal holds): posts the comment if it has none, then adds the
 * preview and uploads the file. `statusId` is the status the comment carries.
 */
export async function publishPreview(
  op: PublishOp,
  statusId: string,
  context: PublishContext,
  from: ItemResult = {},
): Promise<PublishOutcome> {
  const { client, files } = context.publish;
  let result: ItemResult = { ...from };
  // The file as it is now, before anything is written: the store is shared with extension pages, so the
  // bytes behind this id are checked again against what the person confirmed and what Kitsu takes.
  const checked = uploadableFile(op.file, await files.read(op.file.id));
  if ('problem' in checked) {
    return result.commentId
      ? { state: 'failed', reason: t('errorPostedWithoutPreview', { reason: checked.problem }), result }
      : { state: 'failed', reason: t('errorNothingPosted', { reason: checked.problem }) };
  }
  const file = checked.blob;
  if (!result.commentId) {
    const comment = await client.commentTask(op.taskId, { task_status_id: statusId, comment: context.postedText });
    result = { commentId: comment.id, commentDate: comment.created_at };
    await context.note(result);
  }
  const commentId = result.commentId as string;
  const withComment = (reason: string): PublishOutcome => ({
    state: 'failed',
    reason: t('errorPostedWithoutPreview', { reason }),
    result,
  });

  const uploadedFile = async (): Promise<PublishOutcome> => {
    await files.remove?.(op.file.id).catch(() => {});
    return { state: 'applied', result };
  };
  const attempts = context.publish.uploadAttempts ?? 3;
  // A broken preview is replaced once: processing can fail for a passing reason (two uploads of the
  // same preview raced after a worker restart); a second failure is the file's.
  let replacedBroken = false;
  const replaceBroken = async (previewFileId: string): Promise<boolean> => {
    if (replacedBroken) return false;
    replacedBroken = true;
    await client.removePreview(op.taskId, commentId, previewFileId);
    result = { ...result, previewFileId: undefined };
    await context.note(result);
    return true;
  };
  for (let attempt = 1; ; attempt++) {
    if (!result.previewFileId) {
      const preview = await client.addPreview(op.taskId, commentId);
      result = { ...result, previewFileId: preview.id };
      await context.note(result);
    }
    const previewFileId = result.previewFileId as string;
    let failure: unknown;
    try {
      const uploaded = await client.uploadPreview(previewFileId, file, op.file.name, {
        timeoutMs: uploadTimeoutMs(op.file.size),
      });
      if (uploaded.status !== 'broken') return uploadedFile();
      if (await replaceBroken(previewFileId)) continue;
      return withComment(t('errorFileNotProcessed'));
    } catch (error) {
      failure = error;
    }
    // Whatever the error, Kitsu tells whether the file landed (a timeout may hide a success).
    const seen = await readPreview(client, previewFileId);
    if (seen === 'unknown') return withComment(t('errorFileLandingUnknown', { why: describeKitsuError(failure) }));
    if (landed(seen)) return uploadedFile();
    if (seen?.status === 'broken') {
      if (await replaceBroken(previewFileId)) continue;
      return withComment(t('errorFileNotProcessed'));
    }
    const refusal = uploadRefusal(failure, op.file.name);
    if (refusal) return withComment(refusal);
    if (attempt >= attempts)
      return withComment(t('errorAfterAttempts', { why: describeKitsuError(failure), attempts: String(attempts) }));
    // zou deletes the preview file when processing fails: the next attempt adds a new one to the same comment.
    if (seen === null) result = { ...result, previewFileId: undefined };
  }
}

/** The preview file as Kitsu has it; null when zou deleted it; 'unknown' when Kitsu could not be read. */
async function readPreview(client: PublishClient, previewFileId: string): Promise<PreviewFile | null | 'unknown'> {
  try {
    return await client.previewFile(previewFileId);
  } catch (error) {
    return isKitsuApiError(error) && error.kind === 'not-found' ? null : 'unknown';
  }
}

/** Failures another attempt cannot fix, in words. */
function uploadRefusal(error: unknown, fileName: string): string | undefined {
  if (!isKitsuApiError(error)) return undefined;
  if (error.status === 413) return t('errorFileTooLarge', { file: fileName });
  if (error.kind === 'validation' && /wrong file format/i.test(error.serverMessage ?? '')) {
    return t('errorFileFormatRefused', { extension: fileName.split('.').pop()?.toLowerCase() ?? 'these' });
  }
  if (error.kind === 'validation' || error.kind === 'permission' || error.kind.startsWith('auth')) {
    return describeKitsuError(error);
  }
  if (error.kind === 'server' && /processing|normalization/i.test(error.serverMessage ?? '')) {
    return t('errorFileNotProcessedSaid', { said: String(error.serverMessage) });
  }
  return undefined;
}

/**
 * What Kitsu shows of an item whose worker died: nothing (run it again, preconditions first), the
 * comment with or without an empty preview (continue it), or the file landed (done).
 */
export async function readBackPublish(
  op: PublishOp,
  client: PublishClient,
  recorded: ItemResult,
  findByMarker: (texts: readonly { id: string; text: string | null; created_at: string }[]) => string | undefined,
  { sleep = pause, pollMs = 2000 } = {},
): Promise<{ landed: true; result: ItemResult } | { landed: false; partial?: ItemResult }> {
  const comments = await client.taskComments(op.taskId);
  const commentId = recorded.commentId ?? findByMarker(comments);
  const comment = comments.find((item) => item.id === commentId);
  if (!comment) return { landed: false };
  const result: ItemResult = { commentId: comment.id, commentDate: comment.created_at };
  // A preview added before the restart but not yet journaled is reused: the comment never gets two.
  const previewFileId = recorded.previewFileId ?? comment.previews?.[0]?.id;
  if (!previewFileId) return { landed: false, partial: result };
  let seen = await readPreview(client, previewFileId);
  // zou keeps converting a movie whose uploader died: a second upload of the same preview meanwhile
  // would race it (they share a temporary file). Wait for the first to land, as long as it may take.
  const deadline = Date.now() + processingWindowMs(op);
  while (seen !== 'unknown' && seen !== null && !seen.original_name && Date.now() < deadline) {
    await sleep(pollMs);
    seen = await readPreview(client, previewFileId);
  }
  if (seen === 'unknown') throw new Error('Kitsu could not be read');
  if (landed(seen)) return { landed: true, result: { ...result, previewFileId } };
  return { landed: false, partial: seen === null ? result : { ...result, previewFileId } };
}

/** What the plan executor is given to write batch-publish items (lib/plans/publish-item.ts). */
export const publishStep: PublishStep = { run: publishPreview, readBack: readBackPublish };
