// The two bot accounts Sidekick's tests use.
//
// Writer = global role "supervisor" with NO departments. In zou 1.0.97
// (zou/app/services/permissions_service.py) a department-less supervisor who
// is in the production team passes every check Sidekick's writes hit:
//   - comment + status change: check_task_action_access (supervisor with departments == []),
//     and check_task_status_access only restricts artists and clients;
//   - assign / unassign: check_task_department_access and
//     check_task_department_access_for_unassign (same departments == [] branch);
//   - due/start dates, estimation, priority, difficulty, data (PUT /data/tasks/{id},
//     PUT /actions/tasks/set-priority): check_supervisor_task_access, limited to exactly those fields.
// A "manager" would pass too but may also create/delete tasks and entities, edit
// the production and forge comment authors/dates: more power than Sidekick needs.
// Known gap: the event log catch-up route (GET /data/events/last) is managers only.
//
// Reader = role "user" (artist): a team member that can read the production but
// may neither comment on tasks it is not assigned to nor edit task fields.
import { mapWithConcurrency } from './zou-client.mjs';

const BOTS = {
  writer: {
    first_name: 'Sidekick',
    last_name: 'Writer',
    email: 'sidekick-writer-bot@foxtales-studio.net',
    role: 'supervisor',
  },
  reader: {
    first_name: 'Sidekick',
    last_name: 'Reader',
    email: 'sidekick-reader-bot@foxtales-studio.net',
    role: 'user',
  },
};

// Bot tokens expire at the end of expiration_date; a year is plenty for a test stack.
function expirationDate() {
  return new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Creates both bots, or reuses those of an earlier seed on the same database.
 * Setting expiration_date on an existing bot rotates its token, which is the
 * only way to read a bot token again.
 */
export async function ensureBots(admin) {
  const persons = await admin.get('/data/persons');
  const entries = await mapWithConcurrency(Object.entries(BOTS), 2, async ([key, bot]) => {
    const body = { ...bot, departments: [], expiration_date: expirationDate() };
    const existing = persons.find((person) => person.is_bot && person.email === bot.email);
    const saved = existing
      ? await admin.put(`/data/persons/${existing.id}`, body)
      : await admin.post('/data/persons', { ...body, is_bot: true });
    if (!saved.access_token) throw new Error(`zou returned no access_token for the ${key} bot.`);
    return [key, { id: saved.id, name: saved.full_name, role: saved.role, token: saved.access_token }];
  });
  return Object.fromEntries(entries);
}
