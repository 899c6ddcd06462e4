// What Sidekick's content script asks its background, counted by message type inside the content
// script's own world (reached through the DevTools protocol: page scripts never see it). Each refresh
// of the dock's panels asks 'page/overview' once (the "this page" panel is on every page), so that
// count is the number of refreshes.

/** Runs in the content script's world: wraps runtime.sendMessage to count messages by type. */
const COUNTER = `(() => {
  if (!globalThis.__benchMessages) {
    const counts = {};
    const send = chrome.runtime.sendMessage;
    chrome.runtime.sendMessage = function (message, ...rest) {
      const type = message && typeof message === 'object' ? String(message.type) : typeof message;
      counts[type] = (counts[type] ?? 0) + 1;
      return send.call(this, message, ...rest);
    };
    globalThis.__benchMessages = counts;
  }
  return true;
})()`;

/** Counts the messages the content script of `page` sends from now on; `counts()` reads them. */
export async function countContentScriptMessages(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => worlds.push(created));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = worlds.find(
    (candidate) =>
      candidate.origin === `chrome-extension://${extensionId}` && candidate.auxData?.frameId === frameTree.frame.id,
  );
  if (!world) throw new Error("no world of Sidekick's content script in the page");
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`content script world: ${exceptionDetails.exception?.description}`);
    return result.value;
  };
  await evaluate(COUNTER);
  return {
    /** Messages sent so far, by type. */
    counts: () => evaluate('({ ...globalThis.__benchMessages })'),
    close: () => cdp.detach().catch(() => {}),
  };
}

/** Refreshes of the dock's panels between two `counts()` readings. */
export const refreshesBetween = (before, after) => (after['page/overview'] ?? 0) - (before['page/overview'] ?? 0);
