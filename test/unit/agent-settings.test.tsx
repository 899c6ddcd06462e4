// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AgentSettingsForm } from '../../components/AgentSettings';
import { type AgentSettings, DEFAULT_AGENT_SETTINGS, registry } from '../../lib/agent';
import { readAgentSources, runAgentOn } from '../../lib/agent/service';
import {
  AGENT_SETTINGS_KEY,
  AgentSettingsError,
  fieldValue,
  parseAgentSettings,
  readAgentSettings,
  SETTING_FIELDS,
  saveAgentSettings,
} from '../../lib/agent/settings';
import { contexts, HOST, NOW, PROJECT } from '../../lib/agent/testing';
import type { Session } from '../../lib/connections/session';
import { listTask, person, shot } from './support/kitsu-records';

const stored = async () =>
  (await fakeBrowser.storage.local.get(AGENT_SETTINGS_KEY))[AGENT_SETTINGS_KEY] as AgentSettings;

/** Every number in the settings, as "group.key" or "key". */
function numericLeaves(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, entry]) => {
    if (typeof entry === 'number') return [`${prefix}${key}`];
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) return numericLeaves(entry, `${key}.`);
    return [];
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('agent settings: schema and defaults', () => {
  it('has sensible defaults for every threshold, including the recent-human-decision window', () => {
    expect(DEFAULT_AGENT_SETTINGS).toMatchObject({
      disabledRules: [],
      recentHumanChangeDays: 3,
      minutesPerDay: 480,
      workdays: [1, 2, 3, 4, 5],
      overdue: { graceDays: 0, criticalAfterDays: 7 },
      reviewBacklog: { waitingDays: 3, criticalAfterDays: 7 },
      staleWip: { idleDays: 5 },
      retakeLoop: { retakeThreshold: 3 },
      priorityDrift: { minPriority: 1, idleDays: 3, blockingCount: 3 },
    });
  });

  it('offers a labelled field in the options page for every number of the settings, and only those', () => {
    const fields = SETTING_FIELDS.map((setting) =>
      setting.rule === null ? setting.key : `${setting.rule.settingsKey}.${setting.key}`,
    );
    expect(fields.sort()).toEqual(numericLeaves(DEFAULT_AGENT_SETTINGS).sort());
    for (const setting of SETTING_FIELDS) {
      expect(Number.isInteger(fieldValue(DEFAULT_AGENT_SETTINGS, setting)), setting.key).toBe(true);
      expect(setting.label.length).toBeGreaterThan(3);
    }
  });

  it('refuses bad input, naming each field and what is wrong', () => {
    const refuse = (input: unknown) => {
      try {
        parseAgentSettings(input);
      } catch (error) {
        if (error instanceof AgentSettingsError) return error.problems;
        throw error;
      }
      throw new Error('accepted');
    };
    expect(
      refuse({
        overdue: { graceDays: -1 },
        minutesPerDay: Number.NaN,
        workdays: [],
        retakeLoop: { retakeThreshold: 2.5 },
        recentHumanChangeDays: 1000,
      }),
    ).toEqual([
      'Recent human decisions (days): must be 365 or less.',
      'Working time per day (minutes): must be a number.',
      'Working days: pick at least one working day.',
      'Overdue, Days late before it counts: must be 0 or more.',
      'Retake loop, Retakes: must be a whole number.',
    ]);
    expect(refuse({ disabledRules: ['no-such-rule'] })[0]).toMatch(/^Rules switched off: /);
  });
});

describe('agent settings: storage', () => {
  it('reads the defaults when nothing is stored, and fills fields a stored version lacks', async () => {
    expect(await readAgentSettings()).toEqual(DEFAULT_AGENT_SETTINGS);
    await fakeBrowser.storage.local.set({ [AGENT_SETTINGS_KEY]: { staleWip: { idleDays: 9 } } });
    const settings = await readAgentSettings();
    expect(settings.staleWip).toEqual({ idleDays: 9 });
    expect(settings.overdue).toEqual(DEFAULT_AGENT_SETTINGS.overdue);
  });

  it('falls back to the defaults when the stored settings are damaged', async () => {
    await fakeBrowser.storage.local.set({ [AGENT_SETTINGS_KEY]: { minutesPerDay: 'lots' } });
    expect(await readAgentSettings()).toEqual(DEFAULT_AGENT_SETTINGS);
  });

  it('saves what it validated, and nothing when refused', async () => {
    await saveAgentSettings({ reviewBacklog: { waitingDays: 5 } });
    expect((await stored()).reviewBacklog).toEqual({ waitingDays: 5, criticalAfterDays: 7 });
    await expect(saveAgentSettings({ reviewBacklog: { waitingDays: -5 } })).rejects.toThrow(
      'Review backlog, Waiting for more than (days): must be 0 or more.',
    );
    expect((await stored()).reviewBacklog).toEqual({ waitingDays: 5, criticalAfterDays: 7 });
  });
});

describe('agent settings: the rules run with the stored thresholds', () => {
  const today = NOW.toISOString().slice(0, 10);
  const fiveDaysAgo = new Date(NOW.getTime() - 5 * 86_400_000).toISOString().slice(0, 10);
  const lateTask = listTask({
    id: 'task-late',
    estimation: 480,
    start_date: `${fiveDaysAgo}T00:00:00`,
    due_date: `${fiveDaysAgo}T00:00:00`,
    assignees: ['ana'],
  });
  // The session's cached reads, answering with a one-shot production (the background's only source).
  const session = {
    connection: { origin: HOST },
    reads: {
      project: async () => ({ id: PROJECT, name: 'Big Buck', max_retakes: 0 }),
      authenticated: async () => ({ user: { ...person('cleo', 'supervisor'), expiration_date: null } }),
      shotsWithTasks: async () => [shot('sh010', [lateTask])],
      assetsWithTasks: async () => [],
      taskStatuses: async () => [
        { id: 'todo', name: 'Todo', short_name: 'todo', color: '#fff', is_done: false, is_retake: false },
      ],
      taskTypes: async () => [
        { id: 'anim', name: 'Animation', color: '#f00', priority: 2, for_entity: 'Shot', department_id: 'd-anim' },
      ],
      persons: async () => [person('ana', 'user'), person('cleo', 'supervisor')],
      departments: async () => [{ id: 'd-anim', name: 'Animation', color: '#f00' }],
      dayOffs: async () => ({}),
      taskComments: async () => [],
    },
  } as unknown as Session;
  const overdue = async () =>
    runAgentOn(
      contexts.shots,
      await readAgentSources(session, contexts.shots, { mode: 'swr', now: NOW }),
      NOW,
    ).suggestions.filter((suggestion) => suggestion.ruleId === 'overdue');

  it('reports with the defaults, and stops at a stored grace period or a rule switched off', async () => {
    expect(today > fiveDaysAgo).toBe(true);
    expect((await overdue()).map((suggestion) => suggestion.title)).toEqual([
      'SQ010 / SH010 / Animation is 5 days overdue',
    ]);
    await saveAgentSettings({ overdue: { graceDays: 5 } });
    expect(await overdue()).toEqual([]);
    await saveAgentSettings({ overdue: { graceDays: 4, criticalAfterDays: 5 } });
    expect((await overdue()).map((suggestion) => suggestion.severity)).toEqual(['critical']);
    await saveAgentSettings({ disabledRules: ['overdue'] });
    expect(await overdue()).toEqual([]);
  });
});

describe('the options page section', () => {
  it('shows the stored values, refuses a bad one with its field named, and saves a good one', async () => {
    await saveAgentSettings({ retakeLoop: { retakeThreshold: 4 } });
    render(<AgentSettingsForm />);
    await waitFor(() => expect(screen.getByTestId('agent-settings-form').getAttribute('data-loaded')).toBe('true'));
    const retakes = screen.getByTestId('sk-agent-retake-loop-retakeThreshold') as HTMLInputElement;
    expect(retakes.value).toBe('4');
    for (const rule of registry) expect(screen.getByTestId(`agent-rule-on-${rule.id}`)).toBeTruthy();

    fireEvent.input(screen.getByTestId('sk-agent-general-recentHumanChangeDays'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('agent-settings-save'));
    await screen.findByText('Recent human decisions (days): must be a number.');
    expect((await stored()).recentHumanChangeDays).toBe(3);

    fireEvent.input(screen.getByTestId('sk-agent-general-recentHumanChangeDays'), { target: { value: '7' } });
    fireEvent.click(screen.getByTestId('agent-rule-on-stale-wip'));
    fireEvent.click(screen.getByTestId('agent-settings-save'));
    await screen.findByText(/^Saved\./);
    expect(await stored()).toMatchObject({
      recentHumanChangeDays: 7,
      disabledRules: ['stale-wip'],
      retakeLoop: { retakeThreshold: 4 },
    });
    expect(screen.queryByTestId('agent-settings-problems')).toBeNull();
  });
});
