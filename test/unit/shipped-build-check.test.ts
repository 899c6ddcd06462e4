import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHECK = path.join(ROOT, 'scripts/check-shipped-build.mjs');
const folders: string[] = [];

/** An output folder whose content scripts hold these sources, as the minifier writes WXT's options. */
function outputWith(sources: Record<'chrome-mv3' | 'firefox-mv3', string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-build-check-'));
  folders.push(dir);
  for (const [target, source] of Object.entries(sources)) {
    fs.mkdirSync(path.join(dir, target, 'content-scripts'), { recursive: true });
    fs.writeFileSync(path.join(dir, target, 'content-scripts', 'kitsu.js'), source);
  }
  return dir;
}

/** Runs the check the builds run; returns its exit code and what it printed. */
function check(outputDir: string) {
  try {
    const out = execFileSync(process.execPath, [CHECK], {
      env: { ...process.env, SIDEKICK_OUT_DIR: outputDir },
      stdio: 'pipe',
    });
    return { code: 0, text: out.toString() };
  } catch (error) {
    const failed = error as { status: number; stderr: Buffer };
    return { code: failed.status, text: failed.stderr.toString() };
  }
}

// As the minifier writes the dock host's creation (lib/dock/dock-host.ts).
const closed =
  'function h(n,c){const t=document.createElement(n),r=t.attachShadow({mode:`closed`});return{host:t,root:r}}';
const open = closed.replace('`closed`', '`open`');
const computed = closed.replace('{mode:`closed`}', 'o');

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the shipped-build check', () => {
  it('passes builds whose dock root is closed', () => {
    const result = check(outputWith({ 'chrome-mv3': closed, 'firefox-mv3': closed }));
    expect(result).toEqual({ code: 0, text: expect.stringContaining('closed in chrome-mv3 and firefox-mv3') });
  });

  it('fails a build whose dock root is open, in either target', () => {
    for (const sources of [
      { 'chrome-mv3': open, 'firefox-mv3': closed },
      { 'chrome-mv3': closed, 'firefox-mv3': open },
    ]) {
      const result = check(outputWith(sources));
      expect(result.code).toBe(1);
      expect(result.text).toMatch(/content-scripts\/kitsu\.js: attaches a shadow root with \{mode:`open`\}/);
    }
  });

  it('fails a build whose root mode is not written out, or that attaches no root', () => {
    const unclear = check(outputWith({ 'chrome-mv3': computed, 'firefox-mv3': closed }));
    expect(unclear.code).toBe(1);
    expect(unclear.text).toMatch(/chrome-mv3\/content-scripts\/kitsu\.js: attaches a shadow root with o/);
    const none = check(outputWith({ 'chrome-mv3': closed, 'firefox-mv3': 'function h(){}' }));
    expect(none.code).toBe(1);
    expect(none.text).toMatch(/firefox-mv3\/content-scripts\/kitsu\.js: attaches no shadow root/);
  });
});
