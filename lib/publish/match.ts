// File name → task, for batch publish. Pure: the background gives it the
// production's entities with their tasks and the page's scope. A file goes to
// a task only when one candidate clearly wins; otherwise it is listed as
// ambiguous (with the candidates) or unmatched (with the reason), never guessed.
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

export function createMatcher(catalog: MatchCatalog, options: MatchOptions = {}) {
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
  const scopeType = scope.taskTypeId ? typeName.get(scope.taskTypeId) : undefined;

  const labelOf = (entity: PublishEntity, taskTypeId: string) =>
    `${entityLabel(entity)} / ${typeName.get(taskTypeId) ?? 'task'}`;

  function match(fileName: string): FileMatch {
    const read = readFileName(fileName, patterns);
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
    const fileWords = read.words;
    const named = (names: Set<string>) => [...names].filter((name) => findRun(fileWords, words(name))?.how === 'exact');
    const namedSequences = named(sequenceNames);
    const namedEpisodes = named(episodeNames);
    const namedTypes = typeWords
      .filter(({ names }) => names.some((run) => findRun(fileWords, run)?.how === 'exact'))
      .map(({ type }) => type);

    if (scope.taskTypeId && namedTypes.length > 0 && !namedTypes.some((type) => type.id === scope.taskTypeId)) {
      return result('unmatched', {
        problem: `The name says ${namedTypes.map((type) => type.name).join(' or ')}; this page is ${scopeType ?? 'another task type'}.`,
      });
    }
    const allowedTypes = scope.taskTypeId
      ? [scope.taskTypeId]
      : namedTypes.length > 0
        ? namedTypes.map((type) => type.id)
        : null;

    // Entities named in the file, the longest name winning where names overlap ("Hare 2" over "Hare").
    let found = inScope.flatMap((entity) => {
      const run = findRun(fileWords, entityWords.get(entity.id) ?? []);
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
    let targets = leaves.length > 0 ? leaves : found;
    const excluded: string[] = [];
    targets = targets.filter(({ entity }) => {
      const wrongSequence =
        namedSequences.length > 0 && entity.kind === 'shot' && !namedSequences.includes(entity.sequence ?? '');
      const wrongEpisode =
        namedEpisodes.length > 0 &&
        entity.kind !== 'episode' &&
        entity.episode &&
        !namedEpisodes.includes(entity.episode);
      if (wrongSequence || wrongEpisode) excluded.push(entityLabel(entity));
      return !(wrongSequence || wrongEpisode);
    });
    let fromPage = false;
    if (targets.length === 0 && (scope.entityId || scope.taskId) && inScope.length === 1 && inScope[0]) {
      targets = [{ entity: inScope[0], run: { how: 'exact', start: 0, end: 0 } }];
      fromPage = true;
    }
    if (targets.length === 0) {
      const problem =
        excluded.length > 0
          ? `${excluded.join(', ')} ${excluded.length > 1 ? 'are' : 'is'} in another sequence or episode than the name says.`
          : 'No shot, asset, sequence or edit of this production is named in the file name.';
      return result('unmatched', { problem });
    }

    const candidates: TaskCandidate[] = [];
    for (const { entity, run } of targets) {
      const tasks = entity.tasks.filter(
        (task) =>
          (!allowedTypes || allowedTypes.includes(task.taskTypeId)) && (!scope.taskId || task.id === scope.taskId),
      );
      for (const task of tasks) {
        const reasons: string[] = [];
        let confidence = 0;
        if (fromPage) {
          confidence += 0.45;
          reasons.push(`${entity.name} is the page's ${entity.kind}`);
        } else if (run.how === 'exact') {
          confidence += 0.55;
          reasons.push(`names ${entity.kind} ${entity.name}`);
        } else {
          confidence += 0.4;
          reasons.push(`names ${entity.kind} ${entity.name} (other zero padding)`);
        }
        if (entity.sequence && namedSequences.includes(entity.sequence)) {
          confidence += 0.1;
          reasons.push(`and its sequence ${entity.sequence}`);
        }
        if (entity.episode && namedEpisodes.includes(entity.episode)) {
          confidence += 0.05;
          reasons.push(`and its episode ${entity.episode}`);
        }
        const type = typeName.get(task.taskTypeId) ?? 'task';
        if (namedTypes.some((named) => named.id === task.taskTypeId)) {
          confidence += 0.35;
          reasons.push(`names task type ${type}`);
        } else if (scope.taskTypeId || scope.taskId) {
          confidence += 0.3;
          reasons.push(`${type} is the page's task type`);
        } else if (tasks.length === 1) {
          confidence += 0.15;
          reasons.push(`${type} is its only task`);
        } else {
          confidence += 0.05;
          reasons.push(`no task type in the name: ${type} is one of ${tasks.length}`);
        }
        candidates.push({
          taskId: task.id,
          entityId: entity.id,
          taskTypeId: task.taskTypeId,
          label: labelOf(entity, task.taskTypeId),
          confidence: Math.min(1, Math.round(confidence * 100) / 100),
          reasons,
        });
      }
    }
    if (candidates.length === 0) {
      const entities = targets.map(({ entity }) => entity.name).join(', ');
      const types = allowedTypes?.map((id) => typeName.get(id) ?? id).join(' or ');
      return result('unmatched', {
        problem: types ? `${entities} has no ${types} task.` : `${entities} has no task.`,
      });
    }
    candidates.sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
    const [best, second] = candidates;
    if (best && best.confidence >= MATCH_THRESHOLD && (!second || best.confidence - second.confidence >= CLEAR_LEAD)) {
      return result('matched', { match: best, alternatives: candidates.slice(1, MAX_ALTERNATIVES + 1) });
    }
    const problem =
      second && best && best.confidence - second.confidence < CLEAR_LEAD
        ? `${candidates.length} tasks fit equally well: choose one.`
        : 'The name says too little to be sure: choose the task.';
    return result('ambiguous', { alternatives: candidates.slice(0, MAX_ALTERNATIVES), problem });
  }

  return { match };
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
