// Long tasks on the Kitsu page's main thread, and whose they are. The page's PerformanceObserver
// ('longtask') says when and how long, but not whose code ran: the content script runs in its own world,
// which neither its attribution nor long-animation-frame scripts name. Chromium's trace does: each task
// (RunTask) holds V8's CPU samples (each with its stack of scripts, so promise continuations count too)
// and the style, layout and paint work with the frame it was for. The dock renders in a frame of its
// own, the page in the main frame.

/** In the page's main world before its scripts: every long task of the top document, kept for the benchmark. */
export function observeLongTasks() {
  if (window.top !== window) return;
  const seen = [];
  Object.defineProperty(window, '__benchLongTasks', { value: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const LONG_TASK_MS = 50;
const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'ParseHTML',
  'ParseAuthorStyleSheet',
]);

const frameOf = (event) => event.args?.data?.frame ?? event.args?.beginData?.frame;
const within = (from, to, event) => event.ts >= from && event.ts + (event.dur ?? 0) <= to;

/**
 * V8's samples of one thread from the trace's Profile / ProfileChunk events: each sample's time (µs, the
 * trace's clock), how long it stands for, and which side's scripts are on its stack.
 */
function samplesOf(events, { pid, tid }, isExtension) {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  if (!profile) return [];
  const chunks = events.filter(
    (event) => event.name === 'ProfileChunk' && event.pid === pid && event.id === profile.id,
  );
  const nodes = new Map();
  const sideOf = (id) => {
    const node = nodes.get(id);
    if (!node) return 'none';
    node.side ??= (() => {
      const url = node.callFrame?.url ?? '';
      const up = node.parent === undefined ? 'none' : sideOf(node.parent);
      if (up === 'sidekick' || isExtension(url)) return 'sidekick';
      return up === 'page' || url !== '' ? 'page' : 'none';
    })();
    return node.side;
  };
  let time = profile.args.data.startTime;
  const samples = [];
  for (const chunk of chunks) {
    const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, { ...node });
    (cpuProfile.samples ?? []).forEach((id, index) => {
      const delta = timeDeltas[index] ?? 0;
      time += delta;
      samples.push({ ts: time, us: delta, id });
    });
  }
  const where = (id) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return '?';
    const file = (frame.url ?? '').split('/').pop();
    const line = frame.lineNumber === undefined ? '' : `:${frame.lineNumber + 1}`;
    return `${frame.functionName || '(anonymous)'}${file ? ` ${file}${line}` : ''}`;
  };
  return samples.map((sample) => ({ ...sample, side: sideOf(sample.id), where: where(sample.id) }));
}

/** Where Sidekick's samples of a task ran: its three busiest functions (self time). */
function busiestOf(samples) {
  const byPlace = new Map();
  for (const sample of samples) {
    if (sample.side === 'sidekick') byPlace.set(sample.where, (byPlace.get(sample.where) ?? 0) + sample.us);
  }
  return [...byPlace]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([place, us]) => ({ place, ms: Math.round(us / 100) / 10 }));
}

/**
 * The long tasks (≥ 50 ms) of the page's main thread in a trace (Chrome trace event format), each with
 * the time its work spent for Sidekick (samples running the extension's scripts, rendering of frames
 * other than the main one: the dock's) and for the page (samples running its scripts, rendering of the
 * main frame), and its owner: whichever spent more ('unknown' when the trace places none of it).
 */
export function attributeTrace(events, { extensionOrigin }) {
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const main = started?.args?.data?.frames?.find((frame) => frame.isOutermostMainFrame);
  if (!main) throw new Error('the trace names no main frame');
  const thread = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.pid === main.processId &&
      event.args?.name === 'CrRendererMain',
  );
  if (!thread) throw new Error("the trace has no main thread for the page's renderer");
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X');
  const samples = samplesOf(events, thread, (url) => url.startsWith(extensionOrigin));
  const origin = onThread.reduce((first, event) => Math.min(first, event.ts), Number.POSITIVE_INFINITY);
  const tasks = onThread.filter((event) => event.name === 'RunTask' && event.dur >= LONG_TASK_MS * 1000);
  const rendering = onThread.filter((event) => RENDER_EVENTS.has(event.name) && frameOf(event));
  return tasks.map((task) => {
    const [from, to] = [task.ts, task.ts + task.dur];
    const spent = { sidekick: 0, page: 0, none: 0 };
    const inTask = samplesIn(samples, from, to);
    for (const sample of inTask) spent[sample.side] += sample.us;
    let forcedBySidekick = 0;
    for (const event of rendering) {
      if (!within(from, to, event)) continue;
      // A style or layout a script forced (it read layout after changing the DOM) runs under that script's
      // stack: its samples already count for the script's side, whichever frame it was for.
      const under = samplesIn(samples, event.ts, event.ts + event.dur);
      const forcer = ['sidekick', 'page'].find(
        (side) => under.filter((sample) => sample.side === side).length > under.length / 2,
      );
      if (forcer === 'sidekick') forcedBySidekick += event.dur;
      if (!forcer) spent[frameOf(event) === main.frame ? 'page' : 'sidekick'] += event.dur;
    }
    const ms = (us) => Math.round(us / 100) / 10;
    // Samples stand for the time since the previous one: the first of a task may reach back before it.
    const part = (us) => ms(Math.min(us, task.dur));
    return {
      startMs: ms(task.ts - origin),
      durationMs: ms(task.dur),
      sidekickMs: part(spent.sidekick),
      pageMs: part(spent.page),
      /** Of Sidekick's time: style and layout its scripts forced. */
      forcedBySidekickMs: part(forcedBySidekick),
      owner: spent.sidekick === 0 && spent.page === 0 ? 'unknown' : spent.sidekick > spent.page ? 'sidekick' : 'page',
      sidekickBusiest: busiestOf(inTask),
    };
  });
}

/** The samples (sorted by time) from `from` (included) to `to` (excluded). */
function samplesIn(samples, from, to) {
  const firstAtOrAfter = (time) => {
    let [low, high] = [0, samples.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (samples[middle].ts < time) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return samples.slice(firstAtOrAfter(from), firstAtOrAfter(to));
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** Traces the page's renderer from now on; `stop()` gives its long tasks attributed, and the observer's. */
export async function traceLongTasks(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => {});
      const observed = await page.evaluate(() => window.__benchLongTasks ?? []);
      return { tasks: attributeTrace(events, { extensionOrigin: `chrome-extension://${extensionId}/` }), observed };
    },
  };
}
