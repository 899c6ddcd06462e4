// The publish window (components/PublishPage.tsx, PublishFiles.tsx) and the publish checks in lib/publish.
import { defineMessages } from '../catalog';
import messages from './publish.json';

export const publishMessages = defineMessages(messages);
