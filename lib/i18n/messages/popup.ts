// The toolbar popup: the tab's connection, the cache's figures, the pause switch.
import { defineMessages } from '../catalog';
import messages from './popup.json';

export const popupMessages = defineMessages(messages);
