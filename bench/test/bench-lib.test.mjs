// The benchmark's own parts: summaries, ratios and goals, options, the proxy (copies, delay, counts),
// the attribution of long tasks, the worker's CPU profile summary. `node --test bench/test/`
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { figure, summarise, table, withRatios } from '../lib/figures.mjs';
import {
  busyTime,
  inflateShotList,
  inflateShotsWithTasks,
  routeOf,
  startKitsuProxy,
  summariseLog,
} from '../lib/kitsu-proxy.mjs';
import { attributeTrace } from '../lib/long-tasks.mjs';
import { benchOptions, sizeTag } from '../lib/options.mjs';
import { refreshesBetween } from '../lib/page-messages.mjs';
import { profileSummary } from '../lib/worker-cdp.mjs';

describe('figures', () => {
  it('summarises repeats as min, median and max', () => {
    assert.deepEqual(summarise([30, 10, 20]), { min: 10, median: 20, max: 30, repeats: 3 });
    assert.equal(summarise([4, 1, 3, 2]).median, 2.5);
  });

  it('gives the ratio against the baseline of the same run on medians, in the winning direction', () => {
    const [baseline, sidekick, heavier] = withRatios([
      figure({ id: 'base', section: 'bulk', label: 'baseline', unit: 's', values: [100, 120, 110] }),
      figure({ id: 'sk', section: 'bulk', label: 'sidekick', unit: 's', values: [21, 23], baseline: 'base' }),
      figure({ id: 'more', section: 'bulk', label: 'more', unit: 's', values: [220], baseline: 'base' }),
    ]);
    assert.equal(baseline.ratio, undefined);
    assert.equal(sidekick.ratio, 5);
    assert.equal(heavier.ratio, 0.5);
    assert.match(table([baseline, sidekick]), /\| bulk +\| sidekick +\| 22 s +\| 21 – 23 +\| 2 +\| 5× faster +\|/);
    assert.match(table([heavier]), /\| 2× slower +\|/);
  });

  it('checks a goal on the median and says met or missed in the record and the table', () => {
    const paint = figure({
      id: 'p',
      section: 'dock',
      label: 'paint',
      unit: 'ms',
      values: [40, 60, 45],
      goal: { max: 50 },
    });
    assert.equal(paint.goal, '≤ 50 ms');
    assert.equal(paint.goalMet, true);
    const ratio = figure({
      id: 'r',
      section: 'bulk',
      label: 'ratio',
      unit: '×',
      values: [4, 6, 4.5],
      goal: { min: 5 },
    });
    assert.deepEqual([ratio.goal, ratio.goalMet], ['≥ 5×', false]);
    const none = figure({
      id: 'n',
      section: 's',
      label: 'warm',
      unit: 'requests',
      values: [0, 1, 0],
      goal: { max: 0 },
    });
    assert.deepEqual([none.goal, none.goalMet], ['0', true]);
    const worded = figure({
      id: 'w',
      section: 's',
      label: 'w',
      unit: 'requests',
      values: [31],
      goal: { max: 30, text: '≤ 3 per refresh' },
    });
    assert.deepEqual([worded.goal, worded.goalMet], ['≤ 3 per refresh', false]);
    const stated = figure({ id: 's', section: 's', label: 's', unit: 'ms', values: [1], goal: 'faster than before' });
    assert.deepEqual([stated.goal, stated.goalMet], ['faster than before', undefined]);
    const text = table([paint, ratio, stated]);
    assert.match(text, /\| ≤ 50 ms: met +\|/);
    assert.match(text, /\| 4.50× +\| 4 – 6 .*\| ≥ 5×: MISSED +\|/);
    assert.match(text, /\| faster than before +\|/);
  });

  it('refuses a figure without values', () => {
    assert.throws(() => figure({ id: 'x', section: 's', label: 'l', unit: 'ms', values: [] }), /no value/);
  });
});

describe('options', () => {
  it('runs the default at 5,000 seeded tasks, 1,000 in bulk at 0 and 50 ms, and 75,000 for scale', () => {
    const normal = benchOptions([]);
    assert.equal(normal.shots * 5, 5_000);
    assert.equal(normal.bulk, 1_000);
    assert.deepEqual(normal.latencies, [0, 50]);
    assert.deepEqual(normal.scale, { tasks: 75_000, factor: 15 });
    assert.deepEqual(normal.ruleSizes, [5_000, 75_000]);
    assert.deepEqual(normal.only, ['sizes', 'rules', 'bulk', 'dock', 'manager', 'events', 'scale']);
    assert.deepEqual([normal.sweepTasks, normal.burstTasks], [250, 1_000]);
  });

  it('keeps --quick small: 500 tasks, one latency of 0, no large production', () => {
    const quick = benchOptions(['--quick']);
    assert.ok(quick.shots * 5 <= 500 && quick.bulk <= 100 && quick.repeats === 1);
    assert.deepEqual(quick.latencies, [0]);
    assert.equal(quick.scale, null);
    assert.ok(!quick.only.includes('scale'));
    assert.equal(quick.sweepTasks, null);
    assert.ok(quick.burstTasks <= 20);
  });

  it('takes latencies as a list or repeated, and the large production from --tasks', () => {
    assert.deepEqual(benchOptions(['--latency', '0,50', '--latency', '120']).latencies, [0, 50, 120]);
    assert.deepEqual(benchOptions(['--quick', '--latency', '30']).latencies, [30]);
    assert.deepEqual(benchOptions(['--tasks', '20000']).scale, { tasks: 20_000, factor: 4 });
    assert.deepEqual(benchOptions(['--quick', '--tasks', '2000']).scale, { tasks: 2_000, factor: 4 });
  });

  it('refuses unknown options, missing values and impossible sizes', () => {
    assert.throws(() => benchOptions(['--fast']), /unknown option/);
    assert.throws(() => benchOptions(['--seed-tasks', '500', '--bulk', '101']), /--bulk/);
    assert.throws(() => benchOptions(['--only', 'sizes,nope']), /--only/);
    assert.throws(() => benchOptions(['--latency', 'fifty']), /--latency/);
    assert.throws(() => benchOptions(['--latency']), /needs a value/);
    assert.throws(() => benchOptions(['--tasks', '1000']), /--tasks/);
    assert.throws(() => benchOptions(['--quick', '--only', 'scale']), /--tasks/);
  });

  it('names sizes for figure ids', () => {
    assert.deepEqual([75_000, 5_000, 2_500, 500].map(sizeTag), ['75k', '5k', '2500', '500']);
  });
});

const SHOT = '11111111-2222-4333-8444-555555555555';
const TASK = 'aaaaaaaa-2222-4333-8444-555555555555';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('inflating the shot list', () => {
  it('copies shots and their tasks with distinct, well-formed ids', () => {
    const shots = [{ id: SHOT, name: 'SH010', tasks: [{ id: TASK, entity_id: SHOT }] }];
    const inflated = inflateShotsWithTasks(shots, 3);
    assert.equal(inflated.length, 3);
    const taskIds = inflated.flatMap((shot) => shot.tasks.map((task) => task.id));
    assert.equal(new Set(taskIds).size, 3);
    for (const shot of inflated) {
      assert.match(shot.id, UUID);
      assert.equal(shot.tasks[0].entity_id, shot.id);
    }
    assert.deepEqual(inflated[0], shots[0]);
  });

  it("inflates zou's three encodings: JSON list, compact rows, NDJSON stream", () => {
    const plain = JSON.parse(inflateShotList(JSON.stringify([{ id: SHOT, name: 'SH010', tasks: [] }]), 2));
    assert.deepEqual(
      plain.map((shot) => shot.name),
      ['SH010', 'SH010-1'],
    );
    const header = { compact: true, shot_fields: ['id', 'name', 'tasks'], task_fields: ['id', 'entity_id', 'x'] };
    const compact = JSON.parse(
      inflateShotList(JSON.stringify({ ...header, rows: [[SHOT, 'SH010', [[TASK, SHOT, 7]]]] }), 3),
    );
    assert.equal(compact.rows.length, 3);
    assert.deepEqual(compact.shot_fields, header.shot_fields);
    const [, , third] = compact.rows;
    assert.equal(third[1], 'SH010-2');
    assert.match(third[2][0][0], UUID);
    assert.notEqual(third[2][0][0], TASK);
    assert.equal(third[2][0][1], third[0]);
    assert.equal(third[2][0][2], 7);
    const stream = `${JSON.stringify(header)}\n${JSON.stringify([SHOT, 'SH010', [[TASK, SHOT, 7]]])}\n`;
    const lines = inflateShotList(stream, 2, 'application/x-ndjson').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(JSON.parse(lines[0]), header);
    assert.equal(JSON.parse(lines[2])[1], 'SH010-1');
  });
});

describe('request log', () => {
  it('groups requests by route without ids or query values', () => {
    assert.equal(routeOf('GET', `/api/data/tasks/${TASK}`), 'GET /api/data/tasks/:id');
    assert.equal(
      routeOf('GET', `/api/data/shots/with-tasks?project_id=${SHOT}&compact=true`),
      'GET /api/data/shots/with-tasks?compact&project_id',
    );
  });

  it('measures the time with at least one request in flight', () => {
    assert.equal(
      busyTime([
        [0, 10],
        [5, 15],
        [20, 30],
        [22, 25],
      ]),
      25,
    );
    assert.equal(busyTime([]), 0);
    const summary = summariseLog([
      { route: 'GET a', start: 0, end: 10 },
      { route: 'POST b', start: 0, end: 10 },
      { route: 'GET a', start: 20, end: null },
    ]);
    assert.deepEqual(summary, { requests: 3, byRoute: { 'GET a': 2, 'POST b': 1 }, inFlightMs: 10, requestMs: 20 });
  });
});

describe('delay proxy', () => {
  const LATENCY = 100;
  let upstream;
  let origin;
  before(async () => {
    upstream = http.createServer((req, res) => {
      const body = req.url.startsWith('/api/data/shots/with-tasks')
        ? JSON.stringify([{ id: SHOT, name: 'SH010', tasks: [{ id: TASK, entity_id: SHOT }] }])
        : JSON.stringify({ path: req.url });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    // The event stream's stand-in: answers the upgrade, then echoes what it receives.
    upstream.on('upgrade', (_req, socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      socket.on('data', (chunk) => socket.write(chunk));
    });
    await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${upstream.address().port}`;
    // fetch's first use loads and sets up its client: not a cost to count in a delay.
    await (await fetch(`${origin}/warm-up`)).json();
  });
  after(() => upstream.close());

  it('adds the latency on the way in and on the way out, and counts token-carrying API requests', async () => {
    const proxy = await startKitsuProxy({ upstream: origin, latencyMs: LATENCY });
    try {
      const startedAt = performance.now();
      const answer = await fetch(`${proxy.origin}/api/data/tasks/${TASK}`, { headers: { authorization: 'Bearer t' } });
      assert.deepEqual(await answer.json(), { path: `/api/data/tasks/${TASK}` });
      // Timers never fire early by more than a millisecond; a loaded machine only makes it longer.
      assert.ok(performance.now() - startedAt >= 2 * LATENCY - 2, 'both ways delayed');
      await fetch(`${proxy.origin}/index.html`);
      await fetch(`${proxy.origin}/api/data/projects`);
      assert.equal(proxy.bearerRequests(), 1);
      const counted = await (await fetch(`${proxy.origin}/__front-door/api-requests`)).json();
      assert.deepEqual(counted, { bearer: 1, other: 1 });
      assert.deepEqual(Object.keys(summariseLog(proxy.takeLog()).byRoute), ['GET /api/data/tasks/:id']);
    } finally {
      await proxy.close();
    }
  });

  for (const latencyMs of [0, LATENCY]) {
    it(`relays websocket bytes both ways, ${latencyMs} ms later each way`, async () => {
      const proxy = await startKitsuProxy({ upstream: origin, latencyMs });
      const { port } = new URL(proxy.origin);
      const socket = net.connect(Number(port), '127.0.0.1');
      try {
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write('GET /socket.io/ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
        await new Promise((resolve) => socket.once('data', resolve));
        const sentAt = performance.now();
        socket.write('ping');
        const echoed = await new Promise((resolve) => socket.once('data', resolve));
        assert.equal(echoed.toString(), 'ping');
        assert.ok(performance.now() - sentAt >= 2 * latencyMs - 2, 'both ways delayed');
      } finally {
        socket.destroy();
        await proxy.close();
      }
    });
  }

  it("inflates only one production's shot list, only for token-carrying reads", async () => {
    const proxy = await startKitsuProxy({ upstream: origin, inflate: { projectId: SHOT, factor: 4 } });
    try {
      const read = (query, headers = { authorization: 'Bearer t' }) =>
        fetch(`${proxy.origin}/api/data/shots/with-tasks?${query}`, { headers }).then((answer) => answer.json());
      assert.equal((await read(`project_id=${SHOT}`)).length, 4);
      assert.equal((await read(`project_id=${TASK}`)).length, 1);
      assert.equal((await read(`project_id=${SHOT}`, {})).length, 1);
      assert.equal(proxy.inflatedAnswers(), 1);
    } finally {
      await proxy.close();
    }
  });
});

/** A CDP-shaped profile: `stacks` are the samples (each a list of [functionName, url], root first), 1 ms apart. */
function profileOf(stacks, startMs = 1_000) {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [] },
  ];
  const samples = stacks.map((stack) => {
    let parent = nodes[0];
    for (const [functionName, url] of stack) {
      let node = nodes.find(
        (candidate) => parent.children.includes(candidate.id) && candidate.callFrame.functionName === functionName,
      );
      if (!node) {
        node = { id: nodes.length + 1, callFrame: { functionName, url, lineNumber: 0, columnNumber: 0 }, children: [] };
        nodes.push(node);
        parent.children.push(node.id);
      }
      parent = node;
    }
    return parent.id;
  });
  return { nodes, startTime: startMs * 1000, samples, timeDeltas: stacks.map((_, index) => (index === 0 ? 0 : 1000)) };
}

describe('long tasks', () => {
  const EXTENSION = 'chrome-extension://abc/';
  const [PAGE_PID, MAIN_FRAME, DOCK_FRAME] = [7, 'MAIN', 'DOCK'];
  const on = (name, ts, ms, args = {}) => ({ ph: 'X', pid: PAGE_PID, tid: PAGE_PID, name, ts, dur: ms * 1000, args });
  const render = (name, frame, ts, ms) => on(name, ts, ms, { beginData: { frame } });
  const header = [
    {
      ph: 'I',
      pid: 1,
      tid: 1,
      name: 'TracingStartedInBrowser',
      args: { data: { frames: [{ frame: MAIN_FRAME, isOutermostMainFrame: true, processId: PAGE_PID }] } },
    },
    { ph: 'M', pid: PAGE_PID, tid: PAGE_PID, name: 'thread_name', args: { name: 'CrRendererMain' } },
    // Another renderer (an extension page) with a long task of its own: not the page's.
    { ph: 'M', pid: 9, tid: 9, name: 'thread_name', args: { name: 'CrRendererMain' } },
    { ph: 'X', pid: 9, tid: 9, name: 'RunTask', ts: 0, dur: 90_000 },
  ];
  /**
   * V8's samples of the page's main thread, 1 ms apart from t = 0, in two chunks: `runs` are
   * [node id, how many samples]. Node 2 is the page's script, 3 the content script's (called from a
   * promise continuation of the extension: node 4), 1 the root (native work).
   */
  const profile = (runs) => {
    const samples = runs.flatMap(([id, count]) => Array.from({ length: count }, () => id));
    const half = Math.floor(samples.length / 2);
    const chunk = (part, nodes) => ({
      ph: 'P',
      pid: PAGE_PID,
      tid: 99,
      id: '0x1',
      name: 'ProfileChunk',
      args: { data: { cpuProfile: { nodes, samples: part }, timeDeltas: part.map(() => 1_000) } },
    });
    return [
      { ph: 'P', pid: PAGE_PID, tid: PAGE_PID, id: '0x1', name: 'Profile', args: { data: { startTime: -1_000 } } },
      chunk(samples.slice(0, half), [
        // Chromium's trace leaves out the url of native frames.
        { id: 1, callFrame: { functionName: '(root)' } },
        { id: 2, parent: 1, callFrame: { functionName: 'render', url: 'http://kitsu/app.js' } },
      ]),
      chunk(samples.slice(half), [
        { id: 4, parent: 1, callFrame: { functionName: 'answer', url: `${EXTENSION}content-scripts/kitsu.js` } },
        { id: 3, parent: 4, callFrame: { functionName: 'JSON.parse', url: '' } },
      ]),
    ];
  };

  it("attributes each long task of the page's main thread to Sidekick or the page by where its time went", () => {
    const tasks = attributeTrace(
      [
        ...header,
        // 0-80 ms: the page's script, then the main frame's layout.
        on('RunTask', 0, 80),
        render('Layout', MAIN_FRAME, 52_000, 25),
        // 100-170 ms: the content script (samples under its continuation), forcing a layout of the page
        // meanwhile (its time is the script's), then the dock's frame lays out.
        on('RunTask', 100_000, 70),
        render('Layout', MAIN_FRAME, 110_000, 20),
        render('UpdateLayoutTree', DOCK_FRAME, 141_000, 25),
        // Short tasks are no long tasks, whoever runs them.
        on('RunTask', 200_000, 49),
        // 300-360 ms: native work only (a garbage collection).
        on('RunTask', 300_000, 60),
        ...profile([
          [2, 50],
          [1, 50],
          [4, 10],
          [3, 30],
          [1, 60],
          [4, 49],
          [1, 51],
          [1, 60],
        ]),
      ],
      { extensionOrigin: EXTENSION },
    );
    const none = [];
    // Where the content script's samples ran, busiest first (its layout of the dock's frame is no sample).
    const busiest = [
      { place: 'JSON.parse', ms: 30 },
      { place: 'answer kitsu.js', ms: 10 },
    ];
    assert.deepEqual(tasks, [
      {
        startMs: 0,
        durationMs: 80,
        sidekickMs: 0,
        pageMs: 75,
        forcedBySidekickMs: 0,
        owner: 'page',
        sidekickBusiest: none,
      },
      {
        startMs: 100,
        durationMs: 70,
        sidekickMs: 65,
        pageMs: 0,
        forcedBySidekickMs: 20,
        owner: 'sidekick',
        sidekickBusiest: busiest,
      },
      {
        startMs: 300,
        durationMs: 60,
        sidekickMs: 0,
        pageMs: 0,
        forcedBySidekickMs: 0,
        owner: 'unknown',
        sidekickBusiest: none,
      },
    ]);
  });

  it('refuses a trace without the main frame', () => {
    assert.throws(() => attributeTrace(header.slice(1), { extensionOrigin: EXTENSION }), /main frame/);
  });
});

describe('worker CPU profile', () => {
  it('sums self time by function, apart from idle and garbage collection', () => {
    const summary = profileSummary(
      profileOf([
        [['(idle)', '']],
        [['(idle)', '']],
        [['run', 'chrome-extension://abc/background.js']],
        [['run', 'chrome-extension://abc/background.js']],
        [['(garbage collector)', '']],
      ]),
    );
    assert.deepEqual(summary, {
      totalMs: 4,
      idleMs: 1,
      gcMs: 1,
      busyMs: 3,
      topSelfMs: { 'run background.js:1:1': 2, '(garbage collector)': 1 },
    });
  });
});

describe('refreshes', () => {
  it("counts the dock's refreshes as its page/overview messages", () => {
    assert.equal(
      refreshesBetween({ 'page/overview': 2, 'bulk/select': 9 }, { 'page/overview': 7, 'bulk/select': 30 }),
      5,
    );
    assert.equal(refreshesBetween({}, {}), 0);
  });
});
