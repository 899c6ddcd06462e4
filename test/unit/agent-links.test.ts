import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS, runRules } from '../../lib/agent';
import { taskPageUrl } from '../../lib/agent/links';
import { contexts, HOST, NOW, snapshot, task } from '../../lib/agent/testing';
import { suggestionsView, taskLinker } from '../../lib/agent/view';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

const PROJECT = '0f0e0d0c-0000-4000-8000-000000000001';
const EPISODE = '0f0e0d0c-0000-4000-8000-0000000000e1';
const TASK = '0f0e0d0c-0000-4000-8000-00000000a001';
const ORIGIN = 'https://kitsu.studio.example';

describe('links to the Kitsu page of a task', () => {
  it('builds the task route of a shot in its episode, which the route parser reads back', () => {
    const url = taskPageUrl(ORIGIN, { projectId: PROJECT, taskId: TASK, entityType: 'shot', episodeId: EPISODE });
    expect(url).toBe(`${ORIGIN}/productions/${PROJECT}/episodes/${EPISODE}/shots/tasks/${TASK}`);
    expect(parseKitsuUrl(url)).toMatchObject({
      kind: 'task',
      productionId: PROJECT,
      episodeId: EPISODE,
      entityType: 'shot',
      taskId: TASK,
    });
  });

  it('opens a task without episode in the page’s episode scope, or in the production', () => {
    const asset = { projectId: PROJECT, taskId: TASK, entityType: 'asset' as const, episodeId: null };
    expect(parseKitsuUrl(taskPageUrl(ORIGIN, asset, 'main'))).toMatchObject({
      kind: 'task',
      episodeId: 'main',
      entityType: 'asset',
      taskId: TASK,
    });
    const film = taskPageUrl(ORIGIN, asset);
    expect(film).toBe(`${ORIGIN}/productions/${PROJECT}/assets/tasks/${TASK}`);
    expect(parseKitsuUrl(film)).toMatchObject({ kind: 'task', productionId: PROJECT, taskId: TASK });
  });

  it('stays on the connection’s origin whatever the ids hold', () => {
    const url = taskPageUrl(ORIGIN, {
      projectId: '../../evil',
      taskId: '//x.example/',
      entityType: 'shot',
      episodeId: null,
    });
    expect(new URL(url).origin).toBe(ORIGIN);
    expect(url).not.toContain('/../');
  });
});

describe('suggestions carry links to their evidence tasks', () => {
  const data = snapshot([
    task({ taskId: 'late1', entityName: 'SH010', dueDate: '2026-03-01', assigneeIds: ['ana'], episodeId: 'ep1' }),
    task({ taskId: 'late2', entityName: 'SH020', dueDate: '2026-03-05', assigneeIds: ['ben'] }),
  ]);
  const result = runRules(contexts.shots, data, DEFAULT_AGENT_SETTINGS, NOW);

  it('names each task and links it on the page’s Kitsu', () => {
    const view = suggestionsView(result.suggestions, result.suggestions, {
      link: taskLinker(result.index, HOST, contexts.shots),
    });
    const overdue = view.suggestions.filter((suggestion) => suggestion.ruleId === 'overdue');
    expect(overdue.map((suggestion) => suggestion.tasks)).toEqual([
      [
        {
          taskId: 'late1',
          label: 'SQ010 / SH010 / Animation',
          url: `${HOST}/productions/${data.project.id}/episodes/ep1/shots/tasks/late1`,
        },
      ],
      [
        {
          taskId: 'late2',
          label: 'SQ010 / SH020 / Animation',
          url: `${HOST}/productions/${data.project.id}/shots/tasks/late2`,
        },
      ],
    ]);
  });

  it('links no task the snapshot does not hold, and none without a linker', () => {
    const link = taskLinker(result.index, HOST, contexts.shots);
    expect(link('not-in-snapshot')).toBeUndefined();
    expect(taskLinker(undefined, HOST, contexts.shots)('late1')).toBeUndefined();
    const view = suggestionsView(result.suggestions, result.suggestions);
    expect(view.suggestions.every((suggestion) => suggestion.tasks.length === 0)).toBe(true);
  });
});
