// Previews of pending plans, as the background answers `plans/preview`: a test names only the fields it
// looks at.
import type { PlanPreview } from '../../../lib/messaging/protocol';

export type PreviewTask = PlanPreview['tasks'][number];

/** A pending plan previewing `overrides.tasks` (none by default), one operation a task unless told. */
export function planPreview(overrides: Partial<PlanPreview> = {}): PlanPreview {
  const tasks = overrides.tasks ?? [];
  return {
    planId: 'plan-1',
    title: 'A plan',
    host: 'https://kitsu.example',
    origin: { kind: 'bulk', id: 'x' },
    createdAt: '2026-12-07T00:00:00Z',
    expiresAt: '2026-12-07T00:15:00Z',
    state: 'pending',
    operator: 'Ada',
    markerExample: '… — Sidekick',
    operationCount: tasks.length,
    tasks,
    notifiedPeople: [],
    blockedCount: 0,
    warnings: [],
    ...overrides,
  };
}

/** A task row of a preview: a Layout task in Todo that nobody is assigned to and nothing blocks. */
export function previewTask(id: string, overrides: Partial<PreviewTask> = {}): PreviewTask {
  return {
    taskId: id,
    taskLabel: `${id} / Layout`,
    status: 'Todo',
    assignees: [],
    url: `https://kitsu.example/productions/p/shots/tasks/${id}`,
    lines: [],
    blocked: null,
    notified: [],
    hashtagCopies: [],
    automations: [],
    ...overrides,
  };
}
