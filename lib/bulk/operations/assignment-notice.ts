// Kitsu sends no notification when someone is assigned (cgwire/kitsu#1088): assign and replace offer
// an optional comment on each task that @mentions the new assignee, which zou does notify. It is a
// comment like any other: previewed with who it notifies, confirmed, and posted with Sidekick's marker.
import { z } from 'zod';
import { t } from '../../i18n/pure';
import type { SelectedTask } from '../selection';
import { type BulkContext, personName, taskLabel } from './shared';

export const ASSIGNMENT_NOTICE_FIELD = {
  kind: 'textarea',
  key: 'notice',
  label: t('bulkOpNoticeLabel'),
  hint: t('bulkOpNoticeHint'),
  default: '',
} as const;

export const AssignmentNoticeSchema = z.string().trim().max(10_000).default('');

/** The comment operation telling the new assignee, or nothing when the person wrote no notice. */
export function assignmentNotice(task: SelectedTask, personId: string, notice: string, context: BulkContext) {
  if (notice === '') return [];
  return [
    {
      kind: 'comment' as const,
      taskId: task.taskId,
      taskLabel: taskLabel(task, context),
      // zou turns "@Full Name" followed by a space into a mention of that member of the team.
      text: `@${personName(personId, context)} ${notice}`,
      preconditions: { statusId: task.statusId },
    },
  ];
}
