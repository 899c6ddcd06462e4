// 9. Thread digest (task page): an extractive summary of the task's comments, no AI. Who said what
// last (one quote per person, newest first), open checklist items, @mentions the mentioned person has
// not answered with a comment since, and the current status with the day it was set. Information only;
// nothing is shown until the background has read the thread.

import { t } from '../../i18n/pure';
import { dayOf, daysBetween } from '../../shared/dates';
import { clip } from '../../shared/text';
import { defineRule } from '../define-rule';
import { suggestionId } from '../helpers';
import { type AgentComment, ChecklistItemSchema, type Reason, type RuleInput, wholeNumber } from '../types';

const RULE = 'thread-digest' as const;

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const quote = (text: string, length: number) => t('reasonQuote', { text: clip(text, length) });

function mentionsOf(input: RuleInput, comment: AgentComment): string[] {
  if (comment.mentions) return comment.mentions;
  const text = comment.text ?? '';
  return input.snapshot.persons.filter((person) => text.includes(`@${person.full_name}`)).map((person) => person.id);
}

/** The day the task's current status was set: the first comment of the newest run carrying it. */
function statusSince(comments: readonly AgentComment[], statusId: string): string | null {
  let since: string | null = null;
  for (let position = comments.length - 1; position >= 0; position--) {
    const comment = comments[position] as AgentComment;
    if (comment.task_status_id !== statusId) break;
    since = comment.created_at;
  }
  return since ? dayOf(since) : null;
}

export const threadDigestRule = defineRule({
  id: RULE,
  name: t('ruleDigestName'),
  description: t('ruleDigestDescription'),
  pageKinds: ['task'],
  needsRole: null,
  settings: { maxQuotes: wholeNumber(1, 20).default(3), quoteLength: wholeNumber(20, 2000).default(160) },
  fields: [
    { kind: 'number', key: 'maxQuotes', label: t('ruleDigestQuotes'), hint: t('ruleDigestQuotesHint') },
    { kind: 'number', key: 'quoteLength', label: t('ruleDigestQuoteLength'), hint: t('ruleDigestQuoteLengthHint') },
  ],
  run(input, { maxQuotes, quoteLength }) {
    if (input.context.kind !== 'task') return [];
    const task = input.index.tasks.get(input.context.taskId);
    const thread = task ? input.snapshot.comments[task.taskId] : undefined;
    if (!task || !thread) return [];
    const comments = [...thread].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    const reasons: Reason[] = [];

    const fallback = input.index.isFeedback(task) ? task.endDate : input.index.isWip(task) ? task.realStartDate : null;
    const since = statusSince(comments, task.statusId) ?? (fallback ? dayOf(fallback) : null);
    reasons.push({
      text: since
        ? t('reasonDigestStatusSince', {
            status: input.index.statusName(task),
            date: since,
            days: t('reasonDays', { count: daysBetween(since, input.today) }),
          })
        : t('reasonDigestStatus', { status: input.index.statusName(task) }),
      evidence: {
        taskIds: [task.taskId],
        ...(since ? { dates: [since], numbers: { daysInStatus: daysBetween(since, input.today) } } : {}),
      },
    });

    const quoted = new Set<string>();
    const latestWords: AgentComment[] = [];
    for (const comment of [...comments].reverse()) {
      if (latestWords.length >= maxQuotes || quoted.has(comment.person_id) || !clean(comment.text)) continue;
      quoted.add(comment.person_id);
      latestWords.push(comment);
    }
    for (const comment of latestWords) {
      reasons.push({
        text: t('reasonDigestSaid', {
          person: input.index.personName(comment.person_id),
          date: dayOf(comment.created_at),
          quote: quote(clean(comment.text), quoteLength),
        }),
        evidence: { personIds: [comment.person_id], dates: [dayOf(comment.created_at)] },
      });
    }

    let openItems = 0;
    for (const comment of comments) {
      for (const raw of comment.checklist ?? []) {
        const item = ChecklistItemSchema.safeParse(raw);
        if (!item.success || item.data.checked || !clean(item.data.text)) continue;
        openItems++;
        reasons.push({
          text: t('reasonDigestOpenItem', {
            person: input.index.personName(comment.person_id),
            date: dayOf(comment.created_at),
            quote: quote(clean(item.data.text), quoteLength),
          }),
          evidence: { personIds: [comment.person_id], dates: [dayOf(comment.created_at)] },
        });
      }
    }

    let unanswered = 0;
    // A mention is answered when the person comments later: the position of their last comment tells.
    const lastCommentOf = new Map(comments.map((comment, position) => [comment.person_id, position]));
    comments.forEach((comment, position) => {
      for (const personId of new Set(mentionsOf(input, comment))) {
        if (personId === comment.person_id) continue;
        if ((lastCommentOf.get(personId) ?? -1) > position) continue;
        unanswered++;
        reasons.push({
          text: t('reasonDigestUnansweredMention', {
            person: input.index.personName(personId),
            author: input.index.personName(comment.person_id),
            date: dayOf(comment.created_at),
            count: daysBetween(comment.created_at, input.today),
          }),
          evidence: { personIds: [personId, comment.person_id], dates: [dayOf(comment.created_at)] },
        });
      }
    });

    const last = comments[comments.length - 1];
    const parts = [
      t('reasonDigestComments', { count: comments.length }),
      ...(last
        ? [t('reasonDigestLastBy', { person: input.index.personName(last.person_id), date: dayOf(last.created_at) })]
        : []),
      ...(openItems ? [t('reasonDigestOpenItems', { count: openItems })] : []),
      ...(unanswered ? [t('reasonDigestUnanswered', { count: unanswered })] : []),
    ];
    return [
      {
        id: suggestionId(RULE, [task.taskId]),
        ruleId: RULE,
        severity: 'info',
        title: t('reasonDigestTitle', { parts: parts.join(', ') }),
        reasons,
      },
    ];
  },
});
