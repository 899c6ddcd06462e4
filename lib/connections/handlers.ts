import { type DomainHandlers, refusingWith } from '../messaging/router';
import { ConnectionRefusal, type ConnectionService } from './service';
import type { WorkflowService } from './workflow-service';

/** connections/*: the options page's connections to Kitsu hosts, and each host's workflow settings. */
export function createConnectionHandlers(
  connections: ConnectionService,
  workflow: WorkflowService,
): DomainHandlers<'connections'> {
  return refusingWith((error) => error instanceof ConnectionRefusal, {
    'connections/list': async () => ({ connections: await connections.list() }),
    'connections/test': (request) => connections.test(request.origin, request.token),
    'connections/save': (request) => connections.save(request),
    'connections/remove': async (request) => ({ removed: await connections.remove(request.id) }),
    'connections/workflow': (request) => workflow.view(request.origin),
    'connections/save-workflow': (request) => workflow.save(request.origin, request.roles, request.timeZone),
  });
}
