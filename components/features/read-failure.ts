import { useRef } from 'preact/hooks';
import { failureText } from '../../lib/messaging/client';

/**
 * A panel's message line when a read of Kitsu fails: says why, asks the dock to read again later, and
 * is cleared by the next read that works (a message of the person's own action stays).
 */
export function useReadFailure(setMessage: (update: (current: string) => string) => void, onReadFailed?: () => void) {
  const shown = useRef<string | null>(null);
  return {
    failed(error: unknown) {
      const text = failureText(error);
      shown.current = text;
      setMessage(() => text);
      onReadFailed?.();
    },
    succeeded() {
      const text = shown.current;
      if (text === null) return;
      shown.current = null;
      setMessage((current) => (current === text ? '' : current));
    },
  };
}
