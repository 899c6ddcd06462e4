// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { useReadFailure } from '../../components/features/read-failure';

type Controls = { read: ReturnType<typeof useReadFailure>; say: (text: string) => void };

function Panel({ onReadFailed, expose }: { onReadFailed: () => void; expose: (controls: Controls) => void }) {
  const [message, setMessage] = useState('');
  const read = useReadFailure(setMessage, onReadFailed);
  expose({ read, say: (text) => setMessage(text) });
  return <p role="status">{message}</p>;
}

function mount() {
  const onReadFailed = vi.fn();
  let controls: Controls | undefined;
  render(<Panel onReadFailed={onReadFailed} expose={(exposed) => (controls = exposed)} />);
  const current = () => {
    if (!controls) throw new Error('not rendered');
    return controls;
  };
  return { onReadFailed, current };
}

describe("a panel's failed reads", () => {
  it('shows why, asks the dock to read again, and clears the reason when a read works', () => {
    const { onReadFailed, current } = mount();
    act(() => current().read.failed(new Error('Kitsu had an internal error (HTTP 503).')));
    expect(screen.getByRole('status').textContent).toBe('Kitsu had an internal error (HTTP 503).');
    expect(onReadFailed).toHaveBeenCalledTimes(1);
    act(() => current().read.succeeded());
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it("keeps a message of the person's own action when a later read works", () => {
    const { current } = mount();
    act(() => current().read.failed(new Error('Kitsu did not answer.')));
    act(() => current().say('Snoozed for a day.'));
    act(() => current().read.succeeded());
    expect(screen.getByRole('status').textContent).toBe('Snoozed for a day.');
  });
});
