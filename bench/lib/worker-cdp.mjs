// DevTools access to the extension's service worker from Playwright, which only opens CDP sessions on
// pages: a page's session lists the targets, attaches to the worker and relays messages to it; its
// ServiceWorker domain stops the worker the way chrome://serviceworker-internals' "Stop" does.

export async function extensionWorkerDevTools(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const replies = new Map();
  let nextId = 0;
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    replies.get(reply.id)?.(reply);
  });

  async function attach() {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return sessionId;
  }

  async function send(method, params = {}) {
    const sessionId = await attach();
    try {
      nextId += 1;
      const id = nextId;
      const reply = new Promise((resolve) => replies.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await reply;
      replies.delete(id);
      if (error) throw new Error(`${method}: ${error.message}`);
      return result;
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  }

  return {
    /** JS heap the worker uses after a full garbage collection, in bytes. */
    async heapUsedAfterGc() {
      await send('HeapProfiler.collectGarbage');
      return (await send('Runtime.getHeapUsage')).usedSize;
    },
    /** Stops the worker; the next message from a page or extension page starts a new one. */
    async stopWorker() {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    close: () => page.close(),
  };
}
