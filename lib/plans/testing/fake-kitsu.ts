// An in-memory zou for the executor's tests, with zou 1.0.97's semantics for
// the routes plans use: permission rules, bulk routes that skip silently,
// write answers without assignees (except assign), status recomputed when a
// comment is deleted. test/kitsu/plans-contract.test.ts runs the same inputs
// against the real server and this fake and compares what they answer.
import { type Comment, KitsuApiError, type Task, type TaskRow, type TaskUpdate } from '../../kitsu';
import type { KitsuRole } from '../../shared/roles';
import type { PlanClient } from '../steps';

export interface FakePerson {
  id: string;
  full_name: string;
  departments: readonly string[];
  is_bot?: boolean;
}

export interface FakeStatus {
  id: string;
  name: string;
  short_name: string;
  /** Kitsu's status colour ("#rrggbb"), as zou always sends it. */
  color: string;
  is_default?: boolean | null;
  is_retake?: boolean;
  is_artist_allowed?: boolean | null;
  is_client_allowed?: boolean | null;
}

export interface FakeKitsuSeed {
  projectId: string;
  /** The token's person and role on the production. */
  caller: { id: string; role: KitsuRole; departments: readonly string[] };
  persons: readonly FakePerson[];
  taskTypes: readonly { id: string; department_id: string | null }[];
  statuses: readonly FakeStatus[];
  tasks: readonly Task[];
  comments?: readonly Comment[];
  botCollaboration?: boolean;
  now?: () => Date;
}

export type WriteRoute =
  | 'POST /actions/tasks/:taskId/comment'
  | 'POST /actions/projects/:projectId/tasks/comment-many'
  | 'PUT /actions/persons/:personId/assign'
  | 'PUT /actions/tasks/clear-assignation'
  | 'PUT /actions/tasks/set-priority'
  | 'PUT /data/tasks/:taskId'
  | 'DELETE /data/tasks/:taskId/comments/:commentId';

/**
 * A fault for the next call of a route: fail before zou acts, or act and then fail or never answer (a
 * crash); 'replay' is the browser sending a request again, on its own, after its connection was cut before
 * any byte of the answer: zou acts twice and the client only sees the second answer.
 */
export interface Fault {
  route: WriteRoute;
  when: 'before' | 'after';
  effect: KitsuApiError | 'hang' | 'replay';
}

const forbidden = (route: string) =>
  new KitsuApiError({ kind: 'permission', route, status: 403, serverMessage: "You don't have the permission" });
const notFound = (route: string) => new KitsuApiError({ kind: 'not-found', route, status: 404 });

/** zou timestamps: UTC, no zone, seconds. */
const stamp = (date: Date) => date.toISOString().slice(0, 19);

export function createFakeKitsu(seed: FakeKitsuSeed) {
  const tasks = new Map(seed.tasks.map((task) => [task.id, structuredClone(task) as Task]));
  const comments: Comment[] = (seed.comments ?? []).map((comment) => structuredClone(comment));
  const caller = seed.caller;
  const faults: Fault[] = [];
  const calls: { route: WriteRoute; taskIds: string[] }[] = [];
  const reads: { route: string; taskIds: string[] }[] = [];
  let clock = seed.now ?? (() => new Date());
  let counter = 0;

  const department = (task: Task) =>
    seed.taskTypes.find((type) => type.id === task.task_type_id)?.department_id ?? null;
  const supervises = (task: Task) =>
    caller.role === 'supervisor' &&
    (caller.departments.length === 0 || caller.departments.includes(department(task) ?? '\u0000'));
  const manager = caller.role === 'admin' || caller.role === 'manager';
  const row = (task: Task): TaskRow => {
    const { assignees: _dropped, ...rest } = task;
    return structuredClone(rest);
  };
  const must = (taskId: string, route: string) => {
    const task = tasks.get(taskId);
    if (!task) throw notFound(route);
    return task;
  };

  async function write<T>(route: WriteRoute, taskIds: string[], act: () => T): Promise<T> {
    calls.push({ route, taskIds });
    const index = faults.findIndex((fault) => fault.route === route);
    const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
    const fail = async () => {
      if (fault?.effect === 'hang') await new Promise(() => {});
      throw fault?.effect;
    };
    if (fault?.effect === 'replay') act();
    else if (fault?.when === 'before') await fail();
    const result = act();
    if (fault?.when === 'after' && fault.effect !== 'replay') await fail();
    return structuredClone(result);
  }

  function checkStatus(statusId: string, route: string) {
    const status = seed.statuses.find((item) => item.id === statusId);
    if (!status) throw notFound(route);
    if (caller.role === 'user' && !status.is_artist_allowed) throw forbidden(route);
    if (caller.role === 'client' && !status.is_client_allowed) throw forbidden(route);
  }

  function createComment(task: Task, statusId: string, text: string, authorId = caller.id): Comment {
    counter += 1;
    const comment: Comment = {
      id: `fake-comment-${counter}`,
      object_id: task.id,
      object_type: 'Task',
      text,
      task_status_id: statusId,
      person_id: authorId,
      created_at: stamp(clock()),
    };
    comments.push(comment);
    if (task.last_comment_date === null || task.last_comment_date <= comment.created_at) {
      task.task_status_id = statusId;
      task.last_comment_date = comment.created_at;
    }
    return comment;
  }

  const newestFirst = (taskId: string) =>
    comments
      .filter((comment) => comment.object_id === taskId)
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));

  function requireIds(route: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) throw new KitsuApiError({ kind: 'validation', route, status: 400 });
  }

  const client: PlanClient = {
    async task(taskId) {
      return structuredClone(must(taskId, 'GET /data/tasks/:taskId'));
    },
    async tasksByIds(taskIds) {
      reads.push({ route: 'GET /data/tasks', taskIds: [...taskIds] });
      return taskIds.flatMap((taskId) => {
        const task = tasks.get(taskId);
        return task ? [structuredClone(task)] : [];
      });
    },
    async taskComments(taskId) {
      must(taskId, 'GET /data/tasks/:taskId/comments');
      return structuredClone(newestFirst(taskId));
    },
    async projectComments(_projectId, { page, limit }) {
      reads.push({ route: 'GET /data/projects/:projectId/comments', taskIds: [] });
      const ordered = [...comments].sort((a, b) =>
        (b.updated_at ?? b.created_at).localeCompare(a.updated_at ?? a.created_at),
      );
      const data = ordered.slice((page - 1) * limit, page * limit);
      return structuredClone({ data, total: ordered.length, nb_pages: Math.ceil(ordered.length / limit) });
    },
    commentTask(taskId, body) {
      const route = 'POST /actions/tasks/:taskId/comment';
      return write(route, [taskId], () => {
        const task = must(taskId, route);
        const allowed = manager || caller.role === 'client' || task.assignees.includes(caller.id) || supervises(task);
        if (!allowed) throw forbidden(route);
        checkStatus(body.task_status_id, route);
        return createComment(task, body.task_status_id, body.comment);
      });
    },
    batchComment(_projectId, items) {
      const route = 'POST /actions/projects/:projectId/tasks/comment-many';
      return write(
        route,
        items.map((item) => item.task_id),
        () => {
          const allowed = items.filter((item) => {
            const task = tasks.get(item.task_id);
            return task && (manager || supervises(task) || task.assignees.includes(caller.id));
          });
          // Not atomic: a status refusal stops the list after earlier comments were created.
          return allowed.map((item) => {
            checkStatus(item.task_status_id, route);
            return createComment(must(item.task_id, route), item.task_status_id, item.comment);
          });
        },
      );
    },
    assignTasks(personId, taskIds) {
      const route = 'PUT /actions/persons/:personId/assign';
      requireIds(route, taskIds);
      return write(route, [...taskIds], () => {
        const person = seed.persons.find((item) => item.id === personId);
        const assigned: Task[] = [];
        for (const taskId of taskIds) {
          const task = tasks.get(taskId);
          if (!task) continue;
          if (!person) throw new KitsuApiError({ kind: 'validation', route, status: 400 });
          if (person.is_bot && !seed.botCollaboration) continue;
          const inTaskDepartment = department(task) !== null && caller.departments.includes(department(task) ?? '');
          const allowed =
            manager ||
            (caller.role === 'supervisor' &&
              (caller.departments.length === 0 ||
                (inTaskDepartment && person.departments.some((id) => caller.departments.includes(id))))) ||
            (inTaskDepartment && personId === caller.id);
          if (!allowed) continue;
          if (!task.assignees.includes(personId)) task.assignees = [...task.assignees, personId];
          task.assigner_id = caller.id;
          assigned.push(task);
        }
        return assigned;
      });
    },
    clearAssignation(taskIds, personId) {
      const route = 'PUT /actions/tasks/clear-assignation';
      requireIds(route, taskIds);
      return write(route, [...taskIds], () =>
        taskIds.filter((taskId) => {
          const task = tasks.get(taskId);
          if (!task) return false;
          const selfRemoval = task.assignees.includes(caller.id) && personId === caller.id;
          if (!(manager || supervises(task) || selfRemoval)) return false;
          task.assignees = personId === undefined ? [] : task.assignees.filter((id) => id !== personId);
          return true;
        }),
      );
    },
    setPriority(taskIds, priority) {
      const route = 'PUT /actions/tasks/set-priority';
      requireIds(route, taskIds);
      return write(route, [...taskIds], () =>
        taskIds.flatMap((taskId) => {
          const task = tasks.get(taskId);
          if (!task || !(manager || supervises(task))) return [];
          task.priority = priority;
          return [row(task)];
        }),
      );
    },
    updateTask(taskId, fields: TaskUpdate) {
      const route = 'PUT /data/tasks/:taskId';
      return write(route, [taskId], () => {
        const task = must(taskId, route);
        if (!(manager || supervises(task))) throw forbidden(route);
        // zou stores dates as datetimes and answers them with a time.
        const asDateTime = (value: string | null | undefined) =>
          value === null || value === undefined ? null : `${value.slice(0, 10)}T00:00:00`;
        if ('start_date' in fields) task.start_date = asDateTime(fields.start_date);
        if ('due_date' in fields) task.due_date = asDateTime(fields.due_date);
        if (fields.estimation !== undefined) task.estimation = fields.estimation;
        if (fields.priority !== undefined) task.priority = fields.priority;
        if (fields.difficulty !== undefined) task.difficulty = fields.difficulty;
        return row(task);
      });
    },
    async deleteComment(taskId, commentId) {
      const route = 'DELETE /data/tasks/:taskId/comments/:commentId';
      await write(route, [taskId], () => {
        const task = must(taskId, route);
        const index = comments.findIndex((comment) => comment.id === commentId && comment.object_id === taskId);
        const comment = comments[index];
        if (!comment) throw notFound(route);
        if (!manager && comment.person_id !== caller.id) throw forbidden(route);
        comments.splice(index, 1);
        // zou's reset_task_data: status and last comment date from the newest remaining comment.
        const [newest] = newestFirst(taskId);
        task.task_status_id = newest?.task_status_id ?? defaultStatusId();
        task.last_comment_date = newest?.created_at ?? null;
      });
    },
  };

  function defaultStatusId(): string {
    const defaults = seed.statuses.filter((status) => status.is_default);
    const status = defaults.find((item) => item.short_name === 'todo') ?? defaults[0];
    if (!status) throw new Error('the fake needs a default status');
    return status.id;
  }

  return {
    client,
    /** Write calls received, in order, with the task ids each carried. */
    calls,
    /** List reads received (batched task reads, comment pages), in order. */
    reads,
    inject(fault: Fault) {
      faults.push(fault);
    },
    setClock(next: () => Date) {
      clock = next;
    },
    /** A person changing the task outside Sidekick. */
    edit(taskId: string, change: Partial<Task>) {
      Object.assign(must(taskId, 'edit'), change);
    },
    commentAs(personId: string, taskId: string, statusId: string, text: string): Comment {
      return createComment(must(taskId, 'comment'), statusId, text, personId);
    },
    comments: (taskId: string) => structuredClone(newestFirst(taskId)),
  };
}

export type FakeKitsu = ReturnType<typeof createFakeKitsu>;
