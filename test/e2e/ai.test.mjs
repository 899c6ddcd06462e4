import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandInModelServer } from '../ai/stand-in-model-server.mjs';
import { ARTIFACTS, pressKeys } from './support/browser.mjs';
import { dockIn } from './support/dock.mjs';
import {
  byTestId,
  commentsContaining,
  confirmAndFinish,
  deleteTestComments,
  openShotsWithOperator,
  proposeBulkComment,
} from './support/plans.mjs';
import { kitsuGet, loginAsManager, readStack } from './support/stack.mjs';

const MARKER = /posted by Kitsu Sidekick, confirmed by Ada Operator · sk-[0-9a-f]{12}$/;
const DRAFT = ['Hi team — ', 'a gentle reminder: ', 'the layout is due ', 'this week.'];

/** The AI section of the options page, opened on a fresh page. */
async function openAiSettings(browser) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('ai-settings').getByTestId('ai-save').waitFor();
  return options;
}

/** Saves the AI settings; the browser asks for the model server's host the first time (answered like a person). */
async function saveAiSettings(options, { expectPrompt = false } = {}) {
  const message = options.getByTestId('ai-message');
  await options.getByTestId('ai-save').click();
  if (expectPrompt) {
    await options.waitForTimeout(800);
    pressKeys('Tab');
    await options.waitForTimeout(300);
    pressKeys('Return');
  }
  await message.filter({ hasText: /^(Saved\.|Permission)/ }).waitFor({ timeout: 10_000 });
  assert.equal(await message.textContent(), 'Saved.');
}

describe('AI assistance: a comment drafted by a model (a stand-in server), edited, confirmed; nothing sent when off', () => {
  let browser;
  let page;
  let stack;
  let managerToken;
  let model;
  const shotTasks = [];
  const stamp = `ai draft ${Date.now()}`;

  before(async () => {
    stack = readStack();
    managerToken = await loginAsManager(stack);
    model = await startStandInModelServer();
    ({ browser, page } = await openShotsWithOperator(stack));
  });
  after(async () => {
    await browser?.close();
    await model?.close();
    if (shotTasks.length > 0) await deleteTestComments(stack, managerToken, shotTasks, stamp);
  });

  /** A plan commenting `text` on the Layout task of a shot of its own, open in its confirm window. */
  async function proposeOnOneShot(text) {
    const [shots, taskTypes] = await Promise.all([
      kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`),
      kitsuGet(stack, '/data/task-types'),
    ]);
    const layout = taskTypes.find((taskType) => taskType.name === 'Layout');
    // A shot whose name no other shot's name contains: the panel's name filter then selects it alone.
    const shot = shots.find(
      (candidate) =>
        candidate.tasks.some((task) => task.task_type_id === layout.id) &&
        !shotTasks.some((task) => task.entity_id === candidate.id) &&
        shots.every((other) => other.id === candidate.id || !other.name.includes(candidate.name)),
    );
    shotTasks.push(...shot.tasks);
    const confirmPage = await proposeBulkComment(browser, page, { taskTypeId: layout.id, nameFilter: shot.name, text });
    return { layout, shot, confirmPage };
  }

  it('is off by default, and a provider pointed at a model server asks for that host only', async () => {
    const options = await openAiSettings(browser);
    assert.equal(await options.getByTestId('ai-provider-off').isChecked(), true);
    await options.getByTestId('ai-provider-openai-compatible').check();
    // Plain http to a host off this computer: said before saving, the prompts would travel in clear.
    await options.getByTestId('ai-endpoint').fill('http://llm.studio.example/v1');
    assert.match(
      await options.getByTestId('ai-endpoint-cleartext').textContent(),
      /^http:\/\/llm\.studio\.example uses plain http: the prompts .* travel in clear/,
    );
    // "localhost", not the Kitsu's 127.0.0.1: a host Sidekick was not allowed yet.
    const port = new URL(model.origin).port;
    await options.getByTestId('ai-endpoint').fill(`localhost:${port}/v1`);
    assert.equal(await options.getByTestId('ai-endpoint-cleartext').count(), 0, 'loopback: nothing travels');
    await options.getByTestId('ai-model').fill('stand-in-model');
    await options.getByTestId('ai-host').check();
    await saveAiSettings(options, { expectPrompt: true });
    assert.equal(await options.getByTestId('ai-endpoint').inputValue(), `http://localhost:${port}/v1/chat/completions`);
    const granted = await browser.worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
    // Exactly the server's origin: Chrome's patterns take a port, and no other port of the host is allowed.
    assert.ok(granted.includes(`http://localhost:${port}/*`), `granted: ${granted}`);
    assert.ok(!granted.includes('http://localhost/*'), `granted: ${granted}`);
    assert.equal(
      await browser.worker.evaluate(
        (other) => chrome.permissions.contains({ origins: [`http://localhost:${other}/*`] }),
        Number(port) + 1,
      ),
      false,
    );
    assert.equal(model.requests.length, 0, 'saving sends nothing to the model');

    model.script({ kind: 'stream', pieces: ['ready'] });
    await options.getByTestId('ai-test').click();
    await options.getByTestId('ai-message').filter({ hasText: 'stand-in-model answered “ready”' }).waitFor();
    await options.getByTestId('ai-settings').screenshot({ path: path.join(ARTIFACTS, 'ai-settings.png') });
    assert.equal(model.requests.length, 1);
    assert.doesNotMatch(JSON.stringify(model.requests[0].body), /Fox Tales|SH\d/);
    assert.equal(model.requests[0].headers.authorization, undefined, 'no key, no Authorization header');
    assert.equal(
      model.requests[0].headers.origin,
      `chrome-extension://${browser.extensionId}`,
      'the origin a server such as Ollama checks against OLLAMA_ORIGINS',
    );
    await options.close();
  });

  it('shows what will be sent before any call, streams the draft, and confirming posts the edited text with the marker', async () => {
    const { layout, shot, confirmPage } = await proposeOnOneShot(`Please update the layout (${stamp})`);
    const firstPlanId = decodeURIComponent(new URL(confirmPage.url()).hash.slice(1));
    const before = model.requests.length;
    await confirmPage.getByTestId('ai-draft-open').click();
    assert.equal(await confirmPage.getByTestId('plan-confirm').isDisabled(), true, 'no confirming while drafting');
    const prompt = confirmPage.getByTestId('ai-draft-prompt');
    await prompt.waitFor();
    const shown = await prompt.textContent();
    assert.match(shown, new RegExp(`${shot.name} / Layout`));
    assert.match(shown, /Current comment:\nPlease update the layout/);
    assert.match(shown, /Production: Fox Tales/);
    // People's names are left out by default: whoever Kitsu notifies is sent as Person 1, Person 2…
    assert.equal(await confirmPage.getByTestId('ai-draft-exclude-names').isChecked(), true);
    assert.match(shown, /Kitsu notifies( nobody\.|: Person \d+(, Person \d+)*)\n/);
    assert.match(
      await confirmPage.getByTestId('ai-draft-size').textContent(),
      new RegExp(`^[\\d,]+ characters in 2 messages, to http://localhost:${new URL(model.origin).port}\\.$`),
    );
    // Leaving the production's name out changes what would be sent; still nothing is sent.
    await confirmPage.getByTestId('ai-draft-exclude-production').check();
    await confirmPage.waitForFunction(() => {
      const text = document.querySelector('[data-testid="ai-draft-prompt"]')?.textContent ?? '';
      return text.includes('Production: the production') && !text.includes('Fox Tales');
    });
    const sent = await prompt.textContent();
    assert.equal(model.requests.length, before, 'showing what will be sent calls no model');
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'ai-draft-outgoing.png') });

    model.script({ kind: 'stream', pieces: DRAFT, splitEvery: 40, delayMs: 30 });
    await confirmPage.getByTestId('ai-draft-send').click();
    await confirmPage.getByTestId('ai-draft-message').filter({ hasText: 'Read and edit the draft' }).waitFor();
    const draft = confirmPage.getByTestId('ai-draft-text');
    assert.equal(await draft.inputValue(), DRAFT.join('').trim());
    assert.equal(model.requests.length, before + 1);
    const request = model.requests.at(-1);
    assert.deepEqual(Object.keys(request.body).sort(), ['messages', 'model', 'stream']);
    assert.equal(request.body.model, 'stand-in-model');
    assert.equal(request.body.stream, true);
    assert.equal(
      request.body.messages.map((message) => `[${message.role}]\n${message.content}`).join('\n\n'),
      sent,
      'exactly what was shown was sent',
    );

    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'ai-draft-streamed.png'), fullPage: true });
    const edited = `${DRAFT.join('').trim()} Edited by Ada: <b>Friday</b> (${stamp})`;
    await draft.fill(edited);
    await confirmPage.getByTestId('ai-draft-use').click();
    // The edited text comes back as a new plan with its own preview, in the same window.
    await confirmPage.getByTestId('plan-tasks').filter({ hasText: 'Edited by Ada: <b>Friday</b>' }).waitFor();
    assert.notEqual(decodeURIComponent(new URL(confirmPage.url()).hash.slice(1)), firstPlanId);
    assert.equal(await confirmPage.locator('[data-testid="plan-tasks"] b').count(), 0, 'shown as text, not HTML');
    await confirmPage.screenshot({ path: path.join(ARTIFACTS, 'ai-draft-in-plan.png') });

    assert.equal((await confirmAndFinish(confirmPage)).applied, 1);
    const task = shot.tasks.find((candidate) => candidate.task_type_id === layout.id);
    const posted = await commentsContaining(stack, task.id, stamp);
    assert.equal(posted.length, 1, 'one comment, the edited one');
    assert.ok(posted[0].text.startsWith(edited), posted[0].text);
    assert.match(posted[0].text, MARKER);
    await confirmPage.close();
  });

  it('summarises a task’s thread in Sidekick’s window, showing what is sent first; the page sees no AI text', async () => {
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    let target = null;
    for (const task of shots.flatMap((shot) => shot.tasks)) {
      const comments = await kitsuGet(stack, `/data/tasks/${task.id}/comments`);
      if (comments.length >= 2 && comments.every((comment) => !comment.text?.includes('<'))) {
        target = { task, comments };
        break;
      }
    }
    assert.ok(target, 'a seeded task with a thread');
    const taskPage = await browser.context.newPage();
    await taskPage.goto(`${stack.frontDoor}/productions/${stack.production.id}/shots/tasks/${target.task.id}`);
    const opened = browser.context.waitForEvent('page');
    await dockIn(taskPage).click(byTestId('ai-summarise-thread'), { timeout: 30_000 });
    const summaryPage = await opened;
    const prompt = summaryPage.getByTestId('ai-summary-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    const shown = await prompt.textContent();
    assert.match(
      shown,
      new RegExp(`Comments, oldest first \\(${Math.min(target.comments.length, 30)} of ${target.comments.length}\\)`),
    );
    const before = model.requests.length;
    model.script({ kind: 'stream', pieces: ['- Asked: a fix.\n', '- Open: the retake.'], splitEvery: 50 });
    await summaryPage.getByTestId('ai-summary-send').click();
    await summaryPage.getByTestId('ai-summary-message').filter({ hasText: 'Written by a model' }).waitFor();
    assert.equal(await summaryPage.getByTestId('ai-summary-text').inputValue(), '- Asked: a fix.\n- Open: the retake.');
    assert.equal(model.requests.length, before + 1);
    assert.equal(
      model.requests
        .at(-1)
        .body.messages.map((message) => `[${message.role}]\n${message.content}`)
        .join('\n\n'),
      shown,
    );
    await summaryPage.screenshot({ path: path.join(ARTIFACTS, 'ai-summary.png'), fullPage: true });
    assert.equal(await taskPage.evaluate(() => document.body.innerHTML.includes('Open: the retake')), false);
    await summaryPage.close();
    await taskPage.close();
  });

  it('cancels a draft while it streams', async () => {
    const { confirmPage } = await proposeOnOneShot(`Check in (${stamp})`);
    await confirmPage.getByTestId('ai-draft-open').click();
    await confirmPage.getByTestId('ai-draft-prompt').waitFor();
    model.script({ kind: 'stream', pieces: ['One. ', 'Two. ', 'Three. ', 'Four.'], splitEvery: 60, delayMs: 400 });
    await confirmPage.getByTestId('ai-draft-send').click();
    await confirmPage.getByTestId('ai-draft-cancel').click();
    await confirmPage.getByTestId('ai-draft-message').filter({ hasText: 'Cancelled.' }).waitFor();
    await confirmPage.getByTestId('ai-draft-discard').click();
    assert.equal(await confirmPage.getByTestId('plan-confirm').isDisabled(), false);
    await confirmPage.close();
  });

  it('with AI off for this Kitsu, then off altogether, the same flow sends nothing to the model server', async () => {
    const options = await openAiSettings(browser);
    await options.getByTestId('ai-host').uncheck();
    await saveAiSettings(options);
    const requests = model.requests.length;

    let { confirmPage } = await proposeOnOneShot(`Host switched off (${stamp})`);
    await confirmPage.getByTestId('ai-draft-off').waitFor();
    assert.equal(await confirmPage.getByTestId('ai-draft-open').count(), 0);
    await confirmPage.close();

    await options.getByTestId('ai-provider-off').check();
    await saveAiSettings(options);
    const granted = await browser.worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
    const port = new URL(model.origin).port;
    assert.ok(!granted.includes(`http://localhost:${port}/*`), 'the model server’s origin is given back');
    assert.ok(granted.includes('http://127.0.0.1/*'), 'the Kitsu’s host is kept');
    await options.close();

    const second = await proposeOnOneShot(`AI off (${stamp})`);
    confirmPage = second.confirmPage;
    assert.equal(await confirmPage.getByTestId('ai-draft').count(), 0);
    assert.equal(await confirmPage.getByTestId('ai-draft-off').count(), 0);
    assert.equal((await confirmAndFinish(confirmPage)).applied, 1);
    const task = second.shot.tasks.find((candidate) => candidate.task_type_id === second.layout.id);
    assert.equal((await commentsContaining(stack, task.id, `AI off (${stamp})`)).length, 1);
    assert.equal(model.requests.length, requests, 'no request reached the model server');
  });
});
