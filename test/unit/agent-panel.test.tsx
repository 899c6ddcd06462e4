// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Suggestions } from '../../components/features/suggestions';
import { contexts, HOST } from '../../lib/agent/testing';

/** The background's answer goes through the panel's own answer schema, as askWith does. */
let answer: unknown;
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  askWith: async (schema: { parse: (value: unknown) => unknown }) => schema.parse(answer),
}));

const taskLink = (name: string) => ({
  taskId: name,
  label: `${name} / Animation`,
  url: `${HOST}/productions/p1/episodes/e1/shots/tasks/${name}`,
});
/** The background's answer, as `suggestionsView` builds it. */
const view = {
  groups: [
    { ruleId: 'review-backlog', name: 'Review backlog', count: 1 },
    { ruleId: 'retake-loop', name: 'Retake loop', count: 2 },
  ],
  suggestions: [
    {
      id: 'review-backlog:1',
      ruleId: 'review-backlog',
      severity: 'critical',
      title: 'Animation: 2 tasks waiting for review for more than 3 days (oldest 8)',
      reasons: ['SH010 / Animation: Waiting For Approval since 2026-03-03 (8 days).'],
      reasonCount: 1,
      taskCount: 32,
      tasks: [taskLink('sh010'), taskLink('sh020')],
      hasPlan: false,
      actionable: false,
    },
    {
      id: 'retake-loop:1',
      ruleId: 'retake-loop',
      severity: 'warning',
      title: 'SH030 / Animation has been retaken 3 times',
      reasons: ['Retaken 3 times.'],
      reasonCount: 1,
      taskCount: 1,
      tasks: [taskLink('sh030')],
      hasPlan: false,
      actionable: false,
    },
  ],
  hidden: 0,
  problems: 0,
  humanDecisionsUnchecked: null,
};

beforeEach(() => {
  answer = view;
});

const mount = (onCount = vi.fn()) => {
  render(
    <Suggestions context={contexts.shots} signal={new AbortController().signal} dataVersion={0} onCount={onCount} />,
  );
  return onCount;
};

describe('the suggestions panel', () => {
  it('reports the total count to the dock and shows each group’s count', async () => {
    const onCount = mount();
    await screen.findByText('Review backlog');
    expect(onCount).toHaveBeenCalledWith(3);
    expect(screen.getAllByTestId('suggestion-count').map((node) => node.textContent)).toEqual(['1', '2']);
  });

  it('links each evidence task to its Kitsu page as a plain anchor, and says how many more there are', async () => {
    mount();
    const summary = await screen.findByText(/Animation: 2 tasks waiting/);
    fireEvent.click(summary);
    const links = screen.getAllByTestId('suggestion-task') as HTMLAnchorElement[];
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.target])).toEqual([
      ['sh010 / Animation', taskLink('sh010').url, ''],
      ['sh020 / Animation', taskLink('sh020').url, ''],
      ['sh030 / Animation', taskLink('sh030').url, ''],
    ]);
    expect(screen.getAllByTestId('suggestion-tasks')[0]?.textContent).toMatch(/…and 30 more$/);
  });

  it('says how many reasons the background left out of the view', async () => {
    const [first] = view.suggestions;
    answer = { ...view, suggestions: [{ ...first, reasons: ['One.', 'Two.'], reasonCount: 6318 }] };
    mount();
    fireEvent.click(await screen.findByText(/Animation: 2 tasks waiting/));
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(['One.', 'Two.', '…and 6,316 more']);
  });

  it('shortens a long task name in the middle, the whole name on hover and for screen readers', async () => {
    const long = 'Lune Rousse / Environment / Le vieux moulin de Grand-mère Hérisson, au bord de la rivière / Modeling';
    const [first] = view.suggestions;
    answer = { ...view, suggestions: [{ ...first, tasks: [{ ...taskLink('m'), label: long }] }] };
    mount();
    fireEvent.click(await screen.findByText(/Animation: 2 tasks waiting/));
    const link = screen.getByTestId('suggestion-task');
    const shown = link.querySelector('[aria-hidden="true"]')?.textContent ?? '';
    expect(shown).toBe('Lune Rousse / Environmen…e la rivière / Modeling');
    expect(link.querySelector('[title]')?.getAttribute('title')).toBe(long);
  });

  it('refuses an answer whose links are not web addresses', async () => {
    const [first] = view.suggestions;
    answer = { ...view, suggestions: [{ ...first, tasks: [{ ...taskLink('x'), url: 'javascript:alert(1)' }] }] };
    const onCount = mount();
    await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
    expect(screen.getByText(/Invalid URL|protocol/i)).toBeTruthy();
    expect(screen.queryAllByTestId('suggestion-task')).toEqual([]);
    expect(onCount).not.toHaveBeenCalled();
  });
});
