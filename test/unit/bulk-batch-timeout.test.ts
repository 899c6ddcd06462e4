import { describe, expect, it } from 'vitest';
import { createKitsuClient } from '../../lib/kitsu';

/** A Kitsu that answers every request after `delayMs`, like a busy zou. */
function slowKitsu(delayMs: number): typeof fetch {
  return async (input, init) => {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason ?? new DOMException('aborted', 'AbortError'));
      });
    });
    const body = String(input).includes('comment-many') ? '[]' : '{}';
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('a bulk comment on a slow Kitsu', () => {
  it('waits for zou to handle every comment of the batch, where a single request would time out', async () => {
    const client = createKitsuClient({
      origin: 'https://kitsu.studio.example',
      token: 'token',
      fetch: slowKitsu(60),
      timeoutMs: 20,
      maxRetries: 0,
    });
    await expect(client.task('t1')).rejects.toMatchObject({ kind: 'timeout' });
    const items = Array.from({ length: 3 }, (_, index) => ({
      task_id: `t${index}`,
      task_status_id: 'st-wip',
      comment: 'Go',
    }));
    await expect(client.batchComment('p1', items)).resolves.toEqual([]);
  });
});
