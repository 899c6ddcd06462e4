// The AI windows and settings: the options page's AI section, "Draft with AI" in the confirm window,
// the thread summary window, and what they share (what will be sent, what is left out).
import { defineMessages } from '../catalog';
import messages from './ai.json';

export const aiMessages = defineMessages(messages);
