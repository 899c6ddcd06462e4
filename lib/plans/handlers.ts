import { type DomainHandlers, refusingWith } from '../messaging/router';
import type { AuditLog, AuditRecord } from './audit';
import type { PlanFlow } from './flow';
import type { OperatorSettingsStore } from './operator-settings';
import { PlanRefusal } from './pending';

export type PlanHandlerPorts = {
  flow: Pick<
    PlanFlow,
    | 'preview'
    | 'execute'
    | 'status'
    | 'cancel'
    | 'undo'
    | 'resume'
    | 'retryFailed'
    | 'readBackAgain'
    | 'escapeHashtags'
    | 'replaceCommentText'
  >;
  operatorSettings: Pick<OperatorSettingsStore, 'read' | 'save'>;
  audit: Pick<AuditLog, 'list' | 'toCSV' | 'toJSON'>;
  now: () => Date;
};

/** plans/*, settings/* and audit/*: the confirm window's plans, the operator's settings, the audit log. */
export function createPlanHandlers({ flow, operatorSettings, audit, now }: PlanHandlerPorts): DomainHandlers<'plans'> {
  return refusingWith((error) => error instanceof PlanRefusal, {
    'plans/preview': (request) => flow.preview(request.planId),
    'plans/execute': async (request) => {
      await flow.execute(request.planId);
      return { started: true };
    },
    'plans/status': (request) => flow.status(request.planId),
    'plans/cancel': async (request) => ({ cancelled: await flow.cancel(request.planId) }),
    'plans/undo': (request) => flow.undo(request.planId),
    'plans/resume': async (request) => ({ resumed: await flow.resume(request.planId) }),
    'plans/retry-failed': (request) => flow.retryFailed(request.planId),
    'plans/read-back': async (request) => ({ failure: await flow.readBackAgain(request.planId) }),
    'plans/escape-hashtags': (request) => flow.escapeHashtags(request.planId),
    'plans/replace-comment': (request) => flow.replaceCommentText(request.planId, request.text),
    'settings/get': () => operatorSettings.read(),
    'settings/save': (request) => operatorSettings.save(request),
    'audit/list': async (request) => {
      const records = await audit.list({ planId: request.planId, taskId: request.taskId, since: request.since });
      return { records: records.map(auditView) };
    },
    'audit/export': async (request) => {
      const stamp = now().toISOString().slice(0, 10);
      return request.format === 'csv'
        ? { content: await audit.toCSV(), fileName: `sidekick-audit-${stamp}.csv` }
        : { content: await audit.toJSON(), fileName: `sidekick-audit-${stamp}.json` };
    },
  });
}

/** An audit record as the options page lists it: values shown as JSON text. */
function auditView(record: AuditRecord) {
  return {
    at: record.at,
    operator: record.operator,
    planId: record.planId,
    jobId: record.jobId,
    taskId: record.taskId,
    kind: record.kind,
    result: record.reason ? `${record.result}: ${record.reason}` : record.result,
    before: JSON.stringify(record.before ?? null),
    after: JSON.stringify(record.after ?? null),
  };
}
