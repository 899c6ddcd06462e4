// Small helpers every seed of this repository shares: dates relative to today, lookups by name, the
// team relation and replacing an earlier run's production.

// Enough parallelism to keep both gunicorn workers busy without queueing storms.
export const CONCURRENCY = 8;
export const MINUTES_PER_DAY = 8 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

export function daysFromToday(days) {
  return new Date(Date.now() + days * DAY_MS);
}

// zou parses comment created_at as "YYYY-MM-DD HH:MM:SS" (UTC). Office hours keep it plausible.
export function commentTimestamp(daysAgo, hour) {
  return `${isoDate(daysFromToday(-daysAgo))} ${String(hour).padStart(2, '0')}:${String((daysAgo * 7) % 60).padStart(2, '0')}:00`;
}

export function byName(items, name, description) {
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`zou has no ${description} named "${name}" (did \`zou init-data\` run?).`);
  return item;
}

/** A re-seed replaces the production; zou only deletes closed projects. */
export async function deleteExistingProduction(admin, name) {
  const projects = await admin.get('/data/projects');
  const previous = projects.find((project) => project.name === name);
  if (!previous) return;
  const [closed] = await admin.get('/data/project-status?name=Closed');
  await admin.put(`/data/projects/${previous.id}`, { project_status_id: closed.id });
  await admin.delete(`/data/projects/${previous.id}?force=true`);
}

export async function addToTeam(admin, projectId, personIds) {
  // Sequential: each call rewrites the project's team relation.
  for (const personId of personIds) {
    await admin.post(`/data/projects/${projectId}/team`, { person_id: personId });
  }
}
