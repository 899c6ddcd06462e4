// Same-origin calls to Zou through the front door's /api, authenticated by Zou's HttpOnly cookie:
// no token ever reaches this script's state (cgwire/kitsu `src/store/api/client.js` does the same).
import { withBase } from './base.js';

export class UnauthenticatedError extends Error {}
export class NotFoundError extends Error {}

export async function api(path) {
  const response = await fetch(withBase(`/api${path}`), { headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 422) throw new UnauthenticatedError(`${path}: ${response.status}`);
  if (response.status === 404) throw new NotFoundError(`GET /api${path} answered 404`);
  if (!response.ok) throw new Error(`GET /api${path} answered ${response.status}`);
  return response.json();
}

export async function apiPost(path, body) {
  const response = await fetch(withBase(`/api${path}`), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 401 || response.status === 422) throw new UnauthenticatedError(`${path}: ${response.status}`);
  if (!response.ok) throw new Error(`POST /api${path} answered ${response.status}`);
  return response.json();
}

const memo = new Map();
/** Reference data fetched once per session (statuses, task types, people, productions). */
export function cachedApi(path) {
  if (!memo.has(path))
    memo.set(
      path,
      api(path).catch((error) => {
        memo.delete(path);
        throw error;
      }),
    );
  return memo.get(path);
}

/** A collection that may not exist on this Zou (optional features): an empty list instead of an error. */
export function optionalCollection(path) {
  const items = (answer) => (Array.isArray(answer) ? answer : (answer?.data ?? []));
  return cachedApi(path).then(items, (error) => {
    if (error instanceof UnauthenticatedError) throw error;
    return [];
  });
}

const byId = (items) => new Map(items.map((item) => [item.id, item]));
export const loadStatuses = () => cachedApi('/data/task-status').then(byId);
export const loadTaskTypes = () => cachedApi('/data/task-types').then(byId);
export const loadPersons = () => cachedApi('/data/persons').then(byId);
export const loadProductions = () => cachedApi('/data/projects/open');
export const loadEpisodes = (productionId) =>
  cachedApi(`/data/projects/${productionId}/episodes`).then((episodes) =>
    [...episodes].sort((a, b) => a.name.localeCompare(b.name)),
  );

export async function loadProduction(productionId) {
  const open = (await loadProductions()).find((production) => production.id === productionId);
  return open ?? cachedApi(`/data/projects/${productionId}`);
}

export async function referenceData() {
  const [statuses, taskTypes, persons] = await Promise.all([loadStatuses(), loadTaskTypes(), loadPersons()]);
  return { statuses, taskTypes, persons };
}

let sessionPromise = null;
export function loadSession() {
  sessionPromise ??= api('/auth/authenticated').catch((error) => {
    sessionPromise = null;
    throw error;
  });
  return sessionPromise;
}

/** After a login or a logout: nothing cached belongs to the next person. */
export function forgetSession() {
  memo.clear();
  sessionPromise = null;
}
