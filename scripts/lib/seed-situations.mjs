import { COMMENT_TEXTS } from './fox-tales-data.mjs';
import { byName, commentTimestamp, daysFromToday, isoDate, MINUTES_PER_DAY } from './seed-helpers.mjs';

// Situations the agent's rules look for, on shots of their own (added after every random choice, so the
// rest of the production is the same as without them). zou derives a task's dates from the moment a
// comment is posted; history replayed newest first makes zou recompute them from the back-dated
// comments (tasks_service.reset_task_data), as if the work had really happened on those days.
export const SITUATION_SEQUENCE = 'SQ030';
export const SITUATIONS = [
  {
    // Waiting for approval for 8 days (critical from 7 by default).
    shot: 'SH9010',
    purpose: 'review-backlog',
    artist: 0,
    history: [
      ['wip', 12],
      ['wfa', 8],
    ],
  },
  {
    shot: 'SH9020',
    purpose: 'review-backlog',
    artist: 1,
    history: [
      ['wip', 9],
      ['wfa', 5],
    ],
  },
  {
    // Retaken three times, back at work since yesterday: zou counts each move to a retake status. Not in
    // review, so a recomputation of its dates (a test deleting a comment) cannot put it in the backlog.
    shot: 'SH9030',
    purpose: 'retake-loop',
    artist: 2,
    chronological: true,
    history: [
      ['wip', 30],
      ['wfa', 26],
      ['retake', 24],
      ['wfa', 20],
      ['retake', 18],
      ['wfa', 14],
      ['retake', 12],
      ['wip', 1],
    ],
  },
];
const SITUATION_TASK_TYPE = 'Animation';

export async function seedSituations(admin, project, reference, crew, sequences) {
  const sequence = byName(sequences, SITUATION_SEQUENCE, 'seeded sequence');
  const taskType = byName(reference.shotTaskTypes, SITUATION_TASK_TYPE, 'shot task type');
  const artists = crew.artistsFor(taskType);
  const reviewer = crew.reviewerFor(taskType);
  const seeded = [];
  for (const situation of SITUATIONS) {
    const shot = await admin.post(`/data/projects/${project.id}/shots`, {
      name: situation.shot,
      sequence_id: sequence.id,
      nb_frames: 96,
    });
    const artist = artists[situation.artist % artists.length];
    const task = await admin.post('/data/tasks', {
      name: 'main',
      project_id: project.id,
      task_type_id: taskType.id,
      entity_id: shot.id,
      task_status_id: reference.statusByShortName.todo.id,
      assigner_id: crew.manager.id,
      assignees: [artist.id],
      start_date: isoDate(daysFromToday(-situation.history[0][1])),
      due_date: isoDate(daysFromToday(10)),
      estimation: 4 * MINUTES_PER_DAY,
    });
    const steps = situation.chronological ? situation.history : [...situation.history].reverse();
    for (const [status, daysAgo] of steps) {
      await admin.post(`/actions/tasks/${task.id}/comment`, {
        task_status_id: reference.statusByShortName[status].id,
        comment: COMMENT_TEXTS[status][daysAgo % COMMENT_TEXTS[status].length],
        person_id: (status === 'retake' ? reviewer : artist).id,
        created_at: commentTimestamp(daysAgo, 11),
      });
    }
    seeded.push({ ...situation, shotId: shot.id, taskId: task.id });
  }
  return seeded;
}
