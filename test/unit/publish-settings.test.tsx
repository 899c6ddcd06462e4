// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PublishSettings } from '../../components/PublishSettings';
import { PUBLISH_SETTINGS_KEY } from '../../lib/publish/settings';

const stored = async () => (await fakeBrowser.storage.local.get(PUBLISH_SETTINGS_KEY))[PUBLISH_SETTINGS_KEY];

beforeEach(() => fakeBrowser.reset());

describe('the options page’s batch publish section', () => {
  it('shows the limit, saves a new one, and refuses an empty box without storing it', async () => {
    await fakeBrowser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: { maxPlanGigabytes: 8 } });
    render(<PublishSettings />);
    const box = screen.getByLabelText(/Largest publish/) as HTMLInputElement;
    await waitFor(() => expect(box.value).toBe('8'));

    fireEvent.input(box, { target: { value: '2.5' } });
    fireEvent.click(screen.getByTestId('publish-settings-save'));
    await screen.findByText('Saved. The next publish you review uses this limit.');
    expect(await stored()).toEqual({ maxPlanGigabytes: 2.5 });

    fireEvent.input(box, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('publish-settings-save'));
    await screen.findByText('Not saved. Largest publish: enter a number of gigabytes.');
    expect(await stored()).toEqual({ maxPlanGigabytes: 2.5 });
  });
});
