// The options page: connections, who confirms, suggestions, batch publish (the AI settings have ai.ts).
import { defineMessages } from '../catalog';
import messages from './options.json';

export const optionsMessages = defineMessages(messages);
