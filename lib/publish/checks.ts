// What the background checks of the files of a publish, from the files themselves as the extension
// stored them (lib/publish/files.ts) — never from the name, size or type a page declares: at plan time
// (publish/propose), and again just before each upload, since the store is shared with extension pages.

import { t } from '../i18n';
import { formatBytes } from '../plans/diff';
import { fileProblem } from './formats';
import { PublishPlanError } from './plan';
import { BYTES_PER_GB } from './settings';

export type DeclaredFile = { id: string; name: string; size: number; type: string };
/** The stored file: its name as stored, and the bytes themselves. */
export type StoredFacts = { name: string; blob: Blob };

/** Why this stored file cannot go as declared, in words, or null. */
export function storedFileProblem(declared: DeclaredFile, stored: StoredFacts | undefined): string | null {
  if (!stored) return t('refusalFileNotStored', { file: declared.name });
  if (stored.name !== declared.name || stored.blob.size !== declared.size || stored.blob.type !== declared.type) {
    return t('refusalFileDiffers', { file: declared.name });
  }
  const problem = fileProblem({ name: stored.name, size: stored.blob.size });
  return problem ? t('refusalFileProblem', { file: declared.name, problem }) : null;
}

/** Just before an upload: the bytes stored under the plan's file id, if they are still what was confirmed. */
export function uploadableFile(declared: DeclaredFile, blob: Blob | undefined): { blob: Blob } | { problem: string } {
  if (!blob) return { problem: t('refusalFileNotStored', { file: declared.name }) };
  const problem = storedFileProblem(declared, { name: declared.name, blob });
  return problem ? { problem } : { blob };
}

/** Refuses a plan whose files add up to more than the setting allows. */
export function planSizeProblem(sizes: readonly number[], maxPlanGigabytes: number): string | null {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= maxPlanGigabytes * BYTES_PER_GB) return null;
  return t('publishTooLarge', { total: formatBytes(total), limit: String(maxPlanGigabytes) });
}

export interface StoredFileReader {
  stored(id: string): Promise<StoredFacts | undefined>;
}

/** At plan time: every file as stored, each once, within the formats and the plan's total size. */
export async function assertPublishableFiles(
  files: readonly DeclaredFile[],
  store: StoredFileReader,
  maxPlanGigabytes: number,
): Promise<void> {
  const ids = files.map((file) => file.id);
  if (new Set(ids).size !== ids.length) throw new PublishPlanError(t('refusalPublishFileTwice'));
  const problems: string[] = [];
  const sizes: number[] = [];
  for (const file of files) {
    const stored = await store.stored(file.id);
    const problem = storedFileProblem(file, stored);
    if (problem) problems.push(problem);
    else if (stored) sizes.push(stored.blob.size);
  }
  if (problems.length > 0) {
    const more = problems.length > 3 ? t('refusalPublishMoreProblems', { count: String(problems.length - 3) }) : '';
    throw new PublishPlanError(`${problems.slice(0, 3).join(' ')}${more}`);
  }
  const tooLarge = planSizeProblem(sizes, maxPlanGigabytes);
  if (tooLarge) throw new PublishPlanError(tooLarge);
}
