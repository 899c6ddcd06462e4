// File name → task, for batch publish. Pure: the background gives it the
// production's entities with their tasks and the page's scope. A file goes to
// a task only when one candidate clearly wins; otherwise it is listed as
// ambiguous (with the candidates) or unmatched (with the reason), never guessed.

import type { MessageName } from '../i18n/messages';
import { t } from '../i18n/pure';
import { DEFAULT_NAME_PATTERNS, type NamePatterns, readFileName, splitWords, unpadded } from './names';

export type PublishEntityKind = 'shot' | 'asset' | 'sequence' | 'edit' | 'episode';

export interface PublishEntity {
  id: string;
  kind: PublishEntityKind;
  name: string;
  /** Name of the shot's sequence. */
  sequence?: string | null;
  /** Name of the entity's episode. */
  episode?: string | null;
  episodeId?: string | null;
  tasks: { id: string; taskTypeId: string }[];
}

export interface PublishTaskType {
  id: string;
  name: string;
  shortName?: string | null;
}

/** What the page the person came from narrows the search to. */
export interface MatchScope {
  /** A task-type page: only that task type. */
  taskTypeId?: string;
  /** An entity page: only that entity. */
  entityId?: string;
  /** A task page: only that task. */
  taskId?: string;
  /** An episode of a TV show: only its entities (and those of no episode). */
  episodeId?: string;
}

export interface MatchCatalog {
  entities: readonly PublishEntity[];
  taskTypes: readonly PublishTaskType[];
}

export interface TaskCandidate {
  taskId: string;
  entityId: string;
  taskTypeId: string;
  /** "E01 / SQ010 / SH0010 / Animation" */
  label: string;
  /** 0..1 */
  confidence: number;
  /** Why this task, in words. */
  reasons: string[];
}

export type MatchState = 'matched' | 'ambiguous' | 'unmatched';

export interface FileMatch {
  fileName: string;
  extension: string;
  version: number | null;
  state: MatchState;
  /** The task the file goes to; null unless matched. */
  match: TaskCandidate | null;
  /** Other candidates, best first (all of them when ambiguous). */
  alternatives: TaskCandidate[];
  /** Why the file is not matched or is ambiguous. */
  problem: string | null;
}

export interface MatchOptions {
  patterns?: NamePatterns;
  scope?: MatchScope;
}

/** Below this, or this close to the runner-up, a person has to choose. */
export const MATCH_THRESHOLD = 0.6;
export const CLEAR_LEAD = 0.15;
const MAX_ALTERNATIVES = 8;

const LEAF_KINDS: readonly PublishEntityKind[] = ['shot', 'asset', 'edit'];

type Found = { how: 'exact' | 'unpadded'; start: number; end: number };

/** Where a name's words appear in the file's words, padded numbers aside. */
function findRun(fileWords: readonly string[], nameWords: readonly string[]): Found | null {
  if (nameWords.length === 0 || nameWords.length > fileWords.length) return null;
  let loose: Found | null = null;
  for (let start = 0; start + nameWords.length <= fileWords.length; start++) {
    const window = fileWords.slice(start, start + nameWords.length);
    const end = start + nameWords.length;
    if (window.every((word, index) => word === nameWords[index])) return { how: 'exact', start, end };
    if (!loose && window.every((word, index) => unpadded(word) === unpadded(nameWords[index] ?? ''))) {
      loose = { how: 'unpadded', start, end };
    }
  }
  return loose;
}

/** "E01 / SQ010 / SH0010": where a person finds the entity in Kitsu. */
export function entityLabel(entity: PublishEntity): string {
  return [
    entity.kind !== 'episode' ? entity.episode : null,
    entity.kind === 'shot' ? entity.sequence : null,
    entity.name,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' / ');
}

/** What a matcher looks file names up in: the catalog's names, as words, within the page's scope. */
function matchIndex(catalog: MatchCatalog, options: MatchOptions) {
  const patterns = options.patterns ?? DEFAULT_NAME_PATTERNS;
  const scope = options.scope ?? {};
  const words = (text: string) => splitWords(text, patterns.separators);
  const typeName = new Map(catalog.taskTypes.map((type) => [type.id, type.name]));
  const typeWords = catalog.taskTypes.map((type) => ({
    type,
    names: [type.name, type.shortName ?? '', ...(patterns.taskTypeAliases[type.name.toLowerCase()] ?? [])]
      .map(words)
      .filter((run) => run.length > 0),
  }));
  const inScope = catalog.entities.filter(
    (entity) =>
      (!scope.entityId || entity.id === scope.entityId) &&
      (!scope.taskId || entity.tasks.some((task) => task.id === scope.taskId)) &&
      (!scope.episodeId || !entity.episodeId || entity.episodeId === scope.episodeId),
  );
  const sequenceNames = new Set(
    catalog.entities.flatMap((entity) => [entity.sequence ?? '', entity.kind === 'sequence' ? entity.name : '']),
  );
  const episodeNames = new Set(
    catalog.entities.flatMap((entity) => [entity.episode ?? '', entity.kind === 'episode' ? entity.name : '']),
  );
  sequenceNames.delete('');
  episodeNames.delete('');
  const entityWords = new Map(inScope.map((entity) => [entity.id, words(entity.name)]));
  return { patterns, scope, words, typeName, typeWords, inScope, sequenceNames, episodeNames, entityWords };
}
type MatchIndex = ReturnType<typeof matchIndex>;

/** The sequences, episodes and task types a file's name says, exactly. */
function namesIn(fileWords: readonly string[], index: MatchIndex) {
  const named = (names: Set<string>) =>
    [...names].filter((name) => findRun(fileWords, index.words(name))?.how === 'exact');
  return {
    sequences: named(index.sequenceNames),
    episodes: named(index.episodeNames),
    types: index.typeWords
      .filter(({ names }) => names.some((run) => findRun(fileWords, run)?.how === 'exact'))
      .map(({ type }) => type),
  };
}
type NamesInFile = ReturnType<typeof namesIn>;
type Target = { entity: PublishEntity; run: Found };

/** The entities the file is for: named in it (the longest name winning), or the page's own. */
function targetsOf(fileWords: readonly string[], named: NamesInFile, index: MatchIndex) {
  const { inScope, scope } = index;
  // Entities named in the file, the longest name winning where names overlap ("Hare 2" over "Hare").
  let found = inScope.flatMap((entity) => {
    const run = findRun(fileWords, index.entityWords.get(entity.id) ?? []);
    return run ? [{ entity, run }] : [];
  });
  found = found.filter(
    ({ run }) =>
      !found.some(
        (other) =>
          other.run.start <= run.start &&
          other.run.end >= run.end &&
          other.run.end - other.run.start > run.end - run.start,
      ),
  );
  const leaves = found.filter(({ entity }) => LEAF_KINDS.includes(entity.kind));
  // A sequence or an episode is the target only when no shot, asset or edit is named.
  let targets: Target[] = leaves.length > 0 ? leaves : found;
  const excluded: string[] = [];
  targets = targets.filter(({ entity }) => {
    const wrongSequence =
      named.sequences.length > 0 && entity.kind === 'shot' && !named.sequences.includes(entity.sequence ?? '');
    const wrongEpisode =
      named.episodes.length > 0 &&
      entity.kind !== 'episode' &&
      entity.episode &&
      !named.episodes.includes(entity.episode);
    if (wrongSequence || wrongEpisode) excluded.push(entityLabel(entity));
    return !(wrongSequence || wrongEpisode);
  });
  let fromPage = false;
  if (targets.length === 0 && (scope.entityId || scope.taskId) && inScope.length === 1 && inScope[0]) {
    targets = [{ entity: inScope[0], run: { how: 'exact', start: 0, end: 0 } }];
    fromPage = true;
  }
  return { targets, excluded, fromPage };
}

const KIND_NAMES = {
  shot: 'noteKindShot',
  asset: 'noteKindAsset',
  sequence: 'noteKindSequence',
  edit: 'noteKindEdit',
  episode: 'noteKindEpisode',
} as const satisfies Record<PublishEntityKind, MessageName>;

const kindName = (kind: PublishEntityKind) => t(KIND_NAMES[kind]);

const joinedWithOr = (names: readonly string[]) => names.join(` ${t('noteMatchOr')} `);

/** How sure Sidekick is that the file is for this task of this entity, and why, in words. */
function scoreOf(
  { entity, run }: Target,
  task: { taskTypeId: string },
  context: { fromPage: boolean; named: NamesInFile; index: MatchIndex; taskCount: number },
) {
  const { fromPage, named, index, taskCount } = context;
  const reasons: string[] = [];
  let confidence = 0;
  if (fromPage) {
    confidence += 0.45;
    reasons.push(t('noteMatchPageEntity', { name: entity.name, kind: kindName(entity.kind) }));
  } else if (run.how === 'exact') {
    confidence += 0.55;
    reasons.push(t('noteMatchNamesEntity', { name: entity.name, kind: kindName(entity.kind) }));
  } else {
    confidence += 0.4;
    reasons.push(t('noteMatchNamesEntityPadding', { name: entity.name, kind: kindName(entity.kind) }));
  }
  if (entity.sequence && named.sequences.includes(entity.sequence)) {
    confidence += 0.1;
    reasons.push(t('noteMatchSequence', { sequence: entity.sequence }));
  }
  if (entity.episode && named.episodes.includes(entity.episode)) {
    confidence += 0.05;
    reasons.push(t('noteMatchEpisode', { episode: entity.episode }));
  }
  const type = index.typeName.get(task.taskTypeId) ?? t('publishTaskFallback');
  if (named.types.some((each) => each.id === task.taskTypeId)) {
    confidence += 0.35;
    reasons.push(t('noteMatchNamesTaskType', { taskType: type }));
  } else if (index.scope.taskTypeId || index.scope.taskId) {
    confidence += 0.3;
    reasons.push(t('noteMatchPageTaskType', { taskType: type }));
  } else if (taskCount === 1) {
    confidence += 0.15;
    reasons.push(t('noteMatchOnlyTask', { taskType: type }));
  } else {
    confidence += 0.05;
    reasons.push(t('noteMatchOneOf', { taskType: type, count: taskCount }));
  }
  return { confidence: Math.min(1, Math.round(confidence * 100) / 100), reasons };
}

/** The tasks of the targets the file may go to, each with its score. */
function candidatesOf(
  targets: readonly Target[],
  allowedTypes: readonly string[] | null,
  context: { fromPage: boolean; named: NamesInFile; index: MatchIndex },
): TaskCandidate[] {
  const { index } = context;
  return targets.flatMap((target) => {
    const tasks = target.entity.tasks.filter(
      (task) =>
        (!allowedTypes || allowedTypes.includes(task.taskTypeId)) &&
        (!index.scope.taskId || task.id === index.scope.taskId),
    );
    return tasks.map((task) => ({
      taskId: task.id,
      entityId: target.entity.id,
      taskTypeId: task.taskTypeId,
      label: `${entityLabel(target.entity)} / ${index.typeName.get(task.taskTypeId) ?? t('publishTaskFallback')}`,
      ...scoreOf(target, task, { ...context, taskCount: tasks.length }),
    }));
  });
}

function matchFile(fileName: string, index: MatchIndex): FileMatch {
  const { scope, typeName } = index;
  const read = readFileName(fileName, index.patterns);
  const result = (state: MatchState, fields: Partial<FileMatch>): FileMatch => ({
    fileName,
    extension: read.extension,
    version: read.version,
    state,
    match: null,
    alternatives: [],
    problem: null,
    ...fields,
  });
  const named = namesIn(read.words, index);
  if (scope.taskTypeId && named.types.length > 0 && !named.types.some((type) => type.id === scope.taskTypeId)) {
    const scopeType = typeName.get(scope.taskTypeId) ?? t('noteAnotherTaskType');
    return result('unmatched', {
      problem: t('noteMatchOtherPageType', { named: joinedWithOr(named.types.map((type) => type.name)), scopeType }),
    });
  }
  const allowedTypes = scope.taskTypeId
    ? [scope.taskTypeId]
    : named.types.length > 0
      ? named.types.map((type) => type.id)
      : null;
  const { targets, excluded, fromPage } = targetsOf(read.words, named, index);
  if (targets.length === 0) {
    const problem =
      excluded.length > 0
        ? t('noteMatchOtherSequence', { names: excluded.join(', '), count: excluded.length })
        : t('noteMatchNothingNamed');
    return result('unmatched', { problem });
  }
  const candidates = candidatesOf(targets, allowedTypes, { fromPage, named, index });
  if (candidates.length === 0) {
    const entities = targets.map(({ entity }) => entity.name).join(', ');
    const types = allowedTypes && joinedWithOr(allowedTypes.map((id) => typeName.get(id) ?? id));
    return result('unmatched', {
      problem: types ? t('noteMatchNoTaskOfType', { entities, taskTypes: types }) : t('noteMatchNoTask', { entities }),
    });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
  const [best, second] = candidates;
  if (best && best.confidence >= MATCH_THRESHOLD && (!second || best.confidence - second.confidence >= CLEAR_LEAD)) {
    return result('matched', { match: best, alternatives: candidates.slice(1, MAX_ALTERNATIVES + 1) });
  }
  const problem =
    second && best && best.confidence - second.confidence < CLEAR_LEAD
      ? t('noteMatchTie', { count: candidates.length })
      : t('noteMatchTooLittle');
  return result('ambiguous', { alternatives: candidates.slice(0, MAX_ALTERNATIVES), problem });
}

export function createMatcher(catalog: MatchCatalog, options: MatchOptions = {}) {
  const index = matchIndex(catalog, options);
  return { match: (fileName: string) => matchFile(fileName, index) };
}

/** Matches every file against one catalog and scope. */
export function matchFiles(
  fileNames: readonly string[],
  catalog: MatchCatalog,
  options: MatchOptions = {},
): FileMatch[] {
  const matcher = createMatcher(catalog, options);
  return fileNames.map((name) => matcher.match(name));
}
