// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { useEffect } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { Dock, type DockProps } from '../../components/dock/Dock';
import { contexts } from '../../lib/agent/testing';
import type { DockFeature, FeatureProps } from '../../lib/dock/feature';

/** A panel that reports a count once shown, as the suggestions panel does with its answer. */
const counting = (id: string, count: number): DockFeature => ({
  id,
  title: id,
  include: () => true,
  Panel: ({ onCount }: FeatureProps) => {
    useEffect(() => onCount?.(count), []);
    return null;
  },
});

const props = (overrides: Partial<DockProps>): DockProps => ({
  context: contexts.shots,
  pageKey: 1,
  signal: new AbortController().signal,
  dataVersion: 0,
  ready: true,
  features: [],
  theme: 'light',
  collapsed: false,
  onCollapsedChange: () => {},
  ...overrides,
});

describe('the dock shows the counts panels report', () => {
  it('on the section title and, in total, on the toggle button, kept when the dock closes', async () => {
    const features = [counting('suggestions', 12), counting('other', 3)];
    const { rerender } = render(<Dock {...props({ features })} />);
    expect(await screen.findByText('(12)')).toBeTruthy();
    expect(screen.getByTestId('dock-toggle').textContent).toBe('Sidekick · 15');
    rerender(<Dock {...props({ features, collapsed: true })} />);
    expect(screen.getByTestId('dock-toggle').textContent).toBe('Sidekick · 15');
  });

  it('shows no count before a panel reports one, nor a count of another page', async () => {
    const { rerender } = render(<Dock {...props({ features: [counting('suggestions', 4)] })} />);
    await screen.findByText('(4)');
    // The next page's panel has not answered yet.
    const silent: DockFeature = { ...counting('suggestions', 0), Panel: () => null };
    rerender(<Dock {...props({ features: [silent], pageKey: 2 })} />);
    expect(screen.getByTestId('dock-toggle').textContent).toBe('Sidekick');
    expect(screen.queryByTestId('feature-count')).toBeNull();
  });
});
