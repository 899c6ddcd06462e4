export type {
  BatchCommentItem,
  CallOptions,
  EventLogQuery,
  KitsuClient,
  KitsuClientOptions,
  NewComment,
  OpenTasksFilters,
  TaskUpdate,
} from './client';
export { createKitsuClient, TaskUpdateSchema } from './client';
export type { KitsuApiErrorInit, KitsuErrorKind } from './errors';
export { describeKitsuError, isKitsuApiError, KITSU_ERROR_KINDS, KitsuApiError, mayPass } from './errors';
export type { EventLogRead, EventLogReadOptions } from './event-log';
export { readEventLogSince, readEventLogUpdate } from './event-log';
export type { KitsuRequestEvent } from './http';
export { isOverloaded } from './pacing';
export * from './schemas';
export * from './schemas-views';
