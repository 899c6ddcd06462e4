// What the background says when it refuses a request or a call fails: the refusals of connections,
// plans, the dock, publish and bulk helpers, and Kitsu's errors in plain words. Text sent
// to Kitsu or to a model, logs and schema failures (for developers) stay out of the catalog.
//
// What some keys of errors.json are:
// - errorKitsuCancelled … errorKitsuBadResponseField: Kitsu's errors, in words a supervisor can act on
//   (describeKitsuError).
// - errorTaskUnreadable … errorFileFormatRefused: why an item of a job failed or was skipped (the confirm
//   window's report).
// - errorTokenRole*: what a connection's token can do against what the enabled features need (the connection test).
// - errorChangedSincePreview … errorChangedMeanwhile: why an item is skipped: its task changed since the preview
//   (lib/plans/preconditions.ts).
import { defineMessages } from '../catalog';
import messages from './errors.json';

export const errorMessages = defineMessages(messages);
