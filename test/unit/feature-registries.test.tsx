// @vitest-environment happy-dom
// Adding a bulk operation or a rule takes its own file plus one line in its registry, and nothing else.
// A new operation and a new rule (registry-fixtures.ts) join copies of the registries: the bulk
// service, the dock's bulk panel, the rule engine, the settings and their storage, the options page
// and the suggestions panel's view all pick them up. Then the repository is scanned: no other file
// names an existing operation or rule, so none would need editing for a new one.
import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AgentSettingsForm } from '../../components/AgentSettings';
import { BulkHelpers } from '../../components/features/bulk-helpers';
import { runRules } from '../../lib/agent/engine';
import { registry } from '../../lib/agent/registry';
import { parseAgentSettings, readAgentSettings } from '../../lib/agent/settings';
import { DEFAULT_AGENT_SETTINGS } from '../../lib/agent/settings-schema';
import { contexts, NOW, snapshot, task } from '../../lib/agent/testing';
import type { AgentSettingsInput } from '../../lib/agent/types';
import { suggestionsView } from '../../lib/agent/view';
import { bulkOperations } from '../../lib/bulk/operations';
import { bulkChoices, bulkPlan } from '../../lib/bulk/service';
import { parseKitsuUrl } from '../../lib/kitsu-routes';
import { bulkChoicesAnswer } from '../../lib/messaging/protocol';
import { scope, session } from './bulk-fixtures';
import { quietTaskRule, remindLateOperation } from './registry-fixtures';

vi.mock('../../lib/bulk/operations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/bulk/operations')>();
  const fixtures = await import('./registry-fixtures');
  return { ...actual, bulkOperations: [...actual.bulkOperations, fixtures.remindLateOperation] };
});
vi.mock('../../lib/agent/registry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/agent/registry')>();
  const fixtures = await import('./registry-fixtures');
  return { registry: [...actual.registry, fixtures.quietTaskRule] };
});
const askWith = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  askWith,
}));

beforeEach(() => {
  fakeBrowser.reset();
  askWith.mockReset();
});

describe('a new bulk operation, declared in its file and listed in the registry', () => {
  it('is offered by the background with its fields, intact across the message, to the roles it allows', async () => {
    const choices = await bulkChoices(session('supervisor').session, scope);
    const offered = choices.operations.find((operation) => operation.id === 'remind-late');
    expect(offered).toEqual({
      id: 'remind-late',
      label: remindLateOperation.label,
      fields: remindLateOperation.fields,
    });
    expect(bulkChoicesAnswer.parse(choices)).toEqual(choices);
    const artist = await bulkChoices(session('user').session, scope);
    expect(artist.operations.map((operation) => operation.id)).not.toContain('remind-late');
  });

  it('is rendered by the panel from its declaration, and the values sent make its plan', async () => {
    const { session: supervisor } = session('supervisor');
    const choices = await bulkChoices(supervisor, scope);
    askWith.mockImplementation(async (_schema: unknown, request: { type: string }) => {
      if (request.type === 'bulk/choices') return choices;
      if (request.type === 'bulk/select') return { count: 2, sample: [], warnings: [] };
      return { planId: 'plan-1', operationCount: 2 };
    });
    render(
      <BulkHelpers
        context={parseKitsuUrl('https://kitsu.studio.example/productions/p1/shots')}
        signal={new AbortController().signal}
        dataVersion={0}
      />,
    );
    fireEvent.change(await screen.findByTestId('bulk-operation'), { target: { value: 'remind-late' } });
    const shown = () =>
      [...screen.getByTestId('bulk-inputs').querySelectorAll('[data-testid]')].map((node) =>
        node.getAttribute('data-testid'),
      );
    expect(shown()).toEqual([
      'bulk-greeting',
      'bulk-late-days',
      'bulk-as-of',
      'bulk-only-type',
      'bulk-tone',
      'bulk-closing',
      'bulk-signed',
    ]);
    const onlyType = screen.getByTestId('bulk-only-type') as HTMLSelectElement;
    expect([...onlyType.options].map((option) => option.text)).toEqual(['any task type', 'Layout']);
    expect(screen.getByTestId('bulk-missing').textContent).toBe('Give the day to count from.');
    expect((screen.getByTestId('bulk-preview') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.input(screen.getByTestId('bulk-as-of'), { target: { value: '2026-11-30' } });
    fireEvent.input(screen.getByTestId('bulk-greeting'), { target: { value: 'Hi' } });
    fireEvent.change(screen.getByTestId('bulk-tone'), { target: { value: 'brief' } });
    expect(shown()).not.toContain('bulk-closing');
    fireEvent.click(screen.getByTestId('bulk-signed'));
    fireEvent.click(screen.getByTestId('bulk-preview'));
    await screen.findByText(/A plan of 2 changes is waiting/);

    const proposed = askWith.mock.calls.map((call) => call[1]).find((request) => request.type === 'bulk/propose');
    expect(proposed.values).toEqual({
      greeting: 'Hi',
      lateDays: '1',
      asOf: '2026-11-30',
      onlyType: '',
      tone: 'brief',
      closing: 'Thanks!',
      signed: false,
    });
    const plan = await bulkPlan(supervisor, scope, proposed, { planId: 'plan-1', now: NOW });
    expect(plan.title).toBe('Remind the assignees of 2 late tasks');
    expect(plan.origin).toEqual({ kind: 'bulk', id: 'remind-late' });
    expect(plan.operations.map((operation) => operation.kind === 'comment' && operation.text)).toEqual(['Hi', 'Hi']);
  });
});

describe('a new rule, declared in its file and listed in the registry', () => {
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const data = snapshot([
    task({ taskId: 'q1', lastCommentDate: daysAgo(12) }),
    task({ taskId: 'q2', lastCommentDate: daysAgo(5) }),
  ]);
  const quiet = (settings: AgentSettingsInput) =>
    runRules(contexts.shots, data, settings, NOW)
      .suggestions.filter((suggestion) => suggestion.ruleId === 'quiet-task')
      .map((suggestion) => suggestion.title);

  it('runs in the engine with its default threshold, the one a person set, and not once switched off', () => {
    expect(quiet({})).toEqual(['SQ010 / Q1 / Animation has been quiet for 12 days']);
    expect(quiet({ quietTask: { quietDays: 4 } })).toEqual([
      'SQ010 / Q1 / Animation has been quiet for 12 days',
      'SQ010 / Q2 / Animation has been quiet for 5 days',
    ]);
    expect(quiet({ disabledRules: ['quiet-task'] })).toEqual([]);
  });

  it('has its thresholds in the settings: the default, and a refusal named by its field', () => {
    expect(DEFAULT_AGENT_SETTINGS.quietTask).toEqual({ quietDays: 10 });
    expect(() => parseAgentSettings({ quietTask: { quietDays: -1 } })).toThrow(
      'Quiet tasks, Quiet for (days): must be 0 or more.',
    );
  });

  it('shows in the options page, where a threshold set is stored and reaches the rule', async () => {
    render(<AgentSettingsForm />);
    await waitFor(() => expect(screen.getByTestId('agent-settings-form').getAttribute('data-loaded')).toBe('true'));
    expect(screen.getByTestId('agent-rule-quiet-task').textContent).toContain(
      'Open tasks nobody commented for N days.',
    );
    const days = screen.getByTestId('sk-agent-quiet-task-quietDays') as HTMLInputElement;
    expect(days.value).toBe('10');
    fireEvent.input(days, { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('agent-settings-save'));
    await screen.findByText(/^Saved\./);
    const stored = await readAgentSettings();
    expect(stored.quietTask).toEqual({ quietDays: 4 });
    expect(quiet(stored)).toHaveLength(2);
  });

  it('groups its suggestions under its name in the suggestions panel', () => {
    const { suggestions } = runRules(contexts.shots, data, {}, NOW);
    expect(suggestionsView(suggestions, suggestions).groups).toContainEqual({
      ruleId: 'quiet-task',
      name: 'Quiet tasks',
      count: 1,
    });
  });
});

// The scans read the shipped code: lib/, components/, entrypoints/.
const ROOT = path.resolve(import.meta.dirname, '../..');
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}
const SOURCES = new Map(
  ['lib', 'components', 'entrypoints']
    .flatMap(sourceFiles)
    .map((file) => [file, fs.readFileSync(path.join(ROOT, file), 'utf8')]),
);
/** The id as a string or a module path: 'stale-wip', "stale-wip", ./rules/stale-wip'. */
const named = (id: string) => new RegExp(`['"\`/]${id}['"\`]`);
/** The file each import of `file` points to (relative imports, resolved as TypeScript does). */
function importsOf(file: string): string[] {
  const text = SOURCES.get(file) ?? '';
  return [...text.matchAll(/from '(\.[^']+)'/g)].flatMap(([, specifier = '']) => {
    const base = path.posix.join(path.posix.dirname(file), specifier);
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].filter((candidate) => SOURCES.has(candidate));
  });
}

/**
 * Lines where a rule's id is the same word in another sense: "nobody" for the assignee filter (the
 * panel's and Kitsu's 'unassigned'), the bulk filter "overdue only"; and the AI's draft kind for the
 * comments of a few rules' plans, an optional nicety: a new rule's comments are drafted as plain ones.
 */
const OTHER_SENSES: Record<string, RegExp> = {
  unassigned: /person|assignee|nobody/i,
  overdue: /filter\.overdue|origin\.kind === 'rule'/,
  'stale-wip': /origin\.kind === 'rule'/,
  'retake-loop': /origin\.kind === 'rule'/,
};

describe('nothing else names an operation or a rule', () => {
  const rules = registry.filter((rule) => rule !== quietTaskRule);
  const operations = bulkOperations.filter((operation) => operation !== remindLateOperation);

  it("names a rule in its own file (rules/<id>.ts) and the registry's line only", () => {
    for (const rule of rules) {
      const mentions = [...SOURCES]
        .filter(([, text]) =>
          text.split('\n').some((line) => named(rule.id).test(line) && !OTHER_SENSES[rule.id]?.test(line)),
        )
        .map(([file]) => file);
      expect(mentions.sort(), rule.id).toEqual([`lib/agent/registry.ts`, `lib/agent/rules/${rule.id}.ts`]);
    }
  });

  it("writes no rule's settings key: it derives from the id, as stored since 0.1.0", () => {
    for (const rule of rules.filter(({ id, settingsKey }) => settingsKey !== id)) {
      const written = [...SOURCES].filter(([, text]) => new RegExp(`\\b${rule.settingsKey}\\b`).test(text));
      expect(
        written.map(([file]) => file),
        rule.id,
      ).toEqual([]);
    }
  });

  it('imports an operation file from the registry only (or from an operation built on it)', () => {
    for (const operation of operations) {
      const file = `lib/bulk/operations/${operation.id}.ts`;
      expect(SOURCES.get(file), operation.id).toMatch(new RegExp(`id: '${operation.id}'`));
      const importers = [...SOURCES.keys()].filter((candidate) => importsOf(candidate).includes(file));
      expect(importers, operation.id).toContain('lib/bulk/operations/index.ts');
      expect(
        importers.filter((importer) => !importer.startsWith('lib/bulk/operations/')),
        operation.id,
      ).toEqual([]);
    }
  });

  it('the code that offers, renders, sends and plans bulk operations names none of them', () => {
    const bulkAware = [...SOURCES.keys()].filter(
      (file) =>
        !file.startsWith('lib/bulk/operations/') &&
        (file.includes('bulk') ||
          importsOf(file).some((imported) => imported.includes('bulk')) ||
          (SOURCES.get(file) ?? '').includes("'bulk/")),
    );
    expect(bulkAware).toEqual(
      expect.arrayContaining([
        'components/features/bulk-helpers.tsx',
        'components/features/bulk-form.tsx',
        'lib/bulk/service.ts',
        'lib/bulk/handlers.ts',
        'lib/messaging/protocol/bulk.ts',
      ]),
    );
    for (const file of bulkAware) {
      const text = SOURCES.get(file) ?? '';
      expect(
        operations.filter((operation) => named(operation.id).test(text)).map((operation) => operation.id),
        file,
      ).toEqual([]);
    }
  });
});
