// Every surface's messages, one line each. A surface's texts are data in its .json file; its .ts module
// declares them with defineMessages, so a text missing in a language is a type error.
import { aiMessages } from './ai';
import { bulkMessages } from './bulk';
import { commonMessages } from './common';
import { confirmMessages } from './confirm';
import { dockMessages } from './dock';
import { errorMessages } from './errors';
import { aiErrorMessages } from './errors-ai';
import { noteMessages } from './notes';
import { optionsMessages } from './options';
import { popupMessages } from './popup';
import { publishMessages } from './publish';
import { reasonMessages } from './reasons';
import { workloadReasonMessages } from './reasons-workload';
import { rulesMessages } from './rules';

export const MESSAGES = {
  ...commonMessages,
  ...confirmMessages,
  ...popupMessages,
  ...optionsMessages,
  ...dockMessages,
  ...publishMessages,
  ...rulesMessages,
  ...reasonMessages,
  ...workloadReasonMessages,
  ...aiMessages,
  ...bulkMessages,
  ...errorMessages,
  ...aiErrorMessages,
  ...noteMessages,
};
export type MessageName = keyof typeof MESSAGES;
