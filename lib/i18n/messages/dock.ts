// The dock in Kitsu's pages and its panels (components/dock, components/features, entrypoints/kitsu.content).
//
// What some keys of dock.json are:
// - dockConnectedAs: the dock's connection line (lib/dock-service/overview.ts); a failure is said by
//   describeKitsuError.
import { defineMessages } from '../catalog';
import messages from './dock.json';

export const dockMessages = defineMessages(messages);
