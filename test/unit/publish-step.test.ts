import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { KitsuApiError } from '../../lib/kitsu';
import { createAuditLog } from '../../lib/plans/audit';
import { executePlan, resumeJob } from '../../lib/plans/executor';
import { createJournal } from '../../lib/plans/journal';
import { hasMarker } from '../../lib/plans/marker';
import type { OperationOf } from '../../lib/plans/model';
import { createFakeKitsu, type FakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import { fakeSeed, plan, STATUS, task, ticking } from '../../lib/plans/testing/fixtures';
import { buildUndoPlan } from '../../lib/plans/undo';
import { createPublishFiles } from '../../lib/publish/files';
import { MAX_UPLOAD_BYTES } from '../../lib/publish/formats';
import { publishStep, readBackPublish } from '../../lib/publish/step';
import { createFakePublish, memoryFiles } from '../../lib/publish/testing';

let storeCount = 0;
const freshJournal = () => createJournal(createStore(`publish-journal-${++storeCount}`, 'jobs'));

function publishOp(id: string, taskId: string, fileName: string, wfa = true): OperationOf<'publish-preview'> {
  return {
    id,
    taskId,
    taskLabel: `${taskId} / Animation`,
    preconditions: wfa ? { statusId: STATUS.wip } : {},
    kind: 'publish-preview',
    file: { id: `file-${id}`, name: fileName, size: 2048, type: 'image/png' },
    text: `${fileName.replace(/\.[^.]*$/, '')}: new version`,
    ...(wfa ? { statusBefore: STATUS.wip, statusAfter: STATUS.wfa } : {}),
  };
}

function setup(count = 3) {
  const fake = createFakeKitsu(
    fakeSeed(
      Array.from({ length: count }, (_, i) => task(`t${i + 1}`)),
      { now: ticking() },
    ),
  );
  const publish = createFakePublish(fake);
  const files = memoryFiles();
  const operations = Array.from({ length: count }, (_, i) => {
    const operation = publishOp(`p${i + 1}`, `t${i + 1}`, `SH00${i + 1}0_anim_v003.png`);
    // The bytes the plan was confirmed with: the declared size and type (2048-byte PNGs).
    files.files[operation.file.id] = new Blob([new Uint8Array(2048).fill(i)], { type: 'image/png' });
    return operation;
  });
  const journal = freshJournal();
  const options = {
    client: fake.client,
    journal,
    operator: 'Mina',
    publish: { step: publishStep, client: publish.client, files },
    landingMs: 0,
  };
  return { fake, publish, files, operations, journal, options };
}

const sidekickComments = (fake: FakeKitsu, taskId: string) =>
  fake.comments(taskId).filter((comment) => hasMarker(comment.text));

async function until(condition: () => boolean | Promise<boolean>) {
  for (let tries = 0; tries < 400; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

describe('publish-preview items', () => {
  it('post one comment per file with its status, add the preview and upload the file; journal and audit say so', async () => {
    const { fake, publish, operations, options, files } = setup();
    const audit = createAuditLog(createStore(`publish-audit-${storeCount}`, 'records'));
    const report = await executePlan(plan(operations, { origin: { kind: 'publish', id: 'p' } }), {
      ...options,
      audit,
      jobId: 'job-ok',
    });
    expect(report.status).toBe('done');
    expect(report.progress).toMatchObject({ applied: 3, failed: 0, total: 3 });
    for (const operation of operations) {
      const [comment, ...others] = sidekickComments(fake, operation.taskId);
      expect(others).toHaveLength(0);
      expect(comment?.text).toContain(operation.text);
      expect(comment?.task_status_id).toBe(STATUS.wfa);
      const previews = publish.previewsOf(comment?.id ?? '');
      expect(previews).toHaveLength(1);
      expect(previews[0]).toMatchObject({ status: 'ready', original_name: operation.file.name.replace('.png', '') });
      expect(report.items[operation.id]?.result).toEqual({
        commentId: comment?.id,
        commentDate: comment?.created_at,
        previewFileId: previews[0]?.id,
      });
    }
    const records = await audit.list();
    expect(records.map((record) => [record.kind, record.result])).toEqual([
      ...operations.map(() => ['publish-preview', 'applied']),
      ['read-back', 'checked'],
    ]);
    expect(records[0]?.after).toMatchObject({ file: 'SH0010_anim_v003.png', size: 2048 });
    // Uploaded: the extension keeps no copy.
    expect(Object.keys(files.files)).toEqual([]);
  });

  it('retries a failed upload without posting the comment again', async () => {
    const { fake, publish, operations, options } = setup(1);
    publish.injectUpload(new KitsuApiError({ kind: 'network', route: 'upload' }));
    const report = await executePlan(plan(operations), { ...options, jobId: 'job-retry' });
    expect(report.items.p1?.state).toBe('applied');
    expect(sidekickComments(fake, 't1')).toHaveLength(1);
    expect(publish.uploads).toHaveLength(2);
    expect(new Set(publish.uploads.map((upload) => upload.previewFileId)).size).toBe(1);
  });

  it('an upload that landed though its answer was lost counts as applied, not uploaded twice', async () => {
    const { fake, publish, operations, options } = setup(1);
    publish.injectUpload('land-then-timeout');
    const report = await executePlan(plan(operations), { ...options, jobId: 'job-timeout' });
    expect(report.items.p1?.state).toBe('applied');
    expect(publish.uploads).toHaveLength(1);
    expect(publish.previewsOf(sidekickComments(fake, 't1')[0]?.id ?? '')).toHaveLength(1);
  });

  it('a format Kitsu refuses fails the file with that reason, is not retried, and undo deletes its comment', async () => {
    const { fake, publish, operations, options, journal } = setup(2);
    // A format Sidekick's list allows (zou 1.0.97 stores PDFs) but this Kitsu refuses.
    const refused = { ...operations[1], file: { ...operations[1]?.file, name: 'notes.pdf' } } as (typeof operations)[1];
    const report = await executePlan(plan([operations[0] as (typeof operations)[0], refused]), {
      ...options,
      jobId: 'job-format',
    });
    expect(report.items.p1?.state).toBe('applied');
    expect(report.items.p2).toMatchObject({
      state: 'failed',
      reason: 'The comment was posted without its preview: Kitsu does not take pdf files as previews.',
    });
    expect(publish.uploads.filter((upload) => upload.name === 'notes.pdf')).toHaveLength(1);
    const job = await journal.get('job-format');
    const undo = buildUndoPlan(job as NonNullable<typeof job>, { id: 'undo', now: new Date() });
    expect(undo.plan?.operations.map((operation) => [operation.kind, operation.taskId]).sort()).toEqual([
      ['delete-comment', 't1'],
      ['delete-comment', 't2'],
    ]);
    expect(sidekickComments(fake, 't2')).toHaveLength(1);
  });

  it('replaces a preview Kitsu could not process once: the comment ends with one ready preview', async () => {
    const { fake, publish, operations, options } = setup(1);
    publish.injectUpload('broken');
    const report = await executePlan(plan(operations), { ...options, jobId: 'job-broken-once' });
    expect(report.items.p1?.state).toBe('applied');
    const previews = publish.previewsOf(sidekickComments(fake, 't1')[0]?.id ?? '');
    expect(previews.map((preview) => preview.status)).toEqual(['ready']);
    expect(publish.uploads).toHaveLength(2);
  });

  it('names processing failures and missing files per file; a missing file posts nothing', async () => {
    const { fake, publish, operations, options, files } = setup(2);
    publish.injectUpload('broken');
    publish.injectUpload('broken');
    delete files.files['file-p2'];
    const report = await executePlan(plan(operations), { ...options, concurrency: 1, jobId: 'job-errors' });
    expect(report.items.p1?.reason).toBe(
      'The comment was posted without its preview: Kitsu could not process the file.',
    );
    expect(report.items.p2?.reason).toBe(
      'SH0020_anim_v003.png is no longer in Sidekick’s storage (drop it again). Nothing was posted.',
    );
    expect(sidekickComments(fake, 't2')).toHaveLength(0);
  });

  it('checks the stored bytes again just before writing: a file swapped after the confirmation posts nothing', async () => {
    const { fake, publish, operations, options, files } = setup(3);
    // Another file under the same ids: larger than confirmed, of another type, too large for Kitsu.
    files.files['file-p1'] = new Blob([new Uint8Array(4096)], { type: 'image/png' });
    files.files['file-p2'] = new Blob([new Uint8Array(2048)], { type: 'application/x-msdownload' });
    const tooLarge = { ...operations[2], file: { ...operations[2]?.file, size: MAX_UPLOAD_BYTES + 1 } };
    files.files['file-p3'] = { size: MAX_UPLOAD_BYTES + 1, type: 'image/png' } as Blob;
    const report = await executePlan(plan([operations[0], operations[1], tooLarge] as typeof operations), {
      ...options,
      concurrency: 1,
      jobId: 'job-swapped',
    });
    const swapped =
      'is not the file Sidekick stored for it (its name, size or type differ): drop it again. Nothing was posted.';
    expect(report.items.p1?.reason).toBe(`SH0010_anim_v003.png ${swapped}`);
    expect(report.items.p2?.reason).toBe(`SH0020_anim_v003.png ${swapped}`);
    expect(report.items.p3?.reason).toBe(
      'SH0030_anim_v003.png: The file is larger than Kitsu accepts (1 GB). Nothing was posted.',
    );
    for (const task of ['t1', 't2', 't3']) expect(sidekickComments(fake, task)).toHaveLength(0);
    expect(publish.uploads).toHaveLength(0);
  });

  it('a worker that dies during the upload: the resumed job uploads into the same comment and preview, once', async () => {
    const { fake, publish, operations, options, journal } = setup(2);
    publish.injectUpload('hang');
    void executePlan(plan(operations), { ...options, concurrency: 1, jobId: 'job-crash' });
    await until(async () => (await journal.get('job-crash'))?.items.p1?.result?.previewFileId !== undefined);
    await until(() => publish.uploads.length === 1);
    const [interrupted] = await journal.markInterrupted();
    expect(interrupted?.items.p1?.state).toBe('started');

    const report = await resumeJob('job-crash', {
      ...options,
      journal: createJournal(createStore(`publish-journal-${storeCount}`, 'jobs')),
    });
    expect(report.status).toBe('done');
    expect(report.progress.applied).toBe(2);
    for (const taskId of ['t1', 't2']) {
      const comments = sidekickComments(fake, taskId);
      expect(comments).toHaveLength(1);
      expect(publish.previewsOf(comments[0]?.id ?? '')).toHaveLength(1);
    }
    expect(publish.uploads.map((upload) => upload.name)).toEqual([
      'SH0010_anim_v003.png',
      'SH0010_anim_v003.png',
      'SH0020_anim_v003.png',
    ]);
    expect(publish.uploads[0]?.previewFileId).toBe(publish.uploads[1]?.previewFileId);
  });

  it('a worker that dies before journaling the comment: the resumed job finds it by its marker and does not post again', async () => {
    const { fake, publish, operations, options, journal } = setup(1);
    fake.inject({ route: 'POST /actions/tasks/:taskId/comment', when: 'after', effect: 'hang' });
    void executePlan(plan(operations), { ...options, jobId: 'job-lost-answer' });
    await until(() => sidekickComments(fake, 't1').length === 1);
    await journal.markInterrupted();
    const report = await resumeJob('job-lost-answer', { ...options });
    expect(report.items.p1?.state).toBe('applied');
    const comments = sidekickComments(fake, 't1');
    expect(comments).toHaveLength(1);
    expect(publish.previewsOf(comments[0]?.id ?? '')).toHaveLength(1);
    expect(publish.uploads).toHaveLength(1);
  });

  it('an upload that landed as the worker died is not sent again after restart', async () => {
    const { fake, publish, operations, options, journal } = setup(1);
    publish.injectUpload('land-then-hang');
    void executePlan(plan(operations), { ...options, jobId: 'job-landed' });
    await until(() => publish.uploads.length === 1);
    await journal.markInterrupted();
    const report = await resumeJob('job-landed', { ...options });
    expect(report.items.p1?.state).toBe('applied');
    expect(report.items.p1?.result?.previewFileId).toBe(publish.uploads[0]?.previewFileId);
    expect(publish.uploads).toHaveLength(1);
    expect(sidekickComments(fake, 't1')).toHaveLength(1);
  });
});

describe('the publish file store', () => {
  it('keeps dropped files for the background, and prunes abandoned ones after a day', async () => {
    const files = createPublishFiles(createStore('publish-files-test', 'files'));
    const kept = await files.put(new Blob(['abc'], { type: 'image/png' }), 'a.png', 1_000, 'a');
    expect(kept).toMatchObject({ id: 'a', name: 'a.png', size: 3, type: 'image/png' });
    // Blobs survive IndexedDB in browsers; the test environment's clone keeps only that it exists.
    expect(await files.read('a')).toBeDefined();
    await files.put(new Blob(['b']), 'b.png', 1_000 + 25 * 3_600_000, 'b');
    expect(await files.prune(1_000 + 25 * 3_600_000)).toBe(1);
    expect(await files.read('a')).toBeUndefined();
    expect(await files.read('b')).toBeDefined();
  });
});

describe('reading back a movie whose uploader died', () => {
  it('waits for zou to finish converting it instead of uploading it a second time', async () => {
    const { fake, publish } = setup(1);
    const movie = {
      ...publishOp('m1', 't1', 'SQ010_SH0010_anim_v001.mp4'),
      file: { id: 'f', name: 'a.mp4', size: 10, type: 'video/mp4' },
    };
    const comment = await fake.client.commentTask('t1', { task_status_id: STATUS.wip, comment: 'x' });
    const preview = await publish.client.addPreview('t1', comment.id);
    let polls = 0;
    const seen = await readBackPublish(
      movie,
      publish.client,
      { commentId: comment.id, previewFileId: preview.id },
      () => undefined,
      {
        pollMs: 1,
        // The conversion the dead worker started ends during the third wait.
        sleep: async () => {
          polls += 1;
          if (polls === 3) await publish.client.uploadPreview(preview.id, new Blob(['m']), 'a.mp4');
        },
      },
    );
    expect(seen).toEqual({
      landed: true,
      result: { commentId: comment.id, commentDate: comment.created_at, previewFileId: preview.id },
    });
    expect(polls).toBe(3);
  });

  it('does not wait for pictures: zou handles them within the request', async () => {
    const { fake, publish } = setup(1);
    const comment = await fake.client.commentTask('t1', { task_status_id: STATUS.wip, comment: 'x' });
    const preview = await publish.client.addPreview('t1', comment.id);
    const seen = await readBackPublish(
      publishOp('p1', 't1', 'a.png'),
      publish.client,
      { commentId: comment.id, previewFileId: preview.id },
      () => undefined,
      {
        sleep: () => Promise.reject(new Error('no wait expected')),
      },
    );
    expect(seen).toEqual({
      landed: false,
      partial: { commentId: comment.id, commentDate: comment.created_at, previewFileId: preview.id },
    });
  });
});
