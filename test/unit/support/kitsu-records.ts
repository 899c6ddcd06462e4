// Kitsu records as the session's cached reads return them, for the agent's unit tests: a late or
// retaken task only needs to name the fields that make it so.
import { PROJECT } from '../../../lib/agent/testing';
import type { ListTask, ShotWithTasks } from '../../../lib/kitsu';

export const listTask = (overrides: Partial<ListTask> & { id: string }): ListTask => ({
  entity_id: 'sh010',
  task_status_id: 'todo',
  task_type_id: 'anim',
  priority: 0,
  difficulty: 3,
  estimation: null,
  duration: 0,
  retake_count: 0,
  start_date: null,
  due_date: null,
  real_start_date: null,
  end_date: null,
  done_date: null,
  last_comment_date: null,
  assignees: [],
  ...overrides,
});

/** A shot of sequence SQ010 in the agent fixtures' production. */
export const shot = (id: string, tasks: ListTask[]): ShotWithTasks => ({
  id,
  name: id.toUpperCase(),
  project_id: PROJECT,
  canceled: false,
  parent_id: 'sq010',
  sequence_id: 'sq010',
  sequence_name: 'SQ010',
  episode_id: null,
  tasks,
});

export const person = (id: string, role: string, departments = ['d-anim']) => ({
  id,
  first_name: id,
  last_name: 'Doe',
  full_name: `${id} Doe`,
  role,
  active: true,
  is_bot: false,
  departments,
});
