// What the AI assistance says when a model server, the built-in model or the settings stand in the way,
// and the names of what can be left out of a prompt. The prompts themselves are not translated: they
// are text for a model, not for a person.
//
// What some keys of errors-ai.json are:
// - errorAiRedact*: what can be left out of a prompt, as the "what will be sent" preview lists it.
import { defineMessages } from '../catalog';
import messages from './errors-ai.json';

export const aiErrorMessages = defineMessages(messages);
