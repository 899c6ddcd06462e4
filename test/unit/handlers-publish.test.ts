import { describe, expect, it, vi } from 'vitest';
import { createPublishHandlers } from '../../lib/publish/handlers';
import { answered, from, guardsFor, KITSU, PRODUCTION, refused, routeTo, sessionWith } from './handler-harness';

const SHOTS = `${KITSU}/productions/${PRODUCTION}/shots`;
const tab = { ...from.kitsuTab, url: SHOTS };
const file = (id: string) => ({ id, name: `${id}.mp4`, size: 10, type: 'video/mp4' });

function setup() {
  const openPublish = vi.fn(async () => {});
  const propose = vi.fn(async () => ({ planId: 'plan-1', operationCount: 1 }));
  const handlers = createPublishHandlers({
    guards: guardsFor(sessionWith()),
    flow: { propose },
    windows: { publish: openPublish },
    files: { stored: async () => undefined },
    settings: async () => ({ maxPlanGigabytes: 5 }),
    newId: () => 'plan-1',
    now: () => new Date('2026-11-29T10:00:00Z'),
  });
  return { openPublish, propose, route: routeTo(handlers) };
}

describe('publish handlers', () => {
  it('opens the publish page for the Kitsu page the dock is on', async () => {
    const { route, openPublish } = setup();
    expect(await route({ type: 'publish/open', url: SHOTS }, tab)).toEqual(answered({ opened: true }));
    expect(openPublish).toHaveBeenCalledWith(encodeURIComponent(SHOTS));
  });

  it('opens nothing for a page batch publish does not work on', async () => {
    const { route, openPublish } = setup();
    const myTasks = `${KITSU}/my-tasks`;
    expect(await route({ type: 'publish/open', url: myTasks }, { ...tab, url: myTasks })).toEqual(
      refused('Batch publish works on production, entity, task-type and task pages.'),
    );
    expect(openPublish).not.toHaveBeenCalled();
  });

  it('answers the publish page only about a configured Kitsu', async () => {
    const { route } = setup();
    const elsewhere = `https://other.example/productions/${PRODUCTION}/shots`;
    expect(await route({ type: 'publish/catalog', url: elsewhere }, from.publishPage)).toEqual(
      refused('This Kitsu has no connection any more.'),
    );
  });

  it('passes the publish checks’ refusals on in their words, before reading Kitsu', async () => {
    const { route, propose } = setup();
    const request = {
      type: 'publish/propose',
      url: SHOTS,
      items: [
        { file: file('f1'), taskId: 't1', version: null },
        { file: file('f1'), taskId: 't2', version: null },
      ],
      template: 'New version',
      statusId: null,
    };
    expect(await route(request, from.publishPage)).toEqual(refused('Each file can be published once per plan.'));
    expect(propose).not.toHaveBeenCalled();
  });
});
