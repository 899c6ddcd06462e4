// Batch publish's routes on the real zou of `npm run kitsu:up` (through the front door, as the
// extension calls them): comment, then add-preview, then upload the file, for a picture and a movie
// (the stack's ffmpeg); what zou answers to a refused format and to a second upload; and that
// deleting the comment (undo) takes its preview with it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKitsuClient, KitsuApiError, type Task } from '../../lib/kitsu';
import { stack } from './stack';

const writer = createKitsuClient({ origin: stack.frontDoor, token: stack.bots.writer.token, maxRetries: 1 });
/** Two seconds of test pattern with a tone, H.264 + AAC, like a playblast. */
const MOVIE_ARGS = [
  ...['-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x90:rate=24'],
  ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
  ...['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-c:a', 'aac'],
];
const dir = mkdtempSync(path.join(tmpdir(), 'publish-contract-'));

function ffmpeg(args: string[], name: string): Blob {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, file]);
  return new Blob([readFileSync(file)]);
}

async function thumbnail(previewFileId: string): Promise<Response> {
  return fetch(`${stack.frontDoor}/api/pictures/thumbnails/preview-files/${previewFileId}.png`, {
    headers: { Authorization: `Bearer ${stack.bots.writer.token}` },
  });
}

describe('publish routes on the real zou', () => {
  let tasks: Task[];
  let wfa: string;
  const posted: { taskId: string; commentId: string }[] = [];

  beforeAll(async () => {
    const { data } = await writer.openTasks({ project_id: stack.production.id, limit: 4, page: 9 });
    tasks = await Promise.all(data.slice(0, 4).map((task) => writer.task(task.id)));
    wfa = (await writer.taskStatuses()).find((status) => status.short_name === 'wfa')?.id ?? '';
  });

  afterAll(async () => {
    for (const { taskId, commentId } of posted) await writer.deleteComment(taskId, commentId).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  async function comment(task: Task, text: string, statusId = task.task_status_id) {
    const created = await writer.commentTask(task.id, { task_status_id: statusId, comment: text });
    posted.push({ taskId: task.id, commentId: created.id });
    return created;
  }

  it('a PNG: comment, add-preview, upload; the preview is ready, on the comment and the task, with a thumbnail', async () => {
    const task = tasks[0] as Task;
    const png = ffmpeg(['-f', 'lavfi', '-i', 'color=c=orange:s=96x54', '-frames:v', '1'], 'still.png');
    const created = await comment(task, 'contract: picture preview', wfa);
    const empty = await writer.addPreview(task.id, created.id);
    expect(empty.original_name ?? null).toBeNull();
    expect(empty.revision).toBeGreaterThanOrEqual(1);

    const uploaded = await writer.uploadPreview(empty.id, png, 'SH0010_anim_v003.png');
    expect(uploaded).toMatchObject({
      id: empty.id,
      extension: 'png',
      original_name: 'SH0010_anim_v003',
      status: 'ready',
    });
    expect(uploaded.width).toBe(96);

    const [newest] = await writer.taskComments(task.id);
    expect(newest?.id).toBe(created.id);
    expect(newest?.previews?.map((preview) => preview.id)).toEqual([empty.id]);
    expect((await writer.task(task.id)).task_status_id).toBe(wfa);
    const thumb = await thumbnail(empty.id);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toContain('image/png');

    // A second upload to the same preview file is refused: a resumed job must not upload twice.
    const again = await writer.uploadPreview(empty.id, png, 'SH0010_anim_v003.png').catch((error) => error);
    expect(again).toBeInstanceOf(KitsuApiError);
    expect((again as KitsuApiError).status).toBe(400);
    expect((await writer.previewFile(empty.id)).status).toBe('ready');
  });

  it('an MP4: zou normalizes it with ffmpeg; the preview is ready with a thumbnail', async () => {
    const task = tasks[1] as Task;
    const mp4 = ffmpeg(MOVIE_ARGS, 'clip.mp4');
    const created = await comment(task, 'contract: movie preview');
    const empty = await writer.addPreview(task.id, created.id);
    const uploaded = await writer.uploadPreview(empty.id, mp4, 'SQ010_SH0020_anim_v001.mp4', { timeoutMs: 120_000 });
    expect(uploaded).toMatchObject({ id: empty.id, extension: 'mp4', original_name: 'SQ010_SH0020_anim_v001' });
    expect((await writer.previewFile(empty.id)).status).toBe('ready');
    expect((await thumbnail(empty.id)).status).toBe(200);
  });

  it('a movie zou fails to process (1 s, no sound track) answers 201 but ends broken; the preview can be removed', async () => {
    const task = tasks[1] as Task;
    const silent = ffmpeg(
      ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=24', '-t', '1', '-pix_fmt', 'yuv420p', '-c:v', 'libx264'],
      'silent.mp4',
    );
    const created = await comment(task, 'contract: broken movie');
    const empty = await writer.addPreview(task.id, created.id);
    const uploaded = await writer.uploadPreview(empty.id, silent, 'silent.mp4', { timeoutMs: 120_000 });
    expect(uploaded.status).toBe('broken');
    expect((await writer.previewFile(empty.id)).status).toBe('broken');
    // Sidekick replaces a broken preview once: it can remove it from the comment, which stays.
    await writer.removePreview(task.id, created.id, empty.id);
    const gone = await writer.previewFile(empty.id).catch((error) => error);
    expect((gone as KitsuApiError).status).toBe(404);
    const remaining = (await writer.taskComments(task.id)).find((item) => item.id === created.id);
    expect(remaining?.previews).toEqual([]);
  });

  it('a format zou does not take: 400, and zou deletes the empty preview file', async () => {
    const task = tasks[2] as Task;
    const created = await comment(task, 'contract: refused format');
    const empty = await writer.addPreview(task.id, created.id);
    const refused = await writer
      .uploadPreview(empty.id, new Blob(['not a picture']), 'notes.xyz')
      .catch((error) => error);
    expect(refused).toBeInstanceOf(KitsuApiError);
    expect((refused as KitsuApiError).status).toBe(400);
    expect((refused as KitsuApiError).serverMessage).toContain('Wrong file format');
    const gone = await writer.previewFile(empty.id).catch((error) => error);
    expect((gone as KitsuApiError).status).toBe(404);
    // The comment stays: a new add-preview on it starts the upload over.
    const second = await writer.addPreview(task.id, created.id);
    expect(second.id).not.toBe(empty.id);
  });

  it('deleting the comment (undo) deletes its preview file', async () => {
    const task = tasks[3] as Task;
    const png = ffmpeg(['-f', 'lavfi', '-i', 'color=c=blue:s=32x32', '-frames:v', '1'], 'undo.png');
    const created = await comment(task, 'contract: undo');
    const empty = await writer.addPreview(task.id, created.id);
    await writer.uploadPreview(empty.id, png, 'undo.png');
    await writer.deleteComment(task.id, created.id);
    posted.splice(
      posted.findIndex((item) => item.commentId === created.id),
      1,
    );
    const gone = await writer.previewFile(empty.id).catch((error) => error);
    expect((gone as KitsuApiError).status).toBe(404);
  });
});
