/**
 * The editor page's drafts pieces (session hook, toolbar, history, conflict notice) around a
 * stand-in editor: one input bound to one cell, remounted like the editor by generation.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import { emptyReport, getCell, setCell, type Report } from '../../report/index.ts';
import { MemoryDraftStore, type Result } from '../../storage/index.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DraftToolbar } from './DraftToolbar.tsx';
import { forgetLeavingSessions } from './session.ts';
import { DraftStoreProvider } from './StoreContext.tsx';
import { useDraftSession } from './useDraftSession.ts';

const CELL = 'applications.newReceived.naturalPerson';
const FAST = { idleMs: 30, maxWaitMs: 200, retryMs: [50] };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function StandInEditor({ report, onChange, readOnly, label }: { report: Report; onChange: (r: Report) => void; readOnly: boolean; label: string }) {
  return (
    <label>
      {label}
      <input
        defaultValue={getCell(report, CELL) ?? ''}
        readOnly={readOnly}
        onChange={(e) => onChange(setCell(report, CELL, e.target.value === '' ? null : Number(e.target.value)))}
      />
    </label>
  );
}

function Page({ id, label = '自然人' }: { id: string; label?: string }) {
  const session = useDraftSession(id, FAST);
  if (session.state !== 'ready') return <p>{session.state}</p>;
  return (
    <section aria-label={`page ${label}`}>
      <ConflictNotice session={session} />
      <DraftToolbar session={session} />
      <StandInEditor key={session.generation} label={label} report={session.report!} onChange={session.update} readOnly={session.readOnly} />
    </section>
  );
}

let store: MemoryDraftStore;
let downloads: { name: string; text: Promise<string> }[];

beforeEach(async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  store = new MemoryDraftStore();
  downloads = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: blobs.get(this.href)!.text() });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  forgetLeavingSessions();
  store.close();
});

async function setup() {
  const draft = value(await store.create({ document: emptyReport({ agency: '某某县交通运输局', year: 2023 }) }));
  const user = userEvent.setup();
  const view = render(
    <DraftStoreProvider store={store}>
      <Page id={draft.id} />
    </DraftStoreProvider>,
  );
  await screen.findByRole('group', { name: '草稿保存' });
  return { draft, user, view };
}

test('the save state: saved with time, saving while typing, saved again', async () => {
  const { draft, user } = await setup();
  expect(screen.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeInTheDocument();
  await user.type(screen.getByLabelText('自然人'), '12');
  await waitFor(() => expect(screen.getByText(/已保存/)).toBeInTheDocument());
  expect(getCell(value(await store.get(draft.id)).document, CELL)).toBe(12);
});

test('a failed save says why, keeps the edits, offers export, and recovers', async () => {
  const { draft, user } = await setup();
  store.failWrites = { kind: 'quota' };
  await user.type(screen.getByLabelText('自然人'), '7');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('保存失败：存储空间已满');
  expect(alert).toHaveTextContent('您的修改仍保留在本页中');
  await user.click(within(alert).getByRole('button', { name: '导出 JSON 备份' }));
  // The download code is fetched on the first export.
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['某某县交通运输局-2023-政府信息公开年报.json']));
  const exported = JSON.parse(await downloads[0]!.text) as Report;
  expect(getCell(exported, CELL)).toBe(7);
  store.failWrites = undefined;
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), { timeout: 2000 });
  expect(getCell(value(await store.get(draft.id)).document, CELL)).toBe(7);
});

test('export JSON: the whole document under the agency and year, and an exported version', async () => {
  const { draft, user } = await setup();
  await user.type(screen.getByLabelText('自然人'), '3');
  await user.click(screen.getByRole('button', { name: '导出 JSON' }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(await screen.findByText('已导出文件 某某县交通运输局-2023-政府信息公开年报.json')).toBeInTheDocument();
  const exported = JSON.parse(await downloads[0]!.text) as Report;
  expect(exported).toEqual(setCell(draft.document, CELL, 3));
  await waitFor(async () => expect(value(await store.versions(draft.id)).map((v) => v.milestone)).toEqual(['exported', 'created']));
});

test('an export that fails says so, and the edits stay', async () => {
  const { user } = await setup();
  await user.type(screen.getByLabelText('自然人'), '4');
  URL.createObjectURL = vi.fn(() => {
    throw new Error('out of memory');
  });
  await user.click(screen.getByRole('button', { name: '导出 JSON' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('导出失败，请刷新本页后再试。您的修改仍保留在本页中。');
  expect(downloads).toEqual([]);
  expect(screen.getByLabelText('自然人')).toHaveValue('4');
});

test('history: versions with what changed; view one; restore it (the current one is kept)', async () => {
  const { draft, user } = await setup();
  await user.type(screen.getByLabelText('自然人'), '5');
  await user.click(screen.getByRole('button', { name: '导出 JSON' }));
  await user.click(screen.getByRole('button', { name: '历史版本' }));
  // The panel's code is fetched when the clerk opens it.
  const dialog = await screen.findByRole('dialog', { name: '历史版本' });
  const table = await within(dialog).findByRole('table');
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
  const [, exported, created] = within(table).getAllByRole('row');
  expect(exported).toHaveTextContent('导出');
  expect(exported).toHaveTextContent('一、本年新收政府信息公开申请数量 自然人');
  expect(created).toHaveTextContent('新建');

  await user.click(within(exported!).getByRole('button', { name: /^查看/ }));
  const view = within(dialog).getByRole('region', { name: /的版本（只读）/ });
  expect(view).toHaveTextContent('已填数值（1 项）');
  expect(within(view).getByText('一、本年新收政府信息公开申请数量 自然人')).toBeInTheDocument();

  await user.click(within(created!).getByRole('button', { name: /^恢复/ }));
  expect(await within(dialog).findByText(/已恢复 .* 的版本/)).toBeInTheDocument();
  // The stand-in editor remounted with the restored document.
  expect(screen.getByLabelText('自然人')).toHaveValue('');
  expect(value(await store.get(draft.id)).document).toEqual(draft.document);
  await waitFor(async () => expect(value(await store.versions(draft.id)).map((v) => v.milestone)).toEqual(['restored', 'exported', 'created']));
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

test('two pages on one draft: the second is told, its edits kept; read-only, then reload', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const user = userEvent.setup();
  render(
    <DraftStoreProvider store={store}>
      <Page id={draft.id} label="甲页" />
      <Page id={draft.id} label="乙页" />
    </DraftStoreProvider>,
  );
  await user.type(await screen.findByLabelText('甲页'), '1');
  await waitFor(async () => expect(value(await store.get(draft.id)).revision).toBe(2));
  await user.type(screen.getByLabelText('乙页'), '2');
  const dialog = await screen.findByRole('alertdialog', { name: '此年报已在另一个窗口中修改' });
  await waitFor(() => expect(dialog).toHaveTextContent('本页尚未保存的修改已存入历史版本'));
  expect(screen.getByLabelText('乙页')).toHaveAttribute('readonly');
  expect(getCell(value(await store.get(draft.id)).document, CELL)).toBe(1);
  const [kept] = value(await store.versions(draft.id));
  expect(kept!.milestone).toBe('conflict');
  expect(getCell(value(await store.version(kept!.id)).document, CELL)).toBe(2);

  await user.click(within(dialog).getByRole('button', { name: '只读查看本页内容' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  const banner = screen.getByText(/只读：此年报已在另一个窗口中修改/);
  await user.click(within(banner.closest('div')!).getByRole('button', { name: '加载最新内容' }));
  await waitFor(() => expect(screen.getByLabelText('乙页')).toHaveValue('1'));
  expect(screen.getByLabelText('乙页')).not.toHaveAttribute('readonly');
});
