// How long a running job has left, from the pace it kept since the window started following it.
import { t } from '../i18n';

export interface ProgressSample {
  /** Milliseconds (Date.now()). */
  at: number;
  done: number;
}

/** Null until at least one item was done after the first sample: a pace needs two points. */
export function timeLeftMs(first: ProgressSample, latest: ProgressSample, total: number): number | null {
  const doneSince = latest.done - first.done;
  const elapsed = latest.at - first.at;
  if (doneSince <= 0 || elapsed <= 0) return null;
  return Math.round(((total - latest.done) * elapsed) / doneSince);
}

/** A duration as a person reads an estimate: "about 3 min", "about 40 s", "a few seconds". */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 10) return t('timeFewSeconds');
  if (seconds < 60) return t('timeSeconds', { seconds: Math.round(seconds / 10) * 10 });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('timeMinutes', { minutes });
  return t('timeHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
