import { describe, expect, it } from 'vitest';
import { buildPrompt, type CommentDraftInput, draftKindOf, LIMITS } from '../../lib/ai/prompts';

const draft: CommentDraftInput = {
  kind: 'reminder',
  taskLabels: ['SH010 / Layout', 'SH020 / Layout'],
  currentText: 'Hi @Ann Lee, SH010 is late: ann@studio.example',
  changes: ['Status: Todo → Work In Progress'],
  recipients: ['Ann Lee'],
  production: 'Fox Tales',
  instructions: 'Mention the Friday delivery.',
};

describe('prompt building', () => {
  it('builds a comment draft from the plan: goal, tasks, other changes, recipients, current text, instructions', () => {
    const prompt = buildPrompt({ purpose: 'comment-draft', input: draft }, { exclude: [], knownNames: ['Ann Lee'] });
    expect(prompt.messages).toHaveLength(2);
    expect(prompt.messages[0]?.role).toBe('system');
    expect(prompt.messages[0]?.content).toMatch(/Keep @mentions exactly as given/);
    expect(prompt.messages[0]?.content).toMatch(/no signature/);
    expect(prompt.messages[1]).toEqual({
      role: 'user',
      content: [
        'Production: Fox Tales',
        'Write a friendly reminder to the people assigned that the task is late: ask for a new date or what blocks them.',
        'The same comment is posted on 2 tasks:',
        '- SH010 / Layout',
        '- SH020 / Layout',
        'Other changes made with the comment:',
        '- Status: Todo → Work In Progress',
        'Kitsu notifies: Ann Lee',
        'Current comment:',
        'Hi @Ann Lee, SH010 is late: ann@studio.example',
        'The coordinator adds:',
        'Mention the Friday delivery.',
      ].join('\n'),
    });
    expect(prompt.characters).toBe(prompt.messages.reduce((total, message) => total + message.content.length, 0));
    expect(prompt).toMatchObject({ excluded: [], leftOut: [], restorations: {} });
  });

  it('redacts every part of what is sent, and says what it kept back', () => {
    const prompt = buildPrompt(
      { purpose: 'comment-draft', input: draft },
      { exclude: ['names', 'emails', 'production'], knownNames: ['Ann Lee', 'Bo Chen'] },
    );
    const sent = prompt.messages.map((message) => message.content).join('\n');
    expect(sent).not.toMatch(/Ann Lee|ann@studio|Fox Tales/);
    expect(sent).toContain('Hi @Person 1, SH010 is late: [e-mail]');
    expect(sent).toContain('Kitsu notifies: Person 1');
    expect(prompt.excluded).toEqual([
      'people’s names, first names too (sent as Person 1, Person 2…)',
      'e-mail addresses',
      'the production’s name',
    ]);
    expect(prompt.restorations).toEqual({ 'Person 1': 'Ann Lee' });
  });

  it('leaves out first names in comment text, and on request the task and shot names, wherever they appear', () => {
    const prompt = buildPrompt(
      {
        purpose: 'comment-draft',
        input: { ...draft, currentText: 'Ann, SH010 is late; Bo checked SH020 / Layout.' },
      },
      { exclude: ['names', 'labels'], knownNames: ['Ann Lee', 'Bo Chen'] },
    );
    const sent = prompt.messages.map((message) => message.content).join('\n');
    expect(sent).not.toMatch(/Ann|Bo |SH010|SH020/);
    expect(sent).toContain('- Task 1\n- Task 2');
    expect(sent).toContain('Person 1, Entity 1 is late; Person 2 checked Task 2.');
    expect(prompt.restorations).toMatchObject({
      'Person 1': 'Ann Lee',
      'Person 2': 'Bo Chen',
      'Task 2': 'SH020 / Layout',
      'Entity 1': 'SH010',
    });
    // A thread summary's task too.
    const summary = buildPrompt(
      { purpose: 'thread-summary', input: { taskLabel: 'SH010 / Animation', status: 'WIP', comments: [] } },
      { exclude: ['labels'], knownNames: [] },
    );
    expect(summary.messages[1]?.content).toContain('Task: Task 1');
  });

  it('lists at most 20 tasks and says how many more were left out', () => {
    const labels = Array.from({ length: 25 }, (_, index) => `SH${index} / Layout`);
    const prompt = buildPrompt(
      { purpose: 'comment-draft', input: { ...draft, taskLabels: labels } },
      { exclude: [], knownNames: [] },
    );
    expect(prompt.messages[1]?.content).toContain('The same comment is posted on 25 tasks:');
    expect(prompt.messages[1]?.content).toContain('- and 5 more');
    expect(prompt.messages[1]?.content).not.toContain('SH20 / Layout');
    expect(prompt.leftOut).toEqual(['the names of 5 more tasks']);
  });

  it('summarises a thread from its newest comments within the budget, oldest first, saying what was left out', () => {
    const comments = Array.from({ length: 40 }, (_, index) => ({
      author: index % 2 ? 'Ann Lee' : 'Bo Chen',
      date: `2026-11-${String((index % 28) + 1).padStart(2, '0')}T10:00:00`,
      status: 'WIP',
      text: `Comment number ${index}\n with  spaces`,
    }));
    const prompt = buildPrompt(
      { purpose: 'thread-summary', input: { taskLabel: 'SH010 / Animation', status: 'Retake', comments } },
      { exclude: ['names'], knownNames: ['Ann Lee', 'Bo Chen'] },
    );
    const user = prompt.messages[1]?.content ?? '';
    expect(user).toContain(`Comments, oldest first (${LIMITS.comments} of 40):`);
    expect(user).toContain('[2026-11-11] Person 2 (WIP): Comment number 10 with spaces');
    expect(user).not.toContain('Comment number 9 ');
    expect(user.indexOf('Comment number 10')).toBeLessThan(user.indexOf('Comment number 39'));
    expect(prompt.leftOut).toEqual(['10 older comments']);
    expect(prompt.messages[0]?.content).toMatch(/at most 6 short lines/);
  });

  it('keeps a long thread under its character budget', () => {
    const comments = Array.from({ length: 30 }, (_, index) => ({
      author: 'A',
      date: '2026-11-01',
      text: `${index} ${'x'.repeat(2000)}`,
    }));
    const prompt = buildPrompt(
      { purpose: 'thread-summary', input: { taskLabel: 'T', status: 'WIP', comments } },
      { exclude: [], knownNames: [] },
    );
    expect(prompt.characters).toBeLessThan(LIMITS.threadCharacters + 1_000);
    expect(prompt.leftOut[0]).toMatch(/^\d+ older comments$/);
  });

  it('explains a suggestion from its reasons only', () => {
    const prompt = buildPrompt(
      { purpose: 'explain-suggestion', input: { title: 'SH010 is 4 days overdue', reasons: ['Due on 2026-11-25.'] } },
      { exclude: [], knownNames: [] },
    );
    expect(prompt.messages[1]?.content).toBe('Suggestion: SH010 is 4 days overdue\nReasons:\n- Due on 2026-11-25.');
  });

  it('knows the kind of comment a plan’s origin drafts', () => {
    expect(draftKindOf({ kind: 'rule', id: 'overdue' })).toBe('reminder');
    expect(draftKindOf({ kind: 'rule', id: 'stale-wip' })).toBe('check-in');
    expect(draftKindOf({ kind: 'rule', id: 'retake-loop' })).toBe('retake');
    expect(draftKindOf({ kind: 'bulk', id: 'comment-status' })).toBe('comment');
  });
});
