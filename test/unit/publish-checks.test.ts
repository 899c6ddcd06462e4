import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  assertPublishableFiles,
  planSizeProblem,
  type StoredFacts,
  storedFileProblem,
  uploadableFile,
} from '../../lib/publish/checks';
import { escapeMarkdown } from '../../lib/publish/markdown';
import { commentText, PublishPlanError } from '../../lib/publish/plan';
import {
  BYTES_PER_GB,
  PUBLISH_SETTINGS_KEY,
  parsePublishSettings,
  readPublishSettings,
  savePublishSettings,
} from '../../lib/publish/settings';

const png = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });
const declared = (name: string, size: number, type = 'image/png') => ({ id: `id-${name}`, name, size, type });

/** A stand-in for the extension's file store, by id. */
const storeOf = (files: Record<string, StoredFacts>) => ({ stored: async (id: string) => files[id] });

describe('a stored file against what the page declared', () => {
  it('passes when name, size and type are the stored file’s and Kitsu takes it', () => {
    expect(storedFileProblem(declared('a.png', 3), { name: 'a.png', blob: png(3) })).toBeNull();
  });

  it('refuses a missing file, and one whose name, size or type differ from what is stored', () => {
    expect(storedFileProblem(declared('a.png', 3), undefined)).toBe(
      'a.png is no longer in Sidekick’s storage (drop it again).',
    );
    const differs = 'a.png is not the file Sidekick stored for it (its name, size or type differ): drop it again.';
    expect(storedFileProblem(declared('a.png', 3), { name: 'a.exe', blob: png(3) })).toBe(differs);
    expect(storedFileProblem(declared('a.png', 3), { name: 'a.png', blob: png(4_000_000) })).toBe(differs);
    expect(storedFileProblem(declared('a.png', 3, 'video/mp4'), { name: 'a.png', blob: png(3) })).toBe(differs);
  });

  it('refuses, from the stored file itself, a format or a size Kitsu does not take', () => {
    const exe = new Blob([new Uint8Array(3)], { type: 'application/x-msdownload' });
    expect(storedFileProblem(declared('a.exe', 3, exe.type), { name: 'a.exe', blob: exe })).toBe(
      'a.exe: Kitsu does not take .exe files as previews.',
    );
    expect(storedFileProblem(declared('a.png', 0), { name: 'a.png', blob: png(0) })).toBe('a.png: The file is empty.');
  });

  it('just before an upload, gives the bytes only if they are still what was confirmed', () => {
    const blob = png(3);
    expect(uploadableFile(declared('a.png', 3), blob)).toEqual({ blob });
    expect(uploadableFile(declared('a.png', 3), png(5))).toHaveProperty('problem');
    expect(uploadableFile(declared('a.png', 3), undefined)).toEqual({
      problem: 'a.png is no longer in Sidekick’s storage (drop it again).',
    });
  });
});

describe('a publish plan’s files at plan time', () => {
  it('are checked from the store, whatever sizes the page declared, within the plan’s total', async () => {
    const store = storeOf({ 'id-a.png': { name: 'a.png', blob: png(3) }, 'id-b.png': { name: 'b.png', blob: png(5) } });
    await expect(
      assertPublishableFiles([declared('a.png', 3), declared('b.png', 5)], store, 5),
    ).resolves.toBeUndefined();
    // A page that says 1 byte for a 5-byte file is refused.
    await expect(assertPublishableFiles([declared('b.png', 1)], store, 5)).rejects.toThrow(
      new PublishPlanError(
        'b.png is not the file Sidekick stored for it (its name, size or type differ): drop it again.',
      ),
    );
  });

  it('are each published once per plan', async () => {
    const store = storeOf({ 'id-a.png': { name: 'a.png', blob: png(3) } });
    await expect(assertPublishableFiles([declared('a.png', 3), declared('a.png', 3)], store, 5)).rejects.toThrow(
      'Each file can be published once per plan.',
    );
  });

  it('name at most three problems, and how many more', async () => {
    const files = ['a', 'b', 'c', 'd', 'e'].map((name) => declared(`${name}.png`, 3));
    await expect(assertPublishableFiles(files, storeOf({}), 5)).rejects.toThrow(/\(drop it again\)\. \(and 2 more\)$/);
  });

  it('refuse a plan above the total size setting, with a sentence that says what to do', async () => {
    // The blobs' own sizes count: a stand-in with the size of 3 GB each, without allocating it.
    const big = (name: string) => ({ name, blob: { size: 3 * BYTES_PER_GB, type: 'image/png' } as Blob });
    const files = [declared('a.mov', 3 * BYTES_PER_GB), declared('b.mov', 3 * BYTES_PER_GB)].map((file) => ({
      ...file,
      type: 'image/png',
    }));
    const store = storeOf({ 'id-a.mov': big('a.mov'), 'id-b.mov': big('b.mov') });
    // 3 GB each is above what Kitsu takes per file: the per-file limit speaks first.
    await expect(assertPublishableFiles(files, store, 5)).rejects.toThrow('larger than Kitsu accepts');
    expect(planSizeProblem([0.9 * BYTES_PER_GB, 0.9 * BYTES_PER_GB], 1.5)).toBe(
      'These files come to 1.8 GB, more than the 1.5 GB one publish may upload: publish them in smaller batches, or raise “Largest publish” in Sidekick’s settings.',
    );
    expect(planSizeProblem([0.9 * BYTES_PER_GB, 0.6 * BYTES_PER_GB], 1.5)).toBeNull();
    const six = Array.from({ length: 6 }, (_, index) => `f${index}.mov`);
    const nearlyOneGb = 0.9 * BYTES_PER_GB;
    const sixStore = storeOf(
      Object.fromEntries(
        six.map((name) => [`id-${name}`, { name, blob: { size: nearlyOneGb, type: 'video/quicktime' } as Blob }]),
      ),
    );
    await expect(
      assertPublishableFiles(
        six.map((name) => declared(name, nearlyOneGb, 'video/quicktime')),
        sixStore,
        5,
      ),
    ).rejects.toThrow('These files come to 5.4 GB, more than the 5 GB one publish may upload');
  });
});

describe('file names in comments', () => {
  it('never render as Markdown', () => {
    expect(escapeMarkdown('*SH010*_[x](y).png')).toBe('\\*SH010\\*\\_\\[x\\](y).png');
    expect(escapeMarkdown('`code` <b>bold</b> ~~gone~~ a|b &amp;.png')).toBe(
      '\\`code\\` \\<b\\>bold\\</b\\> \\~\\~gone\\~\\~ a\\|b \\&amp;.png',
    );
    expect(escapeMarkdown('_under_.png')).toBe('\\_under\\_.png');
    expect(escapeMarkdown('# title.png')).toBe('\\# title.png');
    expect(escapeMarkdown('- item.png')).toBe('\\- item.png');
    expect(escapeMarkdown('1. first.png')).toBe('1\\. first.png');
    expect(escapeMarkdown('two\nlines.png')).toBe('two lines.png');
    expect(escapeMarkdown('back\\slash.png')).toBe('back\\\\slash.png');
  });

  it('keep ordinary names as typed (underscores inside words are not emphasis)', () => {
    for (const name of ['SQ010_SH0010_anim_v001.mp4', 'sq010-sh0010.anim.v000.1001.png', '01.png', 'Été_v2.png']) {
      expect(escapeMarkdown(name)).toBe(name);
    }
  });

  it('are escaped in the comment, and a "$&" in a name stays text', () => {
    expect(
      commentText('New version: {file} (v{version})', { fileName: '*SH010*_[x](y).png', version: 2, taskLabel: 't' }),
    ).toBe('New version: \\*SH010\\*\\_\\[x\\](y).png (v002)');
    expect(commentText('{file} for {task}', { fileName: 'a$&b$1.png', version: 1, taskLabel: '$`' })).toBe(
      'a$\\&b$1.png for $`',
    );
  });
});

describe('the publish settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('default to 5 GB per plan, and keep what a person saved', async () => {
    expect(await readPublishSettings()).toEqual({ maxPlanGigabytes: 5 });
    expect(await savePublishSettings({ maxPlanGigabytes: 12.5 })).toEqual({ maxPlanGigabytes: 12.5 });
    expect(await readPublishSettings()).toEqual({ maxPlanGigabytes: 12.5 });
  });

  it('refuse what is not a sensible size, with a sentence', () => {
    expect(() => parsePublishSettings({ maxPlanGigabytes: Number.NaN })).toThrow(
      'Largest publish: enter a number of gigabytes.',
    );
    expect(() => parsePublishSettings({ maxPlanGigabytes: 0 })).toThrow('Largest publish: at least 0.1 GB.');
    expect(() => parsePublishSettings({ maxPlanGigabytes: 5000 })).toThrow('Largest publish: at most 1000 GB.');
  });

  it('read a damaged stored value as the default', async () => {
    await fakeBrowser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: { maxPlanGigabytes: 'lots' } });
    expect(await readPublishSettings()).toEqual({ maxPlanGigabytes: 5 });
  });
});
