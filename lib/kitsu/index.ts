export type {
  BatchCommentItem,
  CallOptions,
  KitsuClient,
  KitsuClientOptions,
  NewComment,
  OpenTasksFilters,
  TaskUpdate,
} from './client';
export { createKitsuClient, TaskUpdateSchema } from './client';
export type { KitsuApiErrorInit, KitsuErrorKind } from './errors';
export { describeKitsuError, isKitsuApiError, KITSU_ERROR_KINDS, KitsuApiError } from './errors';
export type { KitsuRequestEvent } from './http';
export * from './schemas';
export * from './schemas-views';
