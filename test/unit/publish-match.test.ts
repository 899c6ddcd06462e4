import { describe, expect, it } from 'vitest';
import { type MatchCatalog, matchFiles, type PublishEntity } from '../../lib/publish/match';
import { DEFAULT_NAME_PATTERNS, readFileName } from '../../lib/publish/names';

const TYPES = {
  layout: { id: 'tt-lay', name: 'Layout', shortName: 'LAY' },
  animation: { id: 'tt-anim', name: 'Animation', shortName: 'ANIM' },
  compositing: { id: 'tt-comp', name: 'Compositing', shortName: 'COMP' },
  modeling: { id: 'tt-mod', name: 'Modeling', shortName: 'MOD' },
  rigging: { id: 'tt-rig', name: 'Rigging', shortName: 'RIG' },
  concept: { id: 'tt-concept', name: 'Concept', shortName: 'CONC' },
  storyboard: { id: 'tt-sb', name: 'Storyboard', shortName: 'SB' },
};
const SHOT_TYPES = [TYPES.layout, TYPES.animation, TYPES.compositing];
const ASSET_TYPES = [TYPES.concept, TYPES.modeling, TYPES.rigging];

function shot(episode: string, sequence: string, name: string): PublishEntity {
  const id = `${episode}-${sequence}-${name}`;
  return {
    id,
    kind: 'shot',
    name,
    sequence,
    episode,
    episodeId: `ep-${episode}`,
    tasks: SHOT_TYPES.map((type) => ({ id: `${id}-${type.name}`, taskTypeId: type.id })),
  };
}
function asset(name: string, episode: string | null = null, types = ASSET_TYPES): PublishEntity {
  return {
    id: `asset-${name}`,
    kind: 'asset',
    name,
    episode,
    episodeId: episode ? `ep-${episode}` : null,
    tasks: types.map((type) => ({ id: `asset-${name}-${type.name}`, taskTypeId: type.id })),
  };
}
const taskId = (entity: string, type: { name: string }) => `${entity}-${type.name}`;

// A TV show: shots are numbered per sequence, so SH010 exists in several sequences.
const catalog: MatchCatalog = {
  taskTypes: Object.values(TYPES),
  entities: [
    { id: 'ep-E01', kind: 'episode', name: 'E01', tasks: [] },
    { id: 'ep-E02', kind: 'episode', name: 'E02', tasks: [] },
    {
      id: 'seq-SQ030',
      kind: 'sequence',
      name: 'SQ030',
      episode: 'E02',
      episodeId: 'ep-E02',
      tasks: [{ id: 'seq-SQ030-Storyboard', taskTypeId: TYPES.storyboard.id }],
    },
    shot('E01', 'SQ010', 'SH010'),
    shot('E01', 'SQ010', 'SH020'),
    shot('E01', 'SQ020', 'SH010'),
    shot('E01', 'SQ020', 'SH030'),
    shot('E02', 'SQ030', 'SH010'),
    shot('E02', 'SQ030', 'SH0450'),
    asset('Kit the Fox'),
    asset('Hare'),
    asset('Hare 2'),
    asset('Old Badger', 'E01', [TYPES.modeling]),
    asset('Mole', 'E02'),
  ],
};

const one = (name: string, options = {}) => {
  const [result] = matchFiles([name], catalog, options);
  if (!result) throw new Error('no result');
  return result;
};

describe('readFileName', () => {
  it.each([
    ['SQ010_SH020_anim_v003.mp4', ['sq010', 'sh020', 'anim'], 3, 'mp4'],
    ['chr_hero_model_v12.png', ['chr', 'hero', 'model'], 12, 'png'],
    ['E01-SQ010-SH010.comp.V007.1001.exr', ['e01', 'sq010', 'sh010', 'comp'], 7, 'exr'],
    ['sq010_sh010_comp_v002.####.exr', ['sq010', 'sh010', 'comp'], 2, 'exr'],
    ['sq010_sh010_comp_v002.%04d.png', ['sq010', 'sh010', 'comp'], 2, 'png'],
    ['sq010_sh010_lay_1001-1100_v004.mov', ['sq010', 'sh010', 'lay'], 4, 'mov'],
    ['sq010_sh010_lay_[1001-1100].mov', ['sq010', 'sh010', 'lay'], null, 'mov'],
    ['/renders/Kit the Fox - Modeling v2.JPG', ['kit', 'the', 'fox', 'modeling'], 2, 'jpg'],
    ['SH0450_anim', ['sh0450', 'anim'], null, ''],
    ['v2_comp_v003.png', ['comp'], 3, 'png'],
  ])('%s', (name, words, version, extension) => {
    expect(readFileName(name)).toEqual({ words, version, extension });
  });

  it('keeps numbers before the version: they can be shot names', () => {
    expect(readFileName('SQ01_0010_anim_v001.0001.png').words).toEqual(['sq01', '0010', 'anim']);
  });

  it('follows configured patterns', () => {
    const patterns = { ...DEFAULT_NAME_PATTERNS, version: '^r(\\d+)$' };
    expect(readFileName('sh010_anim_r5.png', patterns)).toMatchObject({ words: ['sh010', 'anim'], version: 5 });
  });
});

describe('matchFiles', () => {
  it('matches sequence + shot + task type abbreviations, with the version', () => {
    const result = one('SQ010_SH020_anim_v003.mp4');
    expect(result.state).toBe('matched');
    expect(result.version).toBe(3);
    expect(result.match).toMatchObject({
      taskId: taskId('E01-SQ010-SH020', TYPES.animation),
      label: 'E01 / SQ010 / SH020 / Animation',
    });
    expect(result.match?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(result.match?.reasons.join(' ')).toContain('names task type Animation');
  });

  it('a shot name used in several sequences is ambiguous without its sequence, and lists every candidate', () => {
    const result = one('SH010_comp_v001.png');
    expect(result.state).toBe('ambiguous');
    expect(result.match).toBeNull();
    expect(result.alternatives.map((candidate) => candidate.taskId).sort()).toEqual(
      [
        taskId('E01-SQ010-SH010', TYPES.compositing),
        taskId('E01-SQ020-SH010', TYPES.compositing),
        taskId('E02-SQ030-SH010', TYPES.compositing),
      ].sort(),
    );
    expect(result.problem).toContain('3 tasks fit equally well');
  });

  it('the sequence or the episode in the name settles it', () => {
    expect(one('sq020-sh010-comp-v001.png').match?.taskId).toBe(taskId('E01-SQ020-SH010', TYPES.compositing));
    expect(one('E02_SH010_comp_v001.png').match?.taskId).toBe(taskId('E02-SQ030-SH010', TYPES.compositing));
    const full = one('E01_SQ010_SH010_Compositing_v010.mov');
    expect(full.match?.taskId).toBe(taskId('E01-SQ010-SH010', TYPES.compositing));
    expect(full.match?.confidence).toBe(1);
  });

  it('an episode page narrows the candidates to that episode', () => {
    const result = one('SH010_comp_v001.png', { scope: { episodeId: 'ep-E02' } });
    expect(result.state).toBe('matched');
    expect(result.match?.taskId).toBe(taskId('E02-SQ030-SH010', TYPES.compositing));
  });

  it('a name whose shot is not in the sequence it names is unmatched, with the reason', () => {
    const result = one('SQ030_SH020_anim_v001.png');
    expect(result.state).toBe('unmatched');
    expect(result.problem).toContain('E01 / SQ010 / SH020 is in another sequence or episode');
  });

  it('accepts other zero padding, with a lower confidence', () => {
    const exact = one('SQ030_SH0450_anim_v001.png');
    const padded = one('SQ030_SH450_anim_v001.png');
    expect(padded.match?.taskId).toBe(exact.match?.taskId);
    expect(padded.match?.confidence).toBeLessThan(exact.match?.confidence ?? 0);
    expect(padded.match?.reasons[0]).toContain('other zero padding');
  });

  it('without a task type, an entity with several tasks is ambiguous between them', () => {
    const result = one('SQ010_SH020_v002.png');
    expect(result.state).toBe('ambiguous');
    expect(result.alternatives).toHaveLength(3);
  });

  it('on a task-type page only that task type is considered', () => {
    const scope = { taskTypeId: TYPES.animation.id };
    const result = one('SQ010_SH020_v002.png', { scope });
    expect(result.state).toBe('matched');
    expect(result.match?.taskId).toBe(taskId('E01-SQ010-SH020', TYPES.animation));
    expect(result.match?.reasons).toContain("Animation is the page's task type");
  });

  it('on a task-type page a file naming another task type is unmatched, not moved', () => {
    const result = one('SQ010_SH020_comp_v002.png', { scope: { taskTypeId: TYPES.animation.id } });
    expect(result.state).toBe('unmatched');
    expect(result.problem).toBe('The name says Compositing; this page is Animation.');
  });

  it('reads asset names of several words, whatever the separators and case', () => {
    expect(one('kit_the_fox_model_v12.png').match?.taskId).toBe(taskId('asset-Kit the Fox', TYPES.modeling));
    expect(one('KIT-THE-FOX.RIG.v1.jpg').match?.taskId).toBe(taskId('asset-Kit the Fox', TYPES.rigging));
    expect(one('Kit the Fox - Concept v2.png').match?.taskId).toBe(taskId('asset-Kit the Fox', TYPES.concept));
  });

  it('the longest name wins where asset names overlap', () => {
    expect(one('hare_2_mod_v001.png').match?.taskId).toBe(taskId('asset-Hare 2', TYPES.modeling));
    expect(one('hare_mod_v001.png').match?.taskId).toBe(taskId('asset-Hare', TYPES.modeling));
  });

  it('an entity with one task of no named type gets it, with a modest confidence', () => {
    const result = one('old_badger_v3.png');
    expect(result.state).toBe('matched');
    expect(result.match?.taskId).toBe(taskId('asset-Old Badger', TYPES.modeling));
    expect(result.match?.confidence).toBeLessThan(0.8);
  });

  it('a sequence is the target only when no shot is named', () => {
    expect(one('E02_SQ030_storyboard_v001.mp4').match?.taskId).toBe('seq-SQ030-Storyboard');
    const shotFile = one('SQ030_SH0450_lay_v001.mp4');
    expect(shotFile.match?.taskId).toBe(taskId('E02-SQ030-SH0450', TYPES.layout));
  });

  it('an entity without a task of the named type is unmatched, with the reason', () => {
    const result = one('old_badger_rig_v001.png');
    expect(result.state).toBe('unmatched');
    expect(result.problem).toBe('Old Badger has no Rigging task.');
  });

  it('a name that names nothing known is unmatched', () => {
    const result = one('IMG_4032.JPG');
    expect(result).toMatchObject({ state: 'unmatched', match: null, alternatives: [] });
    expect(result.problem).toContain('No shot, asset');
  });

  it('two entities named in one file are ambiguous', () => {
    const result = one('mole_hare_mod_v001.png');
    expect(result.state).toBe('ambiguous');
    expect(result.alternatives.map((candidate) => candidate.entityId).sort()).toEqual(['asset-Hare', 'asset-Mole']);
  });

  it('on an entity or task page a file that names nothing goes to the page, and others are not considered', () => {
    const entityId = 'E01-SQ010-SH020';
    const onEntity = one('playblast_final.mp4', { scope: { entityId, taskTypeId: TYPES.layout.id } });
    expect(onEntity.match?.taskId).toBe(taskId(entityId, TYPES.layout));
    expect(onEntity.match?.reasons[0]).toBe("SH020 is the page's shot");
    const onTask = one('SQ010_SH020_anim_v001.mp4', { scope: { taskId: taskId(entityId, TYPES.layout) } });
    expect(onTask.state).toBe('unmatched');
    const taskPage = one('SQ010_SH020_v001.mp4', { scope: { taskId: taskId(entityId, TYPES.layout) } });
    expect(taskPage.match?.taskId).toBe(taskId(entityId, TYPES.layout));
  });

  it('configured aliases are task type words', () => {
    const patterns = { ...DEFAULT_NAME_PATTERNS, taskTypeAliases: { compositing: ['slapcomp'] } };
    expect(one('SQ010_SH020_slapcomp_v001.png', { patterns }).match?.taskId).toBe(
      taskId('E01-SQ010-SH020', TYPES.compositing),
    );
    expect(one('SQ010_SH020_slapcomp_v001.png').state).toBe('ambiguous');
  });

  it('matches a batch of twenty real-looking names in order', () => {
    const names = [
      ...['SH010', 'SH030'].map((name) => `ep01_sq020_${name.toLowerCase()}_anim_v003.mp4`),
      ...Array.from({ length: 18 }, (_, index) => `SQ010_SH020_lay_v${String(index + 1).padStart(3, '0')}.png`),
    ];
    const results = matchFiles(names, catalog);
    expect(results).toHaveLength(20);
    expect(results.map((result) => result.version)).toEqual([3, 3, ...Array.from({ length: 18 }, (_, i) => i + 1)]);
    // "ep01" is not the episode's name (E01): those two fall back to the sequence, which is enough.
    expect(results[0]?.match?.taskId).toBe(taskId('E01-SQ020-SH010', TYPES.animation));
    expect(results[1]?.match?.taskId).toBe(taskId('E01-SQ020-SH030', TYPES.animation));
    expect(results.slice(2).every((result) => result.match?.taskId === taskId('E01-SQ010-SH020', TYPES.layout))).toBe(
      true,
    );
  });
});
