import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SidekickPanel } from '../../components/SidekickPanel';

describe('SidekickPanel', () => {
  it('asks the background on click and renders its answer', async () => {
    const askStatus = vi.fn(async (askedTimes: number) => ({
      extensionVersion: '0.1.0',
      origin: 'https://kitsu.example',
      hostGranted: true,
      askedTimes,
    }));
    render(<SidekickPanel askStatus={askStatus} />);
    expect(screen.getByTestId('sidekick-status').textContent).toBe('Ready.');
    fireEvent.click(screen.getByTestId('sidekick-check'));
    expect(
      (await screen.findByText('Background v0.1.0 answered (#1): https://kitsu.example is a configured Kitsu host.'))
        .dataset.testid,
    ).toBe('sidekick-status');
    fireEvent.click(screen.getByTestId('sidekick-check'));
    await screen.findByText(/answered \(#2\)/);
    expect(askStatus).toHaveBeenCalledTimes(2);
  });

  it('says plainly when the background refuses', async () => {
    render(<SidekickPanel askStatus={() => Promise.reject(new Error('not a configured Kitsu host'))} />);
    fireEvent.click(screen.getByTestId('sidekick-check'));
    await screen.findByText('Sidekick could not answer: not a configured Kitsu host');
  });
});
