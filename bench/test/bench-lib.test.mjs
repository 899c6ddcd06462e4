// The benchmark's pure parts: summaries and ratios, options, the proxy's copies. `node --test bench/test/`
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figure, summarise, table, withRatios } from '../lib/figures.mjs';
import { inflateShotsWithTasks } from '../lib/inflating-proxy.mjs';
import { benchOptions } from '../lib/options.mjs';

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

  it('refuses a figure without values', () => {
    assert.throws(() => figure({ id: 'x', section: 's', label: 'l', unit: 'ms', values: [] }), /no value/);
  });
});

describe('options', () => {
  it('sizes the default run at 5,000 tasks, 1,000 in bulk, and the quick one small', () => {
    const normal = benchOptions([]);
    assert.equal(normal.shots * 5, 5_000);
    assert.equal(normal.bulk, 1_000);
    assert.equal(normal.shots * 5 * normal.heapFactor, 20_000);
    assert.deepEqual(normal.ruleSizes, [5_000, 20_000]);
    const quick = benchOptions(['--quick']);
    assert.ok(quick.shots * 5 <= 500 && quick.bulk <= 100 && quick.repeats === 1);
  });

  it('refuses unknown options and impossible sizes', () => {
    assert.throws(() => benchOptions(['--fast']), /unknown option/);
    assert.throws(() => benchOptions(['--tasks', '500', '--bulk', '101']), /--bulk/);
    assert.throws(() => benchOptions(['--only', 'sizes,nope']), /--only/);
  });
});

describe('inflating proxy', () => {
  it('copies shots and their tasks with distinct, well-formed ids', () => {
    const shots = [
      {
        id: '11111111-2222-4333-8444-555555555555',
        name: 'SH010',
        tasks: [{ id: 'aaaaaaaa-2222-4333-8444-555555555555', entity_id: '11111111-2222-4333-8444-555555555555' }],
      },
    ];
    const inflated = inflateShotsWithTasks(shots, 3);
    assert.equal(inflated.length, 3);
    const taskIds = inflated.flatMap((shot) => shot.tasks.map((task) => task.id));
    assert.equal(new Set(taskIds).size, 3);
    for (const shot of inflated) {
      assert.match(shot.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(shot.tasks[0].entity_id, shot.id);
    }
    assert.deepEqual(inflated[0], shots[0]);
  });
});
