// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PublishPage } from '../../components/PublishPage';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  ask,
}));
const stored = vi.hoisted(() => [] as string[]);
vi.mock('../../lib/publish/files', () => ({
  createPublishFiles: () => ({
    put: async (file: File, name: string) => {
      stored.push(name);
      return { id: `stored-${name}`, name, size: file.size, type: file.type, blob: file, storedAt: 0 };
    },
  }),
}));

const KITSU_PAGE = 'https://kitsu.example/productions/p1/shots/task-types/tt-anim';
const shot = (sequence: string, name: string) => ({
  id: `${sequence}-${name}`,
  kind: 'shot' as const,
  name,
  sequence,
  episode: 'E01',
  episodeId: 'ep1',
  tasks: [{ id: `${sequence}-${name}-anim`, taskTypeId: 'tt-anim' }],
});
const CATALOG = {
  productionName: 'Fox Tales',
  entities: [shot('SQ010', 'SH0010'), shot('SQ020', 'SH0010'), shot('SQ010', 'SH0020')],
  taskTypes: [{ id: 'tt-anim', name: 'Animation', shortName: 'ANIM' }],
  statuses: [
    { id: 'st-wip', name: 'Work In Progress', shortName: 'wip' },
    { id: 'st-wfa', name: 'Waiting For Approval', shortName: 'wfa' },
  ],
  defaultStatusId: 'st-wfa',
  taskStatuses: {},
  scope: { taskTypeId: 'tt-anim' },
};

type Request = { type: string; [key: string]: unknown };
const proposals = () =>
  ask.mock.calls.map((call) => call[0] as Request).filter((request) => request.type === 'publish/propose');

function chooseFiles(names: string[]) {
  const input = screen.getByTestId('publish-input') as HTMLInputElement;
  const files = names.map((name) => new File([`bytes of ${name}`], name, { type: 'image/png' }));
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const row = (name: string) => document.querySelector(`[data-testid="publish-row"][data-file="${name}"]`) as HTMLElement;

beforeEach(() => {
  ask.mockReset();
  stored.length = 0;
  location.hash = encodeURIComponent(KITSU_PAGE);
  ask.mockImplementation(async (request: Request) => {
    if (request.type === 'publish/catalog') return CATALOG;
    if (request.type === 'publish/propose') return { planId: 'plan-1', operationCount: 2 };
    throw new Error(`unexpected ${request.type}`);
  });
});

describe('the publish page', () => {
  it('reads the catalog for the Kitsu page it was opened from, then matches the files chosen', async () => {
    render(<PublishPage />);
    await screen.findByTestId('publish-input');
    expect(ask).toHaveBeenCalledWith({ type: 'publish/catalog', url: KITSU_PAGE });
    chooseFiles(['SQ010_SH0020_anim_v003.png', 'SH0010_anim_v001.png', 'notes.txt', 'IMG_0001.png']);
    await waitFor(() => expect(screen.getAllByTestId('publish-row')).toHaveLength(4));

    expect(row('SQ010_SH0020_anim_v003.png').dataset.state).toBe('matched');
    expect((row('SQ010_SH0020_anim_v003.png').querySelector('select') as HTMLSelectElement).value).toBe(
      'SQ010-SH0020-anim',
    );
    expect(row('SH0010_anim_v001.png').dataset.state).toBe('ambiguous');
    expect(row('SH0010_anim_v001.png').textContent).toContain('Ambiguous: 2 tasks fit equally well');
    expect(row('notes.txt').textContent).toContain('Kitsu does not take .txt files as previews.');
    expect(row('notes.txt').querySelector('select')).toBeNull();
    expect(row('IMG_0001.png').textContent).toContain('Not matched: No shot, asset');
    expect(screen.getByTestId('publish-total').textContent).toMatch(
      /^1 file to publish, [\d.]+ B to upload; 2 without a task \(choose one or they are left out\)\.$/,
    );
    expect((screen.getByTestId('publish-status') as HTMLSelectElement).value).toBe('st-wfa');
  });

  it('a person settles the ambiguous file and types a task for the unmatched one; only those with a task go', async () => {
    render(<PublishPage />);
    await screen.findByTestId('publish-input');
    chooseFiles(['SQ010_SH0020_anim_v003.png', 'SH0010_anim_v001.png', 'IMG_0001.png', 'SQ010_SH0020_anim_v004.png']);
    await waitFor(() => expect(screen.getAllByTestId('publish-row')).toHaveLength(4));

    fireEvent.change(row('SH0010_anim_v001.png').querySelector('select') as HTMLSelectElement, {
      target: { value: 'SQ020-SH0010-anim' },
    });
    fireEvent.change(row('IMG_0001.png').querySelector('input') as HTMLInputElement, {
      target: { value: 'E01 / SQ010 / SH0010 / Animation' },
    });
    // The second version of SH0020 is left out by hand.
    fireEvent.change(row('SQ010_SH0020_anim_v004.png').querySelector('select') as HTMLSelectElement, {
      target: { value: '' },
    });
    expect(row('IMG_0001.png').textContent).toContain('chosen by hand');
    fireEvent.change(screen.getByTestId('publish-status'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('publish-review'));

    await screen.findByText(/The plan \(2 files\) is open in the confirm window/);
    expect(stored).toEqual(['SQ010_SH0020_anim_v003.png', 'SH0010_anim_v001.png', 'IMG_0001.png']);
    const [proposal] = proposals();
    expect(proposal).toMatchObject({
      url: KITSU_PAGE,
      statusId: null,
      template: 'New version: {file} (v{version})',
      items: [
        { taskId: 'SQ010-SH0020-anim', version: 3, file: { id: 'stored-SQ010_SH0020_anim_v003.png' } },
        { taskId: 'SQ020-SH0010-anim', version: 1 },
        { taskId: 'SQ010-SH0010-anim', version: null },
      ],
    });
  });

  it('says why the background refused', async () => {
    ask.mockImplementation(async (request: Request) => {
      if (request.type === 'publish/catalog') throw new Error('This Kitsu has no connection any more.');
      throw new Error('unexpected');
    });
    render(<PublishPage />);
    expect((await screen.findByTestId('publish-message')).textContent).toBe('This Kitsu has no connection any more.');
  });
});
