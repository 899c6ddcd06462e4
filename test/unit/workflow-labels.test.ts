import { describe, expect, it } from 'vitest';
import { shortenMiddle, type TaskLabelSource, taskLabel, taskLabelParts, taskLabels } from '../../lib/workflow/labels';

const shotTask = (taskId: string, episode: string | null, sequence: string, shot: string, taskType = 'Roto') =>
  ({
    taskId,
    entityType: 'shot',
    entityName: shot,
    episodeName: episode,
    sequenceName: sequence,
    taskTypeName: taskType,
    taskName: 'main',
  }) satisfies TaskLabelSource;

const assetTask = (taskId: string, assetType: string, asset: string, extra: Partial<TaskLabelSource> = {}) =>
  ({
    taskId,
    entityType: 'asset',
    entityName: asset,
    assetTypeName: assetType,
    taskTypeName: 'Modeling',
    ...extra,
  }) satisfies TaskLabelSource;

const texts = (labels: Map<string, { text: string }>) => [...labels.values()].map((label) => label.text);

describe('task labels', () => {
  it('name a task by its place: episode / sequence / shot / task type, or asset type / asset / task type', () => {
    expect(taskLabel(shotTask('t', 'E01 Le Départ', 'SQ01 plan-séquence', 'SH0020'))).toBe(
      'E01 Le Départ / SQ01 plan-séquence / SH0020 / Roto',
    );
    expect(taskLabel(assetTask('t', 'Prop', 'Lanterne'))).toBe('Prop / Lanterne / Modeling');
    // A feature film has no episodes: the part is left out, not shown empty.
    expect(taskLabelParts(shotTask('t', null, 'SQ010', 'SH0010', 'Layout'))).toEqual(['SQ010', 'SH0010', 'Layout']);
    expect(
      taskLabel({ taskId: 't', entityType: 'other', entityName: 'Trailer', episodeName: ' ', taskTypeName: 'Edit' }),
    ).toBe('Trailer / Edit');
  });

  it('tell SH0020’s four Roto tasks apart by episode and sequence (the issue’s confirm window)', () => {
    const labels = taskLabels([
      shotTask('a', 'E01 Le Départ', 'SQ01 plan-séquence', 'SH0020'),
      shotTask('b', 'E01 Le Départ', 'SQ02 الواحة', 'SH0020'),
      shotTask('c', 'E02 夜の森', 'SQ01 plan-séquence', 'SH0020'),
      shotTask('d', 'E02 夜の森', 'SQ02 🦊 Poursuite', 'SH0020'),
    ]);
    expect(texts(labels)).toEqual([
      'E01 Le Départ / SQ01 plan-séquence / SH0020 / Roto',
      'E01 Le Départ / SQ02 الواحة / SH0020 / Roto',
      'E02 夜の森 / SQ01 plan-séquence / SH0020 / Roto',
      'E02 夜の森 / SQ02 🦊 Poursuite / SH0020 / Roto',
    ]);
    expect([...labels.values()].every((label) => label.title === undefined)).toBe(true);
  });

  it('add the task name to two tasks of one task type on one shot, and nothing to the other rows', () => {
    const labels = taskLabels([
      shotTask('main', 'E01', 'SQ01', 'SH0010'),
      { ...shotTask('cleanup', 'E01', 'SQ01', 'SH0010'), taskName: 'cleanup' },
      shotTask('other', 'E01', 'SQ01', 'SH0020'),
    ]);
    expect(texts(labels)).toEqual([
      'E01 / SQ01 / SH0010 / Roto (main)',
      'E01 / SQ01 / SH0010 / Roto (cleanup)',
      'E01 / SQ01 / SH0020 / Roto',
    ]);
    expect(labels.get('cleanup')?.parts).toEqual(['E01', 'SQ01', 'SH0010', 'Roto (cleanup)']);
  });

  it('tell assets of one name apart by their type, then by their episode', () => {
    const labels = taskLabels([
      assetTask('prop', 'Prop', 'Lanterne'),
      assetTask('env', 'Environment', 'Lanterne'),
      assetTask('e1', 'Character', 'Kit', { episodeName: 'E01' }),
      assetTask('e2', 'Character', 'Kit', { episodeName: 'E02' }),
      assetTask('main-pack', 'Character', 'Kit', { episodeName: null }),
    ]);
    expect(texts(labels)).toEqual([
      'Prop / Lanterne / Modeling',
      'Environment / Lanterne / Modeling',
      'Character / Kit / Modeling (E01)',
      'Character / Kit / Modeling (E02)',
      'Character / Kit / Modeling (no episode)',
    ]);
  });

  it('fall back on the start of the task id, long enough to differ, when nothing else tells rows apart', () => {
    const labels = taskLabels([
      shotTask('3fa85f64-5717-4562-b3fc-2c963f66afa6', 'E01', 'SQ01', 'SH0010'),
      shotTask('3fa85f64-9999-4562-b3fc-2c963f66afa6', 'E01', 'SQ01', 'SH0010'),
      shotTask('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'E01', 'SQ01', 'SH0010'),
    ]);
    expect(texts(labels)).toEqual([
      'E01 / SQ01 / SH0010 / Roto (#3fa85f64-5)',
      'E01 / SQ01 / SH0010 / Roto (#3fa85f64-9)',
      'E01 / SQ01 / SH0010 / Roto (#7c9e6679-7)',
    ]);
  });

  it('shorten long names in the middle, keeping the full label for a title', () => {
    const long = 'Le vieux moulin de Grand-mère Hérisson, au bord de la rivière qui chante (version longue)';
    const label = taskLabels([assetTask('mill', 'Environment', long)], { maxPartLength: 30 }).get('mill');
    expect(label?.title).toBe(`Environment / ${long} / Modeling`);
    expect(label?.parts[1]).toBe('Le vieux moulin…ersion longue)');
    expect(label?.text).toBe('Environment / Le vieux moulin…ersion longue) / Modeling');
  });

  it('show rows in full when shortening would make them read the same', () => {
    const a = 'Grand-mère Hérisson et la lanterne rouge du vieux moulin, version longue';
    const b = 'Grand-mère Hérisson et la lanterne bleue du vieux moulin, version longue';
    const labels = taskLabels([assetTask('a', 'Prop', a), assetTask('b', 'Prop', b), assetTask('c', 'Prop', 'Lune')], {
      maxPartLength: 20,
    });
    expect(labels.get('a')?.text).toBe(`Prop / ${a} / Modeling`);
    expect(labels.get('b')?.text).toBe(`Prop / ${b} / Modeling`);
    expect(labels.get('a')?.title).toBeUndefined();
  });

  it('give one label to a task listed twice', () => {
    const task = shotTask('same', 'E01', 'SQ01', 'SH0010');
    expect(taskLabels([task, task]).get('same')?.text).toBe('E01 / SQ01 / SH0010 / Roto');
  });
});

describe('middle ellipsis', () => {
  it('keeps short text as it is', () => {
    expect(shortenMiddle('SH0010', 10)).toBe('SH0010');
  });

  it('keeps the start and the end within the length', () => {
    expect(shortenMiddle('abcdefghijklmnopqrstuvwxyz', 9)).toBe('abcd…wxyz');
  });

  it('never splits an emoji, a flag or a letter from its accent', () => {
    const family = '👨‍👩‍👧';
    const text = `${family}${'é'.normalize('NFD')}🇫🇷 middle part 🇯🇵${family}`;
    const short = shortenMiddle(text, 7);
    expect(short).toBe(`${family}${'é'.normalize('NFD')}🇫🇷…🇯🇵${family}`);
  });
});
