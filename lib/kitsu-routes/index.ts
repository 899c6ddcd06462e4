export { pageContextKey, samePage } from './context-key';
export { describeContext } from './describe';
export { type ParseOptions, parseKitsuUrl } from './parse';
export * from './predicates';
export * from './schema';
