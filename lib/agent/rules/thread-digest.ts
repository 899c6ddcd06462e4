// 9. Thread digest (task page): an extractive summary of the task's comments, no AI. Who said what
// last (one quote per person, newest first), open checklist items, @mentions the mentioned person has
// not answered with a comment since, and the current status with the day it was set. Information only;
// nothing is shown until the background has read the thread.
import { dayOf, daysBetween, plural } from '../dates';
import { suggestionId } from '../helpers';
import { type AgentComment, ChecklistItemSchema, type Reason, type Rule, type RuleInput } from '../types';

const RULE = 'thread-digest' as const;

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const quote = (text: string, length: number) => `“${text.length > length ? `${text.slice(0, length - 1)}…` : text}”`;

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

export const threadDigestRule: Rule = {
  id: RULE,
  name: 'Thread digest',
  description: 'Who said what last, open checklist items, unanswered mentions, current status and since when.',
  pageKinds: ['task'],
  needsRole: null,
  run(input) {
    if (input.context.kind !== 'task') return [];
    const task = input.index.tasks.get(input.context.taskId);
    const thread = task ? input.snapshot.comments[task.taskId] : undefined;
    if (!task || !thread) return [];
    const { maxQuotes, quoteLength } = input.settings.threadDigest;
    const comments = [...thread].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    const reasons: Reason[] = [];

    const fallback = input.index.isFeedback(task) ? task.endDate : input.index.isWip(task) ? task.realStartDate : null;
    const since = statusSince(comments, task.statusId) ?? (fallback ? dayOf(fallback) : null);
    reasons.push({
      text: since
        ? `Status: ${input.index.statusName(task)} since ${since} (${plural(daysBetween(since, input.today), 'day')}).`
        : `Status: ${input.index.statusName(task)}.`,
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
        text: `${input.index.personName(comment.person_id)}, ${dayOf(comment.created_at)}: ${quote(clean(comment.text), quoteLength)}`,
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
          text: `Open checklist item (${input.index.personName(comment.person_id)}, ${dayOf(comment.created_at)}): ${quote(
            clean(item.data.text),
            quoteLength,
          )}`,
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
          text: `${input.index.personName(personId)} was mentioned by ${input.index.personName(comment.person_id)} on ${dayOf(
            comment.created_at,
          )} (${plural(daysBetween(comment.created_at, input.today), 'day')} ago) and has not answered.`,
          evidence: { personIds: [personId, comment.person_id], dates: [dayOf(comment.created_at)] },
        });
      }
    });

    const last = comments[comments.length - 1];
    const parts = [
      plural(comments.length, 'comment'),
      ...(last ? [`last by ${input.index.personName(last.person_id)} on ${dayOf(last.created_at)}`] : []),
      ...(openItems ? [plural(openItems, 'open checklist item')] : []),
      ...(unanswered ? [plural(unanswered, 'unanswered mention')] : []),
    ];
    return [
      {
        id: suggestionId(RULE, [task.taskId]),
        ruleId: RULE,
        severity: 'info',
        title: `Thread: ${parts.join(', ')}`,
        reasons,
      },
    ];
  },
};
