import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStandInModelServer } from '../ai/stand-in-model-server.mjs';
import {
  connectAsWriterBot,
  EXTENSION_ORIGIN,
  launchFirefoxWithExtension,
  navigate,
  openExtensionPage,
  waitFor,
} from './support/firefox.mjs';
import { kitsuGet, readStack, startPrivateFrontDoor } from './support/kitsu.mjs';

const textOf = (page, id) =>
  page.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null, id);

describe('AI assistance in Firefox: a model server (a stand-in) set up, tested, and a thread summary streamed', () => {
  let firefox;
  let stack;
  let kitsu;
  let model;

  before(async () => {
    stack = readStack();
    kitsu = await startPrivateFrontDoor(stack);
    model = await startStandInModelServer();
    firefox = await launchFirefoxWithExtension();
    const { page } = await connectAsWriterBot(firefox.browser, stack, kitsu.origin);
    await page.close();
  });
  after(async () => {
    await firefox?.close();
    await model?.close();
    await kitsu?.close();
  });

  it('saves the server with its host allowed, and the background calls it with the extension’s origin', async () => {
    const options = await openExtensionPage(firefox.browser, 'options', '[data-testid="ai-save"]');
    await options.locator('[data-testid="ai-provider-openai-compatible"]').click();
    await options.locator('[data-testid="ai-endpoint"]').fill(`http://localhost:${new URL(model.origin).port}/v1`);
    await options.locator('[data-testid="ai-model"]').fill('stand-in-model');
    await options.locator('[data-testid="ai-host"]').click();
    await options.locator('[data-testid="ai-save"]').click();
    assert.equal(
      await waitFor(options, () => document.querySelector('[data-testid="ai-message"]')?.textContent || null, {
        what: 'the save message',
      }),
      'Saved.',
    );
    // Firefox: the host (its patterns take no port) and the person's consent to the data the server receives.
    const granted = await options.evaluate(() => browser.permissions.getAll());
    assert.ok(granted.origins.includes('http://localhost/*'), `granted: ${granted.origins}`);
    assert.deepEqual(granted.data_collection, [
      'websiteContent',
      'personalCommunications',
      'personallyIdentifyingInfo',
    ]);
    model.script({ kind: 'stream', pieces: ['ready'] });
    await options.locator('[data-testid="ai-test"]').click();
    await waitFor(
      options,
      () => document.querySelector('[data-testid="ai-message"]')?.textContent?.includes('answered'),
      {
        what: 'the test answer',
      },
    );
    assert.match(await textOf(options, 'ai-message'), /^stand-in-model answered “ready” in [\d,]+ ms\.$/);
    assert.equal(model.requests.length, 1);
    assert.equal(model.requests[0].headers.origin, EXTENSION_ORIGIN, 'what Ollama checks against OLLAMA_ORIGINS');
    await options.close();
  });

  it('streams a thread summary into Sidekick’s window, after showing what is sent', async () => {
    const shots = await kitsuGet(stack, `/data/shots/with-tasks?project_id=${stack.production.id}`);
    const task = shots.flatMap((shot) => shot.tasks).find((candidate) => candidate.last_comment_date);
    const page = await firefox.browser.newPage();
    navigate(page, `${EXTENSION_ORIGIN}/confirm.html#summary/${encodeURIComponent(kitsu.origin)}/${task.id}`);
    const shown = await waitFor(page, () => document.querySelector('[data-testid="ai-summary-prompt"]')?.textContent, {
      timeout: 20_000,
      what: 'the prompt',
    });
    assert.match(shown, /Comments, oldest first/);
    assert.equal(model.requests.length, 1, 'showing the prompt sends nothing');
    model.script({ kind: 'stream', pieces: ['- Asked: ', 'a fix.'], splitEvery: 30, delayMs: 20 });
    await page.locator('[data-testid="ai-summary-send"]').click();
    await waitFor(page, () => document.querySelector('[data-testid="ai-summary-message"]')?.textContent || null, {
      what: 'the end of the answer',
    });
    assert.equal(await page.$eval('[data-testid="ai-summary-text"]', (box) => box.value), '- Asked: a fix.');
    assert.equal(
      model.requests[1].body.messages.map((message) => `[${message.role}]\n${message.content}`).join('\n\n'),
      shown,
    );
    await page.close();
  });

  it('switched off, gives back the server’s host and the consent to send it data', async () => {
    const options = await openExtensionPage(firefox.browser, 'options', '[data-testid="ai-provider-off"]');
    await options.locator('[data-testid="ai-provider-off"]').click();
    await options.locator('[data-testid="ai-save"]').click();
    await waitFor(options, () => document.querySelector('[data-testid="ai-message"]')?.textContent === 'Saved.', {
      what: 'the save message',
    });
    const granted = await options.evaluate(() => browser.permissions.getAll());
    assert.ok(!granted.origins.includes('http://localhost/*'), `granted: ${granted.origins}`);
    assert.deepEqual(granted.data_collection, []);
    await options.close();
  });
});
