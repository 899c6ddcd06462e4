import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/connections/session';
import { parseKitsuUrl } from '../../lib/kitsu-routes';
import { allowedSenders } from '../../lib/messaging/protocol';
import { diffPlan } from '../../lib/plans/diff';
import { computeImpact } from '../../lib/plans/impact';
import { PlanSchema } from '../../lib/plans/model';
import { refusalReason } from '../../lib/plans/permissions';
import { fileProblem, MAX_UPLOAD_BYTES, previewFormat } from '../../lib/publish/formats';
import { buildPublishPlan, commentText, DEFAULT_COMMENT_TEMPLATE, PublishPlanError } from '../../lib/publish/plan';
import { publishCatalog, publishPageOf, publishPlan } from '../../lib/publish/service';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const TASK_TYPE = '22222222-2222-4222-8222-222222222222';
const ENTITY = '33333333-3333-4333-8333-333333333333';
const TASK = '44444444-4444-4444-8444-444444444444';
const EPISODE = '55555555-5555-4555-8555-555555555555';

const tasks = new Map([
  ['t1', { id: 't1', task_status_id: 'st-wip', label: 'E01 / SQ010 / SH0010 / Animation' }],
  ['t2', { id: 't2', task_status_id: 'st-wfa', label: 'E01 / SQ010 / SH0020 / Animation' }],
]);
const file = (name: string, size = 1000) => ({ id: `file-${name}`, name, size, type: 'image/png' });
const input = {
  planId: 'plan-publish',
  now: new Date('2026-11-29T10:00:00Z'),
  host: 'https://kitsu.studio.example',
  projectId: 'project-1',
  tasks,
  template: DEFAULT_COMMENT_TEMPLATE,
  statusId: 'st-wfa',
};

describe('commentText', () => {
  it('fills the file, the padded version and the task', () => {
    expect(commentText('{task}: {file} (v{version})', { fileName: 'a.png', version: 3, taskLabel: 'SH0010' })).toBe(
      'SH0010: a.png (v003)',
    );
  });
  it('leaves out the part about an unknown version', () => {
    expect(commentText(DEFAULT_COMMENT_TEMPLATE, { fileName: 'a.png', version: null, taskLabel: 'x' })).toBe(
      'New version: a.png',
    );
  });
});

describe('buildPublishPlan', () => {
  it('one publish-preview per file, changing the status only where it differs, each expecting the status seen', () => {
    const plan = buildPublishPlan({
      ...input,
      items: [
        { file: file('SH0010_anim_v003.png'), taskId: 't1', version: 3 },
        { file: file('SH0020_anim_v001.mp4', 5_000_000), taskId: 't2', version: 1 },
      ],
    });
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(plan.title).toBe('Publish 2 previews');
    expect(plan.origin).toEqual({ kind: 'publish', id: 'batch-publish' });
    expect(plan.operations).toEqual([
      expect.objectContaining({
        kind: 'publish-preview',
        taskId: 't1',
        text: 'New version: SH0010_anim_v003.png (v003)',
        statusBefore: 'st-wip',
        statusAfter: 'st-wfa',
        preconditions: { statusId: 'st-wip' },
      }),
      expect.objectContaining({ kind: 'publish-preview', taskId: 't2', preconditions: { statusId: 'st-wfa' } }),
    ]);
    expect(plan.operations[1]).not.toHaveProperty('statusAfter');

    const lines = diffPlan(plan, { statuses: [], persons: [] }).tasks[1]?.lines.map((line) => line.text);
    expect(lines).toEqual([
      'Comment: New version: SH0020_anim_v001.mp4 (v001)',
      'Preview: SH0020_anim_v001.mp4 (5 MB)',
    ]);
  });

  it('keeps every status when asked', () => {
    const plan = buildPublishPlan({
      ...input,
      statusId: null,
      items: [{ file: file('a.png'), taskId: 't1', version: 1 }],
    });
    expect(plan.operations[0]).not.toHaveProperty('statusAfter');
  });

  it('refuses a task that is gone and an empty list, in words', () => {
    expect(() => buildPublishPlan({ ...input, items: [{ file: file('a.png'), taskId: 'gone', version: 1 }] })).toThrow(
      new PublishPlanError('a.png: its task is not in this production any more.'),
    );
    expect(() => buildPublishPlan({ ...input, items: [] })).toThrow(PublishPlanError);
  });

  it('a publish is a comment to impact and permissions: assignees notified, artists held to their statuses', () => {
    const plan = buildPublishPlan({ ...input, items: [{ file: file('a.png'), taskId: 't1', version: 1 }] });
    const [op] = plan.operations;
    if (!op) throw new Error('no operation');
    const impact = computeImpact({
      plan,
      token: { personId: 'bot', role: 'supervisor', departmentIds: [] },
      team: [
        { id: 'bot', full_name: 'Bot' },
        { id: 'ana', full_name: 'Ana Lima' },
      ],
      persons: [],
      departments: [],
      taskTypes: [{ id: 'tt', name: 'Animation', department_id: null }],
      statuses: [{ id: 'st-wfa', name: 'WFA', is_artist_allowed: false }],
      tasks: {
        t1: {
          id: 't1',
          entity_id: 'e1',
          entity_kind: 'shot',
          task_type_id: 'tt',
          task_status_id: 'st-wip',
          assignees: ['ana'],
        },
      },
      entityTasks: {},
      statusAutomations: [],
      marker: { operator: 'Mina', template: '— {operator}' },
    });
    expect(impact.operations[0]?.notified.map((recipient) => recipient.name)).toEqual(['Ana Lima']);
    expect(
      refusalReason(op, {
        token: { personId: 'ana', role: 'user', departmentIds: [] },
        inTeam: true,
        taskDepartmentId: null,
        assignees: ['ana'],
        commentStatus: { name: 'WFA', is_artist_allowed: false },
      }),
    ).toBe('artists may not set the status WFA');
  });
});

describe('formats and limits', () => {
  it.each([
    ['png', 'picture'],
    ['JPG', 'picture'],
    ['mov', 'movie'],
    ['mp4', 'movie'],
    ['pdf', 'file'],
    ['exr', 'file'],
    ['tiff', 'refused'],
    ['', 'refused'],
  ])('%s is a %s', (extension, format) => {
    expect(previewFormat(extension)).toBe(format);
  });

  it('says why a file cannot be published', () => {
    expect(fileProblem({ name: 'a.png', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'a.TIFF', size: 10 })).toBe('Kitsu does not take .tiff files as previews.');
    expect(fileProblem({ name: 'README', size: 10 })).toBe('The file has no extension.');
    expect(fileProblem({ name: 'a.png', size: 0 })).toBe('The file is empty.');
    expect(fileProblem({ name: 'a.mov', size: MAX_UPLOAD_BYTES + 1 })).toBe(
      'The file is larger than Kitsu accepts (1 GB).',
    );
  });
});

describe('publishPageOf', () => {
  const base = `https://kitsu.studio.example/productions/${PROJECT}`;
  it.each([
    [`${base}/shots/task-types/${TASK_TYPE}`, { taskTypeId: TASK_TYPE }],
    [`${base}/episodes/${EPISODE}/shots/task-types/${TASK_TYPE}`, { episodeId: EPISODE, taskTypeId: TASK_TYPE }],
    [`${base}/episodes/all/shots`, {}],
    [`${base}/shots/${ENTITY}`, { entityId: ENTITY }],
    [`${base}/shots/tasks/${TASK}`, { taskId: TASK }],
  ])('%s', (url, scope) => {
    expect(publishPageOf(parseKitsuUrl(url))).toEqual({ projectId: PROJECT, scope });
  });

  it('is not offered outside a production', () => {
    expect(publishPageOf(parseKitsuUrl('https://kitsu.studio.example/my-tasks'))).toBeNull();
  });
});

describe('who may ask', () => {
  it('only the extension publish page reads the catalog and proposes uploads; a Kitsu page may only open it', () => {
    expect(allowedSenders['publish/catalog']).toEqual(['extension-page']);
    expect(allowedSenders['publish/propose']).toEqual(['extension-page']);
    expect(allowedSenders['publish/open']).toEqual(['content-script']);
  });
});

describe('the background side: catalog and plan from the session reads', () => {
  const listTask = (id: string, typeId: string, statusId: string) => ({
    id,
    task_type_id: typeId,
    task_status_id: statusId,
  });
  const reads = {
    project: async () => ({ id: 'p1', name: 'Fox Tales' }),
    episodes: async () => [{ id: 'ep1', name: 'E01' }],
    shotsWithTasks: async () => [
      {
        id: 's1',
        name: 'SH0010',
        canceled: false,
        sequence_name: 'SQ010',
        episode_id: 'ep1',
        tasks: [listTask('t1', 'tt-anim', 'st-wip')],
      },
      { id: 's2', name: 'SH0020', canceled: true, sequence_name: 'SQ010', episode_id: 'ep1', tasks: [] },
    ],
    assetsWithTasks: async () => [
      { id: 'a1', name: 'Kit the Fox', canceled: false, episode_id: null, tasks: [listTask('t2', 'tt-mod', 'st-wfa')] },
    ],
    taskTypes: async () => [
      { id: 'tt-anim', name: 'Animation', short_name: 'ANIM' },
      { id: 'tt-mod', name: 'Modeling', short_name: 'MOD' },
      { id: 'tt-unused', name: 'Lighting', short_name: 'LGT' },
    ],
    taskStatuses: async () => [
      { id: 'st-wip', name: 'Work In Progress', short_name: 'wip', is_feedback_request: false },
      { id: 'st-client', name: 'Client Review', short_name: 'crev', is_feedback_request: true },
      { id: 'st-wfa', name: 'Waiting For Approval', short_name: 'wfa', is_feedback_request: true },
      { id: 'st-old', name: 'Old', short_name: 'old', is_feedback_request: true, archived: true },
    ],
  };
  const session = { reads, connection: { origin: 'https://kitsu.studio.example' } } as unknown as Session;
  const page = { projectId: 'p1', scope: {} };

  it('lists live entities with their sequence and episode names, the task types in use, and WFA by default', async () => {
    const catalog = await publishCatalog(session, page);
    expect(
      catalog.entities.map((entity) => [entity.kind, entity.name, entity.sequence ?? null, entity.episode]),
    ).toEqual([
      ['shot', 'SH0010', 'SQ010', 'E01'],
      ['asset', 'Kit the Fox', null, null],
    ]);
    expect(catalog.taskTypes.map((type) => type.name)).toEqual(['Animation', 'Modeling']);
    expect(catalog.defaultStatusId).toBe('st-wfa');
    expect(catalog.statuses.map((status) => status.id)).not.toContain('st-old');
    expect(catalog.taskStatuses).toEqual({ t1: 'st-wip', t2: 'st-wfa' });
  });

  it('builds the plan with labels and current statuses, and refuses an unknown status', async () => {
    const item = { file: file('SH0010_anim_v001.png', 3), taskId: 't1', version: 1 };
    // The file as the publish page stored it: 3 bytes of a PNG.
    const blob = new Blob(['png'], { type: 'image/png' });
    const stored = { files: { stored: async () => ({ name: item.file.name, blob }) }, maxPlanGigabytes: 5 };
    const plan = await publishPlan(
      session,
      page,
      { items: [item], template: '{file}', statusId: 'st-wfa' },
      { planId: 'plan-x', now: new Date('2026-11-29T10:00:00Z'), ...stored },
    );
    expect(plan.host).toBe('https://kitsu.studio.example');
    expect(plan.operations[0]).toMatchObject({
      taskLabel: 'E01 / SQ010 / SH0010 / Animation',
      statusBefore: 'st-wip',
      statusAfter: 'st-wfa',
      text: 'SH0010_anim_v001.png',
    });
    await expect(
      publishPlan(
        session,
        page,
        { items: [item], template: '{file}', statusId: 'nope' },
        { planId: 'p', now: new Date(), ...stored },
      ),
    ).rejects.toThrow(new PublishPlanError('That status is not one of this Kitsu’s statuses.'));
    // The stored file decides, not the page: a 3-byte file declared as 3 bytes, stored as 4 MB, is refused.
    const larger = {
      ...stored,
      files: {
        stored: async () => ({ name: item.file.name, blob: new Blob(['x'.repeat(4e6)], { type: 'image/png' }) }),
      },
    };
    await expect(
      publishPlan(
        session,
        page,
        { items: [item], template: '{file}', statusId: null },
        { planId: 'p', now: new Date(), ...larger },
      ),
    ).rejects.toThrow('is not the file Sidekick stored for it');
    // Within the formats, but above the plan's total size setting.
    await expect(
      publishPlan(
        session,
        page,
        { items: [item], template: '{file}', statusId: null },
        { planId: 'p', now: new Date(), ...stored, maxPlanGigabytes: 2e-9 },
      ),
    ).rejects.toThrow('more than the 2e-9 GB one publish may upload');
  });
});
