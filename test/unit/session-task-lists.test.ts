import { describe, expect, it } from 'vitest';
import type { KitsuClient } from '../../lib/kitsu';
import { sessionWithClient } from './support/session-with-client';

const ORIGIN = 'https://kitsu.session-task-lists.example';
const P = 'ae1053d8-b7db-4923-a418-d93894c5a48f';
const SHOT_TASK = 'aaaaaaaa-0000-0000-0000-000000000001';
const ASSET_TASK = 'aaaaaaaa-0000-0000-0000-000000000009';

/** A session whose client counts the with-tasks reads it answers. */
function sessionCountingListReads() {
  const reads = { shots: 0, assets: 0 };
  const client = {
    shotsWithTasks: async () => {
      reads.shots += 1;
      return [{ id: 'sh1', tasks: [{ id: SHOT_TASK }] }];
    },
    assetsWithTasks: async () => {
      reads.assets += 1;
      return [{ id: 'as1', tasks: [{ id: ASSET_TASK }] }];
    },
  } as unknown as KitsuClient;
  const { session, receive } = sessionWithClient(client, ORIGIN, P);
  const readBoth = async () => {
    await session.reads.shotsWithTasks('swr', P);
    await session.reads.assetsWithTasks('swr', P);
  };
  return { reads, receive, readBoth };
}

describe('a production’s task lists and the task events of zou', () => {
  it('a change to a shot task re-reads the shots list only (zou names the task, not its entity)', async () => {
    const { reads, receive, readBoth } = sessionCountingListReads();
    await readBoth();
    await receive('task:update', { task_id: SHOT_TASK });
    await receive('comment:new', { task_id: SHOT_TASK, comment_id: 'cccccccc-0000-0000-0000-000000000001' });
    await readBoth();
    expect(reads).toEqual({ shots: 2, assets: 1 });
  });

  it('a new task re-reads both lists: neither holds it yet', async () => {
    const { reads, receive, readBoth } = sessionCountingListReads();
    await readBoth();
    await receive('task:new', { task_id: 'aaaaaaaa-0000-0000-0000-0000000000ff' });
    await readBoth();
    expect(reads).toEqual({ shots: 2, assets: 2 });
  });

  it('a task event without its task id re-reads both lists (conservative)', async () => {
    const { reads, receive, readBoth } = sessionCountingListReads();
    await readBoth();
    await receive('task:update', {});
    await readBoth();
    expect(reads).toEqual({ shots: 2, assets: 2 });
  });
});
