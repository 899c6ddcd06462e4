// `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs. These tests run it on a copy of
// the sources with one bad import added, to show that each rule stops what it names.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const copies: string[] = [];

/** The sources, tsconfig and a link to node_modules, in a fresh folder. */
function copyOfSources(): string {
  const copy = mkdtempSync(join(tmpdir(), 'sidekick-layers-'));
  copies.push(copy);
  for (const folder of ['lib', 'components', 'entrypoints'])
    cpSync(join(ROOT, folder), join(copy, folder), { recursive: true });
  cpSync(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
  mkdirSync(join(copy, '.wxt'));
  cpSync(join(ROOT, '.wxt/tsconfig.json'), join(copy, '.wxt/tsconfig.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/**
 * Runs the checker from the changed files only: it follows their imports, which is all a rule about
 * them needs, in a second or two instead of ten for the whole tree (`npm run lint` checks the whole tree).
 */
async function cruise(cwd: string, roots: string[]): Promise<{ failed: boolean; output: string }> {
  const args = [CRUISER, ...roots, '--config', join(ROOT, '.dependency-cruiser.cjs')];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd });
    return { failed: false, output: stdout };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { failed: true, output: `${stdout}${stderr}` };
  }
}

/** Cruises a copy of the sources where each file named in `additions` ends with the code given for it. */
async function cruiseWithAdditions(additions: Record<string, string>, roots = Object.keys(additions)) {
  const copy = copyOfSources();
  for (const [file, code] of Object.entries(additions)) appendFileSync(join(copy, file), code);
  return cruise(copy, roots);
}

afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

describe('architecture rules (dependency-cruiser)', () => {
  it('pass on the files the other tests change, as they are', async () => {
    const result = await cruise(copyOfSources(), [
      'lib/plans/values.ts',
      'lib/shared/text.ts',
      'components/features/publish.tsx',
      'lib/agent/rules/overdue.ts',
      'lib/dock/lazy-panels.ts',
    ]);
    expect(result.output).toContain('no dependency violations found');
    expect(result.failed).toBe(false);
  }, 60_000);

  it('fail on a cycle between lib folders: the layer that points back is named', async () => {
    // lib/publish imports lib/plans: plans importing publish back closes a cycle.
    const result = await cruiseWithAdditions({
      'lib/plans/values.ts':
        "\nimport { publishStep } from '../publish/step';\nexport const stepOfPublish = publishStep;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('layer-lib-plans: lib/plans/values.ts → lib/publish/step.ts');
  }, 60_000);

  it('fail on a cycle between modules', async () => {
    const result = await cruiseWithAdditions(
      {
        'lib/shared/text.ts': "\nimport { dayOf } from './dates';\nexport const day = dayOf;\n",
        'lib/shared/dates.ts': "\nimport { plural } from './text';\nexport const count = plural;\n",
      },
      // The checker finds the cycle from either end.
      ['lib/shared/text.ts'],
    );
    expect(result.failed).toBe(true);
    expect(result.output).toContain('no-circular: lib/shared/dates.ts');
  }, 60_000);

  it('fail when Kitsu’s tab would import the token vault, or a rule a browser API', async () => {
    const result = await cruiseWithAdditions({
      'components/features/publish.tsx':
        "\nimport { createVault } from '../../lib/connections/vault';\nexport const vault = createVault;\n",
      'lib/agent/rules/overdue.ts':
        "\nimport { browser } from 'wxt/browser';\nexport const storage = browser.storage;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain(
      'content-side-page-safe: components/features/publish.tsx → lib/connections/vault.ts',
    );
    expect(result.output).toContain('content-side-no-secrets: components/features/publish.tsx');
    expect(result.output).toContain('pure-rules-and-operations: lib/agent/rules/overdue.ts');
  }, 60_000);

  it('fail when lib imports the UI', async () => {
    const result = await cruiseWithAdditions({
      'lib/dock/lazy-panels.ts':
        "\nimport { features } from '../../components/features';\nexport const all = features;\n",
    });
    expect(result.failed).toBe(true);
    expect(result.output).toContain('lib-not-ui: lib/dock/lazy-panels.ts → components/features/index.ts');
  }, 60_000);
});
