import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, watchExtensionWorker } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import { byTestId, deleteTestComments, openShotsWithOperator, readCounts, waitForJobDone } from './support/plans.mjs';
import { kitsuGet, kitsuSend, loginAsManager, readStack } from './support/stack.mjs';

/** The journal items of the running worker that posted their comment and are uploading their file. */
function uploadingItems(worker) {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sidekick-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('jobs').objectStore('jobs').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () =>
            resolve(request.result.filter((item) => item?.state === 'started' && item.result?.previewFileId).length);
        };
      }),
  );
}

function ffmpeg(args, file) {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, file]);
  return file;
}

describe('batch publish: 20 pictures and 2 movies from a task-type page', () => {
  const run = Date.now();
  const text = `Publish check ${run}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-publish-'));
  let stack;
  let managerToken;
  let browser;
  let duplicateShotId;
  let targets = [];

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
  });
  after(async () => {
    await browser?.close();
    if (targets.length > 0) await deleteTestComments(stack, managerToken, targets, text);
    if (duplicateShotId) {
      await kitsuSend(stack, managerToken, 'DELETE', `/data/shots/${duplicateShotId}?force=true`).catch(() => {});
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('matches the files, lets a person settle the ambiguous one, publishes each once through a worker restart', async () => {
    const projectId = stack.production.id;
    const [shots, taskTypes, statuses, sequences] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${projectId}`),
      kitsuGet(stack, '/data/task-types'),
      kitsuGet(stack, '/data/task-status'),
      kitsuGet(stack, `/data/projects/${projectId}/sequences`),
    ]);
    const animation = taskTypes.find((taskType) => taskType.name === 'Animation');
    const wfa = statuses.find((status) => status.short_name === 'wfa');
    const withAnimation = shots
      .filter((shot) => shot.tasks.some((task) => task.task_type_id === animation.id))
      .sort((a, b) => a.name.localeCompare(b.name));
    const animTask = (shot) => shot.tasks.find((task) => task.task_type_id === animation.id);

    // Shots are often numbered per sequence: a second SH0010 (in SQ040) makes "SH0010_anim" ambiguous.
    const sh0010 = withAnimation.find((shot) => shot.name === 'SH0010');
    const sq040 = sequences.find((sequence) => sequence.name === 'SQ040');
    const duplicate = await kitsuSend(stack, managerToken, 'POST', `/data/projects/${projectId}/shots`, {
      name: 'SH0010',
      sequence_id: sq040.id,
    });
    duplicateShotId = duplicate.id;
    await kitsuSend(
      stack,
      managerToken,
      'POST',
      `/actions/projects/${projectId}/task-types/${animation.id}/shots/create-tasks`,
      [duplicate.id],
    );

    const others = withAnimation
      .filter((shot) => shot !== sh0010)
      .filter((_, index) => index % 9 === 0)
      .slice(0, 21);
    assert.equal(others.length, 21, 'enough seeded shots with an Animation task');
    const movieArgs = (seconds) => [
      ...['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x180:rate=24`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
      ...['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-c:a', 'aac'],
    ];
    const files = others.map((shot, index) => {
      const movie = index < 2;
      // Real-looking names: several separators, case, versions, a frame number.
      const name = movie
        ? `${shot.sequence_name}_${shot.name}_anim_v00${index + 1}.mp4`
        : index % 3 === 0
          ? `${shot.sequence_name.toLowerCase()}-${shot.name.toLowerCase()}.anim.v${String(index).padStart(3, '0')}.1001.png`
          : `${shot.sequence_name}_${shot.name}_Animation_v${String(index).padStart(3, '0')}.png`;
      const file = path.join(dir, name);
      if (movie) ffmpeg(movieArgs(4), file);
      else
        ffmpeg(
          [
            '-f',
            'lavfi',
            '-i',
            `color=c=0x${(index * 11).toString(16).padStart(2, '0')}8040:s=128x72`,
            '-frames:v',
            '1',
          ],
          file,
        );
      return { file, name, shot, task: animTask(shot) };
    });
    const ambiguous = {
      file: ffmpeg(
        ['-f', 'lavfi', '-i', 'color=c=teal:s=128x72', '-frames:v', '1'],
        path.join(dir, 'SH0010_anim_v002.png'),
      ),
      name: 'SH0010_anim_v002.png',
      shot: sh0010,
      task: animTask(sh0010),
    };
    const all = [...files, ambiguous];
    targets = all.map(({ task, shot }) => ({ ...task, label: shot.name }));
    assert.equal(all.filter((item) => item.name.endsWith('.png')).length, 20);
    assert.equal(all.filter((item) => item.name.endsWith('.mp4')).length, 2);

    let page;
    ({ browser, page } = await openShotsWithOperator(stack));
    await page.goto(`${stack.frontDoor}/productions/${projectId}/shots/task-types/${animation.id}`);
    const publishOpened = browser.context.waitForEvent('page');
    await dockIn(page).click(byTestId('publish-open'), { timeout: 30_000 });
    const publish = await publishOpened;
    assert.match(publish.url(), /^chrome-extension:\/\/[^/]+\/publish\.html#/);
    await publish.getByTestId('publish-input').waitFor({ timeout: 30_000 });
    await publish.getByTestId('publish-input').setInputFiles(all.map((item) => item.file));
    await publish
      .getByTestId('publish-row')
      .nth(all.length - 1)
      .waitFor();

    const rows = publish.getByTestId('publish-row');
    assert.equal(await rows.count(), 22);
    assert.equal(await publish.locator('[data-testid="publish-row"][data-state="matched"]').count(), 21);
    const ambiguousRow = publish.locator(`[data-testid="publish-row"][data-file="${ambiguous.name}"]`);
    assert.equal(await ambiguousRow.getAttribute('data-state'), 'ambiguous');
    assert.match((await ambiguousRow.getByTestId('publish-problem').textContent()) ?? '', /2 tasks fit equally well/);
    for (const { name, task } of files) {
      const row = publish.locator(`[data-testid="publish-row"][data-file="${name}"]`);
      assert.equal(
        await row.getByTestId('publish-task').inputValue(),
        task.id,
        `${name} goes to its shot's Animation task`,
      );
    }
    // The person settles it: the seeded SH0010 of SQ010.
    await ambiguousRow.getByTestId('publish-task').selectOption(ambiguous.task.id);
    assert.match(
      (await publish.getByTestId('publish-total').textContent()) ?? '',
      /^22 files to publish, [\d.]+ (KB|MB) to upload\.$/,
    );
    assert.equal(
      await publish.getByTestId('publish-status').inputValue(),
      wfa.id,
      'the feedback-request status by default',
    );
    await publish.getByTestId('publish-template').fill(`${text}: {file} (v{version})`);
    await publish.screenshot({ path: path.join(ARTIFACTS, 'publish-page.png'), fullPage: true });

    const confirmOpened = browser.context.waitForEvent('page');
    await publish.getByTestId('publish-review').click();
    const confirmPage = await confirmOpened;
    await confirmPage.getByTestId('plan-title').waitFor({ timeout: 60_000 });
    assert.equal(await confirmPage.getByTestId('plan-title').textContent(), 'Publish 22 previews');
    const planText = (await confirmPage.getByTestId('plan-tasks').textContent()) ?? '';
    // The confirm window's table: the task's row names its file, and its status column the status it becomes.
    assert.match(planText, /SH0010 \/ Animation.*SH0010_anim_v002\.png/);
    assert.match(planText, /becomes\s*wfa/);

    const worker = await watchExtensionWorker(browser.context, confirmPage, browser.extensionId);
    await browser.worker.evaluate(() => {
      globalThis.sidekickBeforeStop = true;
    });
    await confirmPage.getByTestId('plan-confirm').click();
    // Progress per file: the confirm window names the tasks whose file is being written.
    await confirmPage
      .getByTestId('plan-in-flight')
      .filter({ hasText: /^In progress: .+ \/ Animation/ })
      .waitFor({ timeout: 60_000 });
    // The movies go first and take seconds on the server: stop the worker while their uploads are in flight.
    await confirmPage.waitForFunction(
      () => /^([5-9]|\d\d+) applied/.test(document.querySelector('[data-testid="plan-counts"]')?.textContent ?? ''),
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    // Stop exactly while a file is being uploaded: its comment and empty preview exist, its file not yet.
    let uploading = 0;
    for (let tries = 0; tries < 600 && uploading === 0; tries++) uploading = await uploadingItems(browser.worker);
    assert.ok(uploading > 0, 'caught a file mid-upload');
    const stopped = worker.next('stopped');
    const beforeStop = await readCounts(confirmPage);
    await worker.stop();
    await stopped;
    assert.ok(beforeStop.done < beforeStop.total, `stopped mid-job (${beforeStop.done} of ${beforeStop.total})`);

    await worker.next('running');
    await waitForJobDone(confirmPage, 300_000, 'publish-resume-failed.png');
    assert.equal(
      await browser.worker.evaluate(() => globalThis.sidekickBeforeStop),
      undefined,
      'a new worker finished',
    );
    const final = await readCounts(confirmPage);
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'publish-done.png') });
    assert.deepEqual(final, { applied: 22, skipped: 0, failed: 0, total: 22, done: 22 });

    for (const { name, task } of all) {
      const comments = (await kitsuGet(stack, `/data/tasks/${task.id}/comments`)).filter((comment) =>
        comment.text?.includes(text),
      );
      assert.equal(comments.length, 1, `${name}: one comment`);
      assert.match(comments[0].text, new RegExp(`${name.replace(/\./g, '\\.')} \\(v\\d{3}\\)`));
      assert.equal(comments[0].previews.length, 1, `${name}: one preview on its comment`);
      const preview = await kitsuGet(stack, `/data/preview-files/${comments[0].previews[0].id}`);
      assert.equal(preview.status, 'ready', `${name}: preview processed`);
      assert.equal(preview.extension, name.endsWith('.mp4') ? 'mp4' : 'png');
      assert.equal((await kitsuGet(stack, `/data/tasks/${task.id}`)).task_status_id, wfa.id, `${name}: status WFA`);
      const thumbnail = await fetch(`${stack.frontDoor}/api/pictures/thumbnails/preview-files/${preview.id}.png`, {
        headers: { authorization: `Bearer ${stack.bots.writer.token}` },
      });
      assert.equal(thumbnail.status, 200, `${name}: thumbnail answers`);
    }
    const [duplicateTask] = await kitsuGet(stack, `/data/shots/${duplicate.id}/tasks`);
    assert.equal(
      (await kitsuGet(stack, `/data/tasks/${duplicateTask.id}/comments`)).length,
      0,
      'the other SH0010 got nothing',
    );
    console.log(
      `publish: 22 files, worker stopped after ${beforeStop.done} done with ${uploading} uploading; all applied once after restart`,
    );
  });
});
