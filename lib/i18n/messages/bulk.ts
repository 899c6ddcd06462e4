// The bulk operations (lib/bulk/operations): their names and fields in the dock's bulk panel, the titles
// of the plans they build, and why they refuse an input. Titles take {tasks} from bulkOpTasks, so that
// each count has its plural form in one place.
import { defineMessages } from '../catalog';
import messages from './bulk.json';

export const bulkMessages = defineMessages(messages);
