// DevTools access to the extension's service worker from Playwright, which only opens CDP sessions on
// pages: a page's session lists the targets, attaches to the worker and relays messages to it; its
// ServiceWorker domain stops the worker the way chrome://serviceworker-internals' "Stop" does.

/** Self time of a CPU profile (CDP Profiler.Profile) by function, and the idle / GC / busy totals, in ms. */
export function profileSummary(profile, top = 12) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFunction = new Map();
  let [idleMs, gcMs, totalMs] = [0, 0, 0];
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    totalMs += ms;
    if (functionName === '(idle)') idleMs += ms;
    else if (functionName === '(garbage collector)') gcMs += ms;
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
    const where = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + ms);
  }
  const round = (ms) => Math.round(ms);
  return {
    totalMs: round(totalMs),
    idleMs: round(idleMs),
    gcMs: round(gcMs),
    busyMs: round(totalMs - idleMs),
    topSelfMs: Object.fromEntries(
      [...byFunction]
        .filter(([where]) => !where.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([where, ms]) => [where, round(ms)]),
    ),
  };
}

/** Samples a CDP session's CPU until the returned function is called; it gives profileSummary's answer. */
async function startProfile(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  return async () => {
    try {
      const { profile } = await session.send('Profiler.stop');
      return profileSummary(profile);
    } finally {
      await session.detach();
    }
  };
}

/** Starts sampling a page's CPU (Playwright page); the function it returns stops and summarises. */
export async function profilePageCpu(page) {
  return startProfile(await page.context().newCDPSession(page));
}

/**
 * Runs in the worker: `count` one-key IndexedDB writes, each its own readwrite transaction as
 * idb-keyval's set() makes them, in a scratch database deleted afterwards; resolves to their durations (ms).
 */
const INDEXED_DB_PROBE = `(async (count) => {
  const name = 'sidekick-bench-probe';
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('probe');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const durations = [];
  for (let index = 0; index < count; index++) {
    const startedAt = performance.now();
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('probe', 'readwrite');
      transaction.objectStore('probe').put({ state: 'applied', at: new Date().toISOString(), index }, 'item:' + index);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    durations.push(performance.now() - startedAt);
  }
  db.close();
  indexedDB.deleteDatabase(name);
  return durations;
})`;

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

  /** A session on the running worker; `send` relays a CDP command to it until `detach`. */
  async function attach() {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return {
      async send(method, params = {}) {
        nextId += 1;
        const id = nextId;
        const reply = new Promise((resolve) => replies.set(id, resolve));
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
        const { result, error } = await reply;
        replies.delete(id);
        if (error) throw new Error(`${method}: ${error.message}`);
        return result;
      },
      detach: () => cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {}),
    };
  }

  async function send(method, params = {}) {
    const session = await attach();
    try {
      return await session.send(method, params);
    } finally {
      await session.detach();
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
    /** Starts sampling the worker's CPU; the function it returns stops and gives profileSummary's answer. */
    async profileCpu() {
      return startProfile(await attach());
    },
    /** Durations (ms) of `count` one-key IndexedDB write transactions in the worker, one after the other. */
    async indexedDbWriteTimes(count = 30) {
      const { result, exceptionDetails } = await send('Runtime.evaluate', {
        expression: `${INDEXED_DB_PROBE}(${count})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`IndexedDB probe: ${exceptionDetails.text}`);
      return result.value;
    },
    close: () => page.close(),
  };
}
