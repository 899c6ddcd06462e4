export * from './engine';
export { buildIndex, suggestionId } from './helpers';
export { registry } from './registry';
export { AgentSettingsSchema, DEFAULT_AGENT_SETTINGS } from './settings-schema';
export { agentTasksOfLists } from './snapshot';
export * from './types';
