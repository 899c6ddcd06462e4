// The prompts Sidekick sends, built from data the background already read. Pure: the same input
// gives the same messages, and those messages are shown to the person — text and size — before
// anything is sent. Redaction happens here, on everything that goes out.
import type { DraftKind, RedactableField } from '../messaging/protocol/ai';
import { clip } from '../shared/text';
import { createRedactor, REDACTABLE_LABELS } from './redaction';
import type { ChatMessage } from './types';

const DRAFT_GOALS: Record<DraftKind, string> = {
  reminder: 'a friendly reminder to the people assigned that the task is late: ask for a new date or what blocks them',
  'check-in': 'a short check-in with the people assigned: how is the work going, is anything blocking them',
  retake: 'a retake note: what must change and why, clear and respectful, one point per line if there are several',
  comment: 'the same comment as the current text, said more clearly',
};

export type CommentDraftInput = {
  kind: DraftKind;
  taskLabels: readonly string[];
  /** The comment the plan holds now. */
  currentText: string;
  /** The plan's other changes on these tasks, as the preview words them ("Status: Todo → WIP"). */
  changes: readonly string[];
  /** Who Kitsu notifies. */
  recipients: readonly string[];
  production?: string;
  /** What the person adds for this draft ("mention the Friday delivery"). */
  instructions?: string;
};

export type ThreadComment = { author: string; date: string; status?: string; text: string };
export type ThreadSummaryInput = {
  taskLabel: string;
  status: string;
  production?: string;
  /** Oldest first. */
  comments: readonly ThreadComment[];
};

export type ExplainInput = { title: string; reasons: readonly string[]; production?: string };

export type PromptRequest =
  | { purpose: 'comment-draft'; input: CommentDraftInput }
  | { purpose: 'thread-summary'; input: ThreadSummaryInput }
  | { purpose: 'explain-suggestion'; input: ExplainInput };

export type PromptOptions = {
  exclude: readonly RedactableField[];
  /** Everyone whose name may appear (the studio's people): the names redaction looks for. */
  knownNames: readonly string[];
};

export type BuiltPrompt = {
  messages: ChatMessage[];
  /** What is sent, in characters (the messages' text). */
  characters: number;
  /** What was kept from leaving, in words. */
  excluded: string[];
  /** What did not fit and was left out, in words. */
  leftOut: string[];
  /** Placeholder → name, to give names back in the answer (never sent). */
  restorations: Record<string, string>;
};

export const LIMITS = { tasks: 20, comments: 30, commentLength: 800, instructions: 500, threadCharacters: 12_000 };

const PLAIN_TEXT_RULES =
  'Write plain text only: no Markdown headings, no code. Never invent dates, names, numbers or decisions that are not in the input.';

const SYSTEM: Record<PromptRequest['purpose'], string> = {
  'comment-draft': `You draft comments that a production coordinator posts on tasks in Kitsu, a production tracker for animation and VFX studios. Keep @mentions exactly as given. Answer with the comment text only, in the language of the current comment, in at most 5 sentences, with no signature and no sign-off (a marker line naming Sidekick is added after your text). ${PLAIN_TEXT_RULES}`,
  'thread-summary': `You summarise the comment thread of one task in Kitsu, a production tracker for animation and VFX studios, for a supervisor. Answer with at most 6 short lines starting with "- ": what was asked, what was delivered, what is still open, who is expected to act next. ${PLAIN_TEXT_RULES}`,
  'explain-suggestion': `You explain to a production coordinator why a deterministic rule of Kitsu Sidekick made a suggestion, from its reasons only, in at most 4 sentences. ${PLAIN_TEXT_RULES}`,
};

export function buildPrompt(request: PromptRequest, options: PromptOptions): BuiltPrompt {
  const redactor = createRedactor(options.exclude, {
    names: options.knownNames,
    production: request.input.production,
    labels:
      request.purpose === 'comment-draft'
        ? request.input.taskLabels
        : request.purpose === 'thread-summary'
          ? [request.input.taskLabel]
          : [],
  });
  const leftOut: string[] = [];
  const lines: string[] = [];
  const production = request.input.production;
  if (production) lines.push(`Production: ${production}`);

  if (request.purpose === 'comment-draft') {
    const { input } = request;
    lines.push(`Write ${DRAFT_GOALS[input.kind]}.`);
    const shown = input.taskLabels.slice(0, LIMITS.tasks);
    const more = input.taskLabels.length - shown.length;
    lines.push(
      `The same comment is posted on ${input.taskLabels.length} task${input.taskLabels.length > 1 ? 's' : ''}:`,
    );
    lines.push(...shown.map((label) => `- ${label}`));
    if (more > 0) {
      lines.push(`- and ${more} more`);
      leftOut.push(`the names of ${more} more tasks`);
    }
    if (input.changes.length > 0)
      lines.push('Other changes made with the comment:', ...input.changes.map((c) => `- ${c}`));
    lines.push(
      input.recipients.length > 0 ? `Kitsu notifies: ${input.recipients.join(', ')}` : 'Kitsu notifies nobody.',
    );
    lines.push('Current comment:', input.currentText);
    const instructions = input.instructions?.trim();
    if (instructions) lines.push('The coordinator adds:', clip(instructions, LIMITS.instructions));
  } else if (request.purpose === 'thread-summary') {
    const { input } = request;
    lines.push(`Task: ${input.taskLabel}`, `Current status: ${input.status}`);
    const recent = input.comments.slice(-LIMITS.comments);
    const kept: string[] = [];
    let size = 0;
    for (const comment of [...recent].reverse()) {
      const entry = `[${comment.date.slice(0, 10)}] ${comment.author}${comment.status ? ` (${comment.status})` : ''}: ${clip(
        comment.text.replace(/\s+/g, ' ').trim(),
        LIMITS.commentLength,
      )}`;
      if (size + entry.length > LIMITS.threadCharacters) break;
      kept.unshift(entry);
      size += entry.length;
    }
    const older = input.comments.length - kept.length;
    if (older > 0) leftOut.push(`${older} older comment${older > 1 ? 's' : ''}`);
    lines.push(
      kept.length > 0 ? `Comments, oldest first (${kept.length} of ${input.comments.length}):` : 'No comments.',
      ...kept,
    );
  } else {
    const { input } = request;
    lines.push(`Suggestion: ${input.title}`, 'Reasons:', ...input.reasons.map((reason) => `- ${reason}`));
  }

  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM[request.purpose] },
    { role: 'user', content: redactor.text(lines.join('\n')) },
  ];
  return {
    messages,
    characters: messages.reduce((total, message) => total + message.content.length, 0),
    excluded: options.exclude.map((field) => REDACTABLE_LABELS[field]),
    leftOut,
    restorations: redactor.restorations(),
  };
}

/** Rule and bulk origins whose comments are of a known kind. */
export function draftKindOf(origin: { kind: string; id: string }): DraftKind {
  if (origin.kind === 'rule' && origin.id === 'overdue') return 'reminder';
  if (origin.kind === 'rule' && origin.id === 'stale-wip') return 'check-in';
  if (origin.kind === 'rule' && origin.id === 'retake-loop') return 'retake';
  return 'comment';
}
