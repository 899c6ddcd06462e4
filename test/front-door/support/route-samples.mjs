// A concrete path for each pattern of the front door's route table, from a set of ids.

/** '/productions/:production_id/episodes/:episode_id(...)/shots' + ids -> '/productions/P/episodes/E/shots'. */
export function samplePath(pattern, ids) {
  return pattern.replace(/:(\w+)(\([^/]*\))?/g, (_, name) => {
    if (!(name in ids)) throw new Error(`no sample value for :${name} in ${pattern}`);
    return ids[name];
  });
}

const FAKE_UUID = '0f0f0f0f-1111-4222-8333-444444444444';

/** Sample ids where nothing has to exist in Zou. */
export const PLACEHOLDER_IDS = {
  production_id: FAKE_UUID,
  episode_id: FAKE_UUID,
  type: 'shots',
  task_type_id: FAKE_UUID,
  task_id: FAKE_UUID,
  preview_id: FAKE_UUID,
  asset_id: FAKE_UUID,
  shot_id: FAKE_UUID,
  sequence_id: FAKE_UUID,
  edit_id: FAKE_UUID,
  asset_type_id: FAKE_UUID,
  playlist_id: FAKE_UUID,
  plugin_id: 'my-plugin',
  person_id: FAKE_UUID,
  template_id: FAKE_UUID,
  token: 'shared-token',
  year: '2026',
  month: '5',
  week: '20',
  day: '3',
};
