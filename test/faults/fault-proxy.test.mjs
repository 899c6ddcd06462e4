import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  createFaultProxy,
  DEFAULT_CONFIG,
  drawFault,
  mergeConfig,
  seededRandom,
} from '../../scripts/fault-proxy/server.mjs';
import { configureFaults, faultStats } from './support/setup.mjs';

/** An upstream that answers JSON and remembers what reached it. */
async function startUpstream() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, url: req.url }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

describe('the fault proxy', () => {
  let upstream;
  let proxy;
  let proxyUrl;

  before(async () => {
    upstream = await startUpstream();
    proxy = createFaultProxy({ upstream: upstream.url });
    proxyUrl = await proxy.listen();
  });
  after(async () => {
    await proxy.close();
    await upstream.close();
  });

  const only = (kind) =>
    configureFaults(proxyUrl, {
      rate: 1,
      kinds: Object.fromEntries(Object.keys(DEFAULT_CONFIG.kinds).map((k) => [k, k === kind ? 1 : 0])),
    });

  it('passes everything through at rate 0, pages and API alike', async () => {
    await configureFaults(proxyUrl, { rate: 0 });
    for (const route of ['/api/data/tasks', '/productions']) {
      const response = await fetch(`${proxyUrl}${route}`);
      assert.deepEqual(await response.json(), { ok: true, url: route });
    }
  });

  it('answers 5xx and 429 itself: upstream never sees the request', async () => {
    for (const status of ['500', '502', '503', '429']) {
      await only(status);
      const before = upstream.seen.length;
      const response = await fetch(`${proxyUrl}/api/actions/tasks/1/comment`, { method: 'POST', body: '{}' });
      assert.equal(response.status, Number(status));
      assert.equal(upstream.seen.length, before, `${status} is answered by the proxy`);
    }
  });

  it('answers malformed JSON without asking upstream', async () => {
    await only('malformed');
    const response = await fetch(`${proxyUrl}/api/data/tasks/1`);
    assert.equal(response.status, 200);
    assert.throws(() => JSON.parse('{"data": [tru'));
    assert.equal(await response.text(), '{"data": [tru');
  });

  it('drops a connection before upstream, or after upstream handled the request (the answer is lost)', async () => {
    await only('drop');
    let before = upstream.seen.length;
    await assert.rejects(fetch(`${proxyUrl}/api/data/tasks/1`));
    assert.equal(upstream.seen.length, before, 'dropped before reaching upstream');
    for (const kind of ['drop-after', 'reset-after']) {
      await only(kind);
      before = upstream.seen.length;
      await assert.rejects(async () => {
        const response = await fetch(`${proxyUrl}/api/actions/tasks/1/comment`, { method: 'POST', body: '{}' });
        await response.text();
      });
      assert.equal(upstream.seen.length, before + 1, `${kind}: upstream handled it, the client never heard`);
    }
  });

  it('damages only the paths and methods it is told to, and counts what it did', async () => {
    await configureFaults(proxyUrl, {
      rate: 1,
      kinds: { ...DEFAULT_CONFIG.kinds, drop: 0, 'drop-after': 0, 'reset-after': 0 },
      methods: ['POST'],
    });
    await faultStats(proxyUrl, { reset: true });
    assert.equal((await fetch(`${proxyUrl}/api/data/tasks`)).status, 200, 'GET is spared');
    assert.notEqual((await fetch(`${proxyUrl}/api/x`, { method: 'POST', body: '{}' })).status, 200);
    assert.equal((await fetch(`${proxyUrl}/socket.io/?EIO=4`)).status, 200, 'the event stream is spared');
    const stats = await faultStats(proxyUrl);
    assert.equal(stats.damaged, 1);
    assert.equal(
      Object.values(stats.byMethod.POST).reduce((sum, count) => sum + count, 0),
      1,
    );
    // Its log lists the requests it could damage since the reset, each with the fault it put in.
    const log = await (await fetch(`${proxyUrl}/__fault-proxy/log`)).json();
    assert.deepEqual(
      log.map(({ method, path, fault }) => [method, path, typeof fault]),
      [['POST', '/api/x', 'string']],
    );
    await configureFaults(proxyUrl, { methods: [], rate: 0 });
  });

  it('refuses a wrong configuration with a readable error', async () => {
    const response = await fetch(`${proxyUrl}/__fault-proxy/config`, {
      method: 'POST',
      body: JSON.stringify({ kinds: { teapot: 1 } }),
    });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error, /unknown fault kind "teapot"/);
    assert.throws(() => mergeConfig(DEFAULT_CONFIG, { rate: 2 }), /rate is a number in 0\.\.1/);
  });

  it('replays the same faults for the same seed, at the configured rate', () => {
    const config = mergeConfig(DEFAULT_CONFIG, { rate: 0.1 });
    const draw = (seed) => {
      const random = seededRandom(seed);
      return Array.from({ length: 10_000 }, () => drawFault(config, random));
    };
    const first = draw(7);
    assert.deepEqual(draw(7), first);
    assert.notDeepEqual(draw(8), first);
    const share = first.filter((fault) => fault !== null).length / first.length;
    assert.ok(share > 0.09 && share < 0.11, `about 10% damaged (${share})`);
  });
});
