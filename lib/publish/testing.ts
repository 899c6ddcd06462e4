// An in-memory zou for batch publish's unit tests, over the plans' fake
// Kitsu (comments, permissions): add-preview and upload with zou 1.0.97's
// rules (a filled preview file refuses a second upload; a refused format or
// failed processing deletes it) and faults per upload.
import { type Comment, KitsuApiError, type PreviewFile } from '../kitsu';
import type { PublishClient, PublishFileSource } from '../plans/publish-item';
import type { FakeKitsu } from '../plans/testing/fake-kitsu';

/**
 * What the next upload does: hang (the worker dies), fail before zou acts, land and then never answer
 * or answer a timeout, or end broken (processing failed).
 */
export type UploadFault = 'hang' | 'land-then-hang' | 'land-then-timeout' | 'broken' | KitsuApiError;

const ROUTE = 'POST /pictures/preview-files/:previewFileId';
const MOVIES = ['mp4', 'mov', 'mkv', 'webm', 'avi', 'm4v', 'wmv'];
const PICTURES = ['png', 'jpg', 'jpeg', 'jpe'];

export function createFakePublish(fake: FakeKitsu) {
  const previews = new Map<string, PreviewFile & { commentId: string }>();
  const faults: UploadFault[] = [];
  const uploads: { previewFileId: string; name: string }[] = [];
  let counter = 0;
  const never = () => new Promise<never>(() => {});

  const client: PublishClient = {
    commentTask: (taskId, comment, call) => fake.client.commentTask(taskId, comment, call),
    async taskComments(taskId, call) {
      const comments: Comment[] = await fake.client.taskComments(taskId, call);
      return comments.map((comment) => ({
        ...comment,
        previews: [...previews.values()]
          .filter((preview) => preview.commentId === comment.id)
          .map(({ id, revision, extension, status }) => ({ id, revision, extension, status })),
      }));
    },
    async addPreview(taskId, commentId) {
      if (!(await fake.client.taskComments(taskId)).some((comment) => comment.id === commentId)) {
        throw new KitsuApiError({ kind: 'not-found', route: 'add-preview', status: 404 });
      }
      counter += 1;
      const preview = {
        id: `fake-preview-${counter}`,
        task_id: taskId,
        revision: counter,
        extension: null,
        original_name: null,
        status: 'processing',
        commentId,
      };
      previews.set(preview.id, preview);
      const { commentId: _comment, ...file } = preview;
      return structuredClone(file);
    },
    async uploadPreview(previewFileId, _file, fileName) {
      uploads.push({ previewFileId, name: fileName });
      const fault = faults.shift();
      if (fault === 'hang') return never();
      if (fault instanceof KitsuApiError) throw fault;
      const preview = previews.get(previewFileId);
      if (!preview) throw new KitsuApiError({ kind: 'not-found', route: ROUTE, status: 404 });
      if (preview.original_name) {
        throw new KitsuApiError({
          kind: 'validation',
          route: ROUTE,
          status: 400,
          serverMessage: 'Reupload not allowed',
        });
      }
      const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
      if (![...MOVIES, ...PICTURES].includes(extension)) {
        previews.delete(previewFileId);
        throw new KitsuApiError({
          kind: 'validation',
          route: ROUTE,
          status: 400,
          serverMessage: `Wrong file format, extension: ${extension}`,
        });
      }
      preview.original_name = fileName.replace(/\.[^.]*$/, '');
      preview.extension = MOVIES.includes(extension) ? 'mp4' : 'png';
      preview.status = fault === 'broken' ? 'broken' : 'ready';
      if (fault === 'land-then-hang') return never();
      if (fault === 'land-then-timeout') throw new KitsuApiError({ kind: 'timeout', route: ROUTE });
      const { commentId: _comment, ...file } = preview;
      return structuredClone(file);
    },
    async removePreview(_taskId, commentId, previewFileId) {
      const preview = previews.get(previewFileId);
      if (!preview || preview.commentId !== commentId) {
        throw new KitsuApiError({ kind: 'not-found', route: 'DELETE preview', status: 404 });
      }
      previews.delete(previewFileId);
    },
    async previewFile(previewFileId) {
      const preview = previews.get(previewFileId);
      if (!preview) throw new KitsuApiError({ kind: 'not-found', route: 'GET preview', status: 404 });
      const { commentId: _comment, ...file } = preview;
      return structuredClone(file);
    },
  };

  return {
    client,
    /** Uploads received, in order. */
    uploads,
    injectUpload(fault: UploadFault) {
      faults.push(fault);
    },
    previewsOf(commentId: string) {
      return [...previews.values()].filter((preview) => preview.commentId === commentId);
    },
  };
}

export function memoryFiles(files: Record<string, Blob> = {}): PublishFileSource & { files: Record<string, Blob> } {
  return {
    files,
    read: async (id) => files[id],
    remove: async (id) => {
      delete files[id];
    },
  };
}
