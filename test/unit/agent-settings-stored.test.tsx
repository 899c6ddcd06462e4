// @vitest-environment happy-dom
// Settings people already stored keep working: the shape below is what Sidekick 0.1.0 writes under
// storage.local 'sidekick-agent-settings' (saveAgentSettings stores every field), with values a studio
// could have chosen. However the settings are declared in the code, this shape must read back unchanged.
import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AgentSettingsForm } from '../../components/AgentSettings';
import { AGENT_SETTINGS_KEY, readAgentSettings } from '../../lib/agent/settings';

const STORED_BY_0_1_0 = {
  disabledRules: ['stale-wip', 'thread-digest'],
  recentHumanChangeDays: 5,
  minutesPerDay: 420,
  workdays: [1, 2, 3, 4],
  overdue: { graceDays: 1, criticalAfterDays: 10 },
  reviewBacklog: { waitingDays: 2, criticalAfterDays: 6 },
  staleWip: { idleDays: 8 },
  unassigned: { urgentWithinDays: 4 },
  overload: {},
  retakeLoop: { retakeThreshold: 5 },
  missingEstimatesDates: { minSimilar: 4 },
  startOnWip: {},
  threadDigest: { maxQuotes: 2, quoteLength: 300 },
  priorityDrift: { minPriority: 2, idleDays: 6, blockingCount: 4 },
};

/** The options page's field of each stored threshold, with the value it must show. */
const SHOWN: Record<string, string> = {
  'sk-agent-general-recentHumanChangeDays': '5',
  'sk-agent-general-minutesPerDay': '420',
  'sk-agent-overdue-graceDays': '1',
  'sk-agent-overdue-criticalAfterDays': '10',
  'sk-agent-review-backlog-waitingDays': '2',
  'sk-agent-review-backlog-criticalAfterDays': '6',
  'sk-agent-stale-wip-idleDays': '8',
  'sk-agent-unassigned-urgentWithinDays': '4',
  'sk-agent-retake-loop-retakeThreshold': '5',
  'sk-agent-missing-estimates-dates-minSimilar': '4',
  'sk-agent-thread-digest-maxQuotes': '2',
  'sk-agent-thread-digest-quoteLength': '300',
  'sk-agent-priority-drift-minPriority': '2',
  'sk-agent-priority-drift-idleDays': '6',
  'sk-agent-priority-drift-blockingCount': '4',
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('agent settings stored by an earlier version', () => {
  it('read back unchanged, every threshold kept (none replaced by a default)', async () => {
    await fakeBrowser.storage.local.set({ [AGENT_SETTINGS_KEY]: structuredClone(STORED_BY_0_1_0) });
    expect(await readAgentSettings()).toEqual(STORED_BY_0_1_0);
  });

  it('show in the options page: each threshold in its field, the rules switched off unticked', async () => {
    await fakeBrowser.storage.local.set({ [AGENT_SETTINGS_KEY]: structuredClone(STORED_BY_0_1_0) });
    render(<AgentSettingsForm />);
    await waitFor(() => expect(screen.getByTestId('agent-settings-form').getAttribute('data-loaded')).toBe('true'));
    const shown = Object.fromEntries(
      Object.keys(SHOWN).map((testId) => [testId, (screen.getByTestId(testId) as HTMLInputElement).value]),
    );
    expect(shown).toEqual(SHOWN);
    expect((screen.getByTestId('agent-rule-on-stale-wip') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('agent-rule-on-thread-digest') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('agent-rule-on-overdue') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('agent-workday-5') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('agent-workday-4') as HTMLInputElement).checked).toBe(true);
  });
});
