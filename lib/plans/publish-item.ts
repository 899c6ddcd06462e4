// A batch-publish item is a comment, a preview on it and the file's upload (lib/publish/step.ts writes
// it). The executor runs it like any item: it is given the step, the upload client and the dropped
// files by whoever runs plans, so plans depend on no publish module.
import type { KitsuClient } from '../kitsu';
import type { ItemResult } from './journal';
import type { OperationOf } from './model';

export type PublishClient = Pick<
  KitsuClient,
  'commentTask' | 'taskComments' | 'addPreview' | 'uploadPreview' | 'previewFile' | 'removePreview'
>;

/** Where the background reads the dropped files: the extension's IndexedDB (lib/publish/files.ts). */
export interface PublishFileSource {
  read(fileId: string): Promise<Blob | undefined>;
  /** Called once the file landed in Kitsu: the extension keeps no copy. */
  remove?(fileId: string): Promise<void>;
}

export type PublishOp = OperationOf<'publish-preview'>;

export type PublishOutcome =
  | { state: 'applied'; result: ItemResult }
  | { state: 'failed'; reason: string; result?: ItemResult };

export interface PublishContext {
  publish: PublishServices;
  /** The comment text with Sidekick's marker. */
  postedText: string;
  /** Journals what the item already wrote, before the next request. */
  note: (result: ItemResult) => Promise<void>;
}

type CommentText = { id: string; text: string | null; created_at: string };

export interface PublishStep {
  /** Writes the item from what the journal holds (`from`); `statusId` is the status its comment carries. */
  run(op: PublishOp, statusId: string, context: PublishContext, from?: ItemResult): Promise<PublishOutcome>;
  /** What Kitsu shows of an item whose worker died: nothing, part of it (to continue), or all of it. */
  readBack(
    op: PublishOp,
    client: PublishClient,
    recorded: ItemResult,
    findByMarker: (texts: readonly CommentText[]) => string | undefined,
  ): Promise<{ landed: true; result: ItemResult } | { landed: false; partial?: ItemResult }>;
}

/** What the plans that carry publish items need, to write them. */
export interface PublishServices {
  step: PublishStep;
  client: PublishClient;
  files: PublishFileSource;
  /** Upload attempts per file; the comment is never retried. */
  uploadAttempts?: number;
}

/** What the flow is given: the step and the files; the client is the plan's connection's. */
export type PublishSupport = Pick<PublishServices, 'step' | 'files'>;
