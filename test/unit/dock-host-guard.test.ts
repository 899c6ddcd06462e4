// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { guardHost, REPAIR_BUDGET, repairBudget } from '../../lib/dock/host-guard';

/** A host as the browser gives it: happy-dom has no popover API, so the test host keeps its own top-layer state. */
function popoverHost() {
  const host = document.createElement('kitsu-sidekick') as HTMLElement & { open: boolean; raised: number };
  host.open = false;
  host.raised = 0;
  host.showPopover = () => {
    host.open = true;
    host.raised += 1;
  };
  host.hidePopover = () => {
    host.open = false;
  };
  const matches = host.matches.bind(host);
  host.matches = (selector: string) => (selector === ':popover-open' ? host.open : matches(selector));
  document.documentElement.append(host);
  return host;
}

/** Mutation observers report after the current task's microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function guarded(host: ReturnType<typeof popoverHost>, clock = { now: 0 }) {
  const checks: (() => void)[] = [];
  let remounts = 0;
  const guard = guardHost(host, {
    remount: () => {
      remounts += 1;
      document.documentElement.append(host);
    },
    intact: () => true,
    every: (check) => {
      checks.push(check);
      return () => checks.splice(checks.indexOf(check), 1);
    },
    now: () => clock.now,
  });
  return {
    guard,
    remounts: () => remounts,
    tick: () => {
      for (const check of checks) check();
    },
  };
}

afterEach(() => {
  for (const element of document.documentElement.querySelectorAll('kitsu-sidekick')) element.remove();
});

describe('the repair budget', () => {
  it('allows a given number of repairs per window, then again as the old ones age out', () => {
    const clock = { now: 0 };
    const mayRepair = repairBudget(3, 1_000, () => clock.now);
    expect([mayRepair(), mayRepair(), mayRepair(), mayRepair()]).toEqual([true, true, true, false]);
    clock.now = 999;
    expect(mayRepair()).toBe(false);
    clock.now = 1_000;
    expect([mayRepair(), mayRepair(), mayRepair(), mayRepair()]).toEqual([true, true, true, false]);
  });
});

describe('the dock host guard', () => {
  it('puts the host in the top layer and keeps only its own attribute', async () => {
    const host = popoverHost();
    guarded(host);
    expect(host.open).toBe(true);
    expect(host.getAttribute('popover')).toBe('manual');
    host.setAttribute('inert', '');
    host.setAttribute('style', 'display: none');
    host.removeAttribute('popover');
    await settle();
    expect([...host.attributes].map((attribute) => `${attribute.name}=${attribute.value}`)).toEqual(['popover=manual']);
  });

  it('puts the host back, with a new frame, when the page removes or moves it', async () => {
    const host = popoverHost();
    const { remounts } = guarded(host);
    host.remove();
    await settle();
    expect(remounts()).toBe(1);
    expect(host.parentNode).toBe(document.documentElement);
    document.body.append(host);
    await settle();
    expect(remounts()).toBe(2);
    expect(host.parentNode).toBe(document.documentElement);
  });

  it('shows the host again when the page takes it out of the top layer', () => {
    const host = popoverHost();
    const { tick } = guarded(host);
    host.hidePopover();
    tick();
    expect(host.open).toBe(true);
  });

  it('gives a page that keeps undoing its repairs a bounded fight', async () => {
    const host = popoverHost();
    const clock = { now: 0 };
    const { remounts, tick } = guarded(host, clock);
    for (let round = 0; round < REPAIR_BUDGET + 10; round++) {
      host.remove();
      await settle();
    }
    expect(remounts()).toBe(REPAIR_BUDGET);
    expect(host.isConnected).toBe(false);
    // The check every second finds it gone once the budget allows a repair again.
    clock.now = 60_000;
    tick();
    expect(remounts()).toBe(REPAIR_BUDGET + 1);
    expect(host.parentNode).toBe(document.documentElement);
  });

  it('repairs nothing once stopped (Sidekick paused or reloaded)', async () => {
    const host = popoverHost();
    const { guard, remounts } = guarded(host);
    guard.stop();
    host.setAttribute('inert', '');
    host.remove();
    await settle();
    expect(remounts()).toBe(0);
    expect(host.hasAttribute('inert')).toBe(true);
  });
});
