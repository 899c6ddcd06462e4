// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionsSettings } from '../../components/ConnectionsSettings';

// The background's answer to the list the section asks for: no connection yet.
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  ask: async () => ({ connections: [] }),
}));

describe('the options page’s Kitsu connections', () => {
  it('warn, as the address is typed, that plain http off this computer sends the token in clear', async () => {
    render(<ConnectionsSettings />);
    await screen.findByTestId('connection-list-empty');
    const address = screen.getByTestId('connection-address');
    fireEvent.input(address, { target: { value: 'http://kitsu.studio.lan' } });
    expect(screen.getByTestId('connection-cleartext').textContent).toMatch(
      /^http:\/\/kitsu\.studio\.lan uses plain http: the bot token and every Kitsu answer travel in clear/,
    );
    for (const safe of ['https://kitsu.studio.lan', 'kitsu.studio.lan', 'http://127.0.0.1:8080']) {
      fireEvent.input(address, { target: { value: safe } });
      expect(screen.queryByTestId('connection-cleartext'), safe).toBeNull();
    }
  });
});
