// @vitest-environment happy-dom
import { act, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineLazyFeature } from '../../components/features/lazy';
import type { FeatureProps } from '../../lib/dock/feature';
import { installLazyPanels, type LazyPanelHost } from '../../lib/dock/lazy-panels';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

const askWith = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  askWith,
}));

const LAZY_KEY = Symbol.for('kitsu-sidekick.lazy-panels');
const context = parseKitsuUrl('https://kitsu.example/productions/p1/shots');
const feature = defineLazyFeature({ id: 'bulk', title: 'Bulk', include: () => true });
const props = (dataVersion: number): FeatureProps => ({ context, signal: new AbortController().signal, dataVersion });

/** A lazy script stand-in that records what the dock asked of it. */
function recordingHost() {
  const calls: string[] = [];
  const host: LazyPanelHost = {
    mount(featureId, element, mounted) {
      calls.push(`mount ${featureId} v${mounted.dataVersion}`);
      element.textContent = `panel ${featureId}`;
      return {
        update: (next) => calls.push(`update v${next.dataVersion}`),
        unmount: () => calls.push('unmount'),
      };
    },
  };
  return { host, calls };
}

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LAZY_KEY];
  askWith.mockReset();
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LAZY_KEY];
});

describe('lazy dock panels', () => {
  it('asks the background to load the panels script once, then mounts, updates and unmounts the panel', async () => {
    const { host, calls } = recordingHost();
    askWith.mockImplementation(async () => {
      installLazyPanels(host);
      return { loaded: true };
    });
    const first = render(<feature.Panel {...props(1)} />);
    const second = render(<feature.Panel {...props(1)} />);
    await waitFor(() => expect(calls).toEqual(['mount bulk v1', 'mount bulk v1']));
    expect(askWith).toHaveBeenCalledTimes(1);
    expect(askWith.mock.calls[0]?.[1]).toEqual({ type: 'dock/load-panels' });

    first.rerender(<feature.Panel {...props(2)} />);
    expect(calls.at(-1)).toBe('update v2');
    act(() => {
      first.unmount();
      second.unmount();
    });
    expect(calls.filter((call) => call === 'unmount')).toHaveLength(2);
  });

  it('uses panels already in the isolated world without asking', async () => {
    const { host, calls } = recordingHost();
    installLazyPanels(host);
    render(<feature.Panel {...props(3)} />);
    await waitFor(() => expect(calls).toEqual(['mount bulk v3']));
    expect(askWith).not.toHaveBeenCalled();
  });

  it('says why when the script could not be loaded, and tries again for the next panel', async () => {
    askWith.mockRejectedValueOnce(new Error('This Kitsu has no connection any more.'));
    const failed = render(<feature.Panel {...props(1)} />);
    expect((await screen.findByRole('alert')).textContent).toBe('This Kitsu has no connection any more.');
    failed.unmount();

    const { host, calls } = recordingHost();
    askWith.mockImplementationOnce(async () => {
      installLazyPanels(host);
      return { loaded: true };
    });
    render(<feature.Panel {...props(1)} />);
    await waitFor(() => expect(calls).toEqual(['mount bulk v1']));
    expect(askWith).toHaveBeenCalledTimes(2);
  });

  it('refuses politely when the background answered but no panels arrived', async () => {
    askWith.mockResolvedValue({ loaded: true });
    render(<feature.Panel {...props(1)} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not load this panel/);
  });
});
