import { useRef, useState } from 'preact/hooks';

/** The part of a click a write control looks at. */
export type WriteClick = Pick<MouseEvent, 'isTrusted'> & { currentTarget: EventTarget | null };

/**
 * Controls that start writes (Confirm, Undo, Resume, Retry, Escape): the first trusted click disables the
 * clicked button at once, before anything is awaited, and every other write control until the work is done.
 * A double or triple click, or a click on another write control meanwhile, does nothing; a script-made
 * click does nothing at all. The background refuses a second start as well: this is what the person sees.
 */
export function useWriteActions() {
  const busy = useRef<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  function start(event: WriteClick, action: string, work: () => Promise<void>): void {
    if (!claimWriteClick(event, busy)) return;
    busy.current = action;
    setWorking(action);
    void work().finally(() => {
      busy.current = null;
      setWorking(null);
    });
  }

  return { start, working };
}

/** Synchronous: decides whether this click may start a write, and disables the clicked control if so. */
export function claimWriteClick(event: WriteClick, busy: { current: string | null }): boolean {
  if (!event.isTrusted || busy.current !== null) return false;
  if (event.currentTarget instanceof HTMLButtonElement) {
    event.currentTarget.disabled = true;
    event.currentTarget.setAttribute('aria-busy', 'true');
  }
  return true;
}
