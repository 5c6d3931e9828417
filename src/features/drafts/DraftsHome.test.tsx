import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import { decode, emptyReport, reportingYear, returnReport, setCell, submit, type Report } from '../../report/index.ts';
import { MemoryDraftStore, type Result } from '../../storage/index.ts';
import { DraftsHome } from './DraftsHome.tsx';
import { DraftStoreProvider } from './StoreContext.tsx';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function pingluo(): Report {
  const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
  if (!decoded.ok) throw new Error('fixture does not decode');
  return decoded.report;
}

function jsonFile(content: string | object, name = 'report.json'): File {
  return new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });
}

let store: MemoryDraftStore;

beforeEach(async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  store = new MemoryDraftStore();
  window.location.hash = '#/';
  localStorage.clear();
});

afterEach(() => store.close());

async function renderHome() {
  const user = userEvent.setup();
  render(
    <DraftStoreProvider store={store}>
      <DraftsHome />
    </DraftStoreProvider>,
  );
  return user;
}

const list = () => screen.getByRole('table', { name: '年报草稿' });
const rows = () => within(list()).getAllByRole('row').slice(1);

test('an empty store says so and offers to create or import', async () => {
  await renderHome();
  expect(await screen.findByText('还没有年报草稿。请新建一份，或导入 JSON 文件。')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '新建年报' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '导入 JSON 文件' })).toBeInTheDocument();
});

test('every draft with agency, year, status, last change, errors and warnings', async () => {
  const unbalanced = setCell(emptyReport({ agency: '乙局', year: 2023 }), 'applications.newReceived.naturalPerson', 3);
  value(await store.create({ document: unbalanced }));
  value(await store.create({ document: pingluo() }));
  await renderHome();
  await waitFor(() => expect(rows()).toHaveLength(2));
  const [first, second] = rows();
  expect(within(first!).getByRole('rowheader')).toHaveTextContent('平罗县人民政府办公室');
  expect(first).toHaveTextContent('2022');
  expect(first).toHaveTextContent('已定稿');
  expect(second).toHaveTextContent('乙局');
  expect(second).toHaveTextContent('草稿');
  // The balance error of 三's 自然人 column is counted; unfilled parts are not, in a draft.
  const cells = within(second!).getAllByRole('cell');
  expect(cells[3]).toHaveTextContent('1');
  expect(within(second!).getByRole('link', { name: '乙局' })).toHaveAttribute('href', expect.stringMatching(/^#\/drafts\//));
});

test('create blank: asks agency, kind and year (the year being reported by default), then opens it', async () => {
  const user = await renderHome();
  await user.click(screen.getByRole('button', { name: '新建年报' }));
  const dialog = screen.getByRole('dialog', { name: '新建年报' });
  expect(within(dialog).getByLabelText('报告年度')).toHaveValue(String(reportingYear()));
  await user.click(within(dialog).getByRole('button', { name: '创建' }));
  expect(within(dialog).getByText('请填写机关名称。')).toBeInTheDocument();
  expect(value(await store.list())).toEqual([]);
  await user.type(within(dialog).getByLabelText('机关名称'), '某某县交通运输局');
  await user.selectOptions(within(dialog).getByLabelText('机关类别'), 'township');
  await user.clear(within(dialog).getByLabelText('报告年度'));
  await user.type(within(dialog).getByLabelText('报告年度'), '2024');
  await user.click(within(dialog).getByRole('button', { name: '创建' }));
  await waitFor(() => expect(window.location.hash).toMatch(/^#\/drafts\/\w+$/));
  const [created] = value(await store.list());
  expect(created).toMatchObject({ agency: '某某县交通运输局', agencyKind: 'township', year: 2024, status: 'draft' });
  expect(window.location.hash).toBe(`#/drafts/${created!.id}`);
});

test('create from last year’s draft: meta with year + 1, part titles, carried-over and in-force, last year kept', async () => {
  const last = pingluo();
  const source = value(await store.create({ document: last }));
  const user = await renderHome();
  await waitFor(() => expect(rows()).toHaveLength(1));
  await user.click(screen.getByRole('button', { name: '从上年年报新建' }));
  const dialog = screen.getByRole('dialog', { name: '从上年年报新建' });
  expect(within(dialog).getByLabelText('选择上年年报')).toHaveValue(source.id);
  await user.click(within(dialog).getByRole('button', { name: '创建' }));
  await waitFor(() => expect(window.location.hash).not.toBe('#/'));
  const id = window.location.hash.replace('#/drafts/', '');
  const draft = value(await store.get(id));
  expect(draft.document.meta).toMatchObject({ agency: last.meta.agency, agencyKind: last.meta.agencyKind, year: 2023, contact: last.meta.contact });
  expect(draft.document.applications.carriedOver).toEqual(last.applications.carriedForward);
  expect(draft.document.proactive.regulations.inForce).toBe(last.proactive.regulations.inForce);
  expect(draft.document.proactive.normativeDocuments.inForce).toBe(last.proactive.normativeDocuments.inForce);
  expect(draft.document.narrative.overview.map((p) => p.title)).toEqual(last.narrative.overview.map((p) => p.title));
  expect(draft.document.narrative.overview.every((p) => p.text === '')).toBe(true);
  expect(draft.document.status).toBe('draft');
  expect(draft.lastYear).toEqual(last);
});

test('create from last year’s JSON file; a bad file is refused with its problems', async () => {
  const user = await renderHome();
  await user.click(await screen.findByRole('button', { name: '从上年年报新建' }));
  const dialog = screen.getByRole('dialog', { name: '从上年年报新建' });
  // No drafts: the file is the only source.
  expect(within(dialog).getByRole('radio', { name: '我的年报' })).toBeDisabled();
  await user.upload(within(dialog).getByLabelText('选择上年年报的 JSON 文件'), jsonFile('{"kind": 1,}'));
  await user.click(within(dialog).getByRole('button', { name: '创建' }));
  expect(await within(dialog).findByText(/不是 JSON 文件/)).toBeInTheDocument();
  expect(value(await store.list())).toEqual([]);
  await user.upload(within(dialog).getByLabelText('选择上年年报的 JSON 文件'), jsonFile(pingluo()));
  await user.click(within(dialog).getByRole('button', { name: '创建' }));
  await waitFor(() => expect(window.location.hash).not.toBe('#/'));
  const [created] = value(await store.list());
  expect(created).toMatchObject({ year: 2023, hasLastYear: true });
});

test('duplicate: a copy with the same document and lastYear, named as a copy', async () => {
  const original = value(await store.create({ document: pingluo(), lastYear: emptyReport({ agency: '平罗县人民政府办公室', year: 2021 }) }));
  const user = await renderHome();
  await user.click(await screen.findByRole('button', { name: '复制“平罗县人民政府办公室”' }));
  await waitFor(() => expect(rows()).toHaveLength(2));
  expect(screen.getByRole('status')).toHaveTextContent('已复制“平罗县人民政府办公室”。');
  const copy = value(await store.list()).find((d) => d.id !== original.id)!;
  expect(copy.title).toBe('平罗县人民政府办公室（副本）');
  const copied = value(await store.get(copy.id));
  expect(copied.document).toEqual(original.document);
  expect(copied.lastYear).toEqual(original.lastYear);
  expect(within(list()).getByRole('link', { name: '平罗县人民政府办公室（副本）' })).toBeInTheDocument();
});

test('rename sets the draft’s own name; the report’s agency stays', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const user = await renderHome();
  await user.click(await screen.findByRole('button', { name: '重命名“甲局”' }));
  const dialog = screen.getByRole('dialog', { name: '重命名草稿' });
  const input = within(dialog).getByLabelText('草稿名称');
  expect(input).toHaveFocus();
  await user.clear(input);
  await user.type(input, '甲局 第二稿');
  await user.click(within(dialog).getByRole('button', { name: '保存' }));
  expect(await within(list()).findByRole('link', { name: '甲局 第二稿' })).toBeInTheDocument();
  // The agency shows under the draft's name.
  expect(within(rows()[0]!).getByText('甲局')).toBeInTheDocument();
  expect(value(await store.get(draft.id)).document.meta.agency).toBe('甲局');
});

test('delete with undo, and the recently deleted list', async () => {
  value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const user = await renderHome();
  await user.click(await screen.findByRole('button', { name: '删除“甲局”' }));
  expect(await screen.findByText('还没有年报草稿。请新建一份，或导入 JSON 文件。')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('已删除“甲局”。');
  expect(screen.getByText('最近删除（1）')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '撤销删除' }));
  await waitFor(() => expect(rows()).toHaveLength(1));
  expect(screen.queryByText('最近删除（1）')).not.toBeInTheDocument();

  // Later: restore from the recently deleted list.
  await user.click(screen.getByRole('button', { name: '删除“甲局”' }));
  await user.click(await screen.findByText('最近删除（1）'));
  expect(screen.getByText(/还可恢复 30 天/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '恢复“甲局”' }));
  await waitFor(() => expect(rows()).toHaveLength(1));
});

test.each([
  ['not JSON', jsonFile('年报：这不是 JSON'), '', /不是 JSON 文件/],
  ['wrong kind', jsonFile({ kind: 'something-else' }), 'kind', /文件类型不对/],
  ['2019 format', jsonFile({ kind: 'gov-info-disclosure-annual-report', formatVersion: '2019', schemaVersion: 1 }), 'formatVersion', /2019 年试行格式/],
])('import a bad file (%s): refused with the problems by field path, nothing changes', async (_name, file, path, message) => {
  const existing = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const user = await renderHome();
  await waitFor(() => expect(rows()).toHaveLength(1));
  const before = store.writeAttempts;
  await user.upload(screen.getByLabelText('选择要导入的 JSON 文件'), file);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('文件“report.json”不能导入。');
  expect(alert).toHaveTextContent('已有草稿没有任何改动');
  const problemRows = within(within(alert).getByRole('table')).getAllByRole('row').slice(1);
  expect(problemRows[0]).toHaveTextContent(path || '（整个文件）');
  expect(problemRows[0]).toHaveTextContent(message);
  expect(store.writeAttempts).toBe(before);
  expect(value(await store.list()).map((d) => d.id)).toEqual([existing.id]);
  expect(value(await store.get(existing.id)).revision).toBe(1);
});

test('import a file with wrong types: every problem listed by its path', async () => {
  const bad = structuredClone(pingluo()) as unknown as { applications: { newReceived: Record<string, unknown> }; proactive: Record<string, unknown> };
  bad.applications.newReceived.naturalPerson = '十二';
  bad.proactive.fees = -1;
  const user = await renderHome();
  await user.upload(await screen.findByLabelText('选择要导入的 JSON 文件'), jsonFile(bad, 'bad.json'));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText('applications.newReceived.naturalPerson')).toBeInTheDocument();
  expect(within(alert).getByText('proactive.fees')).toBeInTheDocument();
  expect(value(await store.list())).toEqual([]);
});

test('import a good file: a new draft; the same agency and year again: new draft or new version', async () => {
  const report = pingluo();
  const user = await renderHome();
  await user.upload(await screen.findByLabelText('选择要导入的 JSON 文件'), jsonFile(report, 'pingluo.json'));
  expect(await screen.findByText(/已导入“pingluo.json”/)).toBeInTheDocument();
  const [imported] = value(await store.list());
  expect(value(await store.get(imported!.id)).document).toEqual(report);
  expect(value(await store.versions(imported!.id)).map((v) => v.milestone)).toEqual(['imported']);

  // The same agency and year: the clerk chooses. A new version of the existing draft:
  const changed = setCell(report, 'appeals.review.upheld', 5);
  await user.upload(screen.getByLabelText('选择要导入的 JSON 文件'), jsonFile(changed, 'pingluo-2.json'));
  const dialog = await screen.findByRole('dialog', { name: '导入年报' });
  await user.click(within(dialog).getByRole('radio', { name: /“平罗县人民政府办公室”的新版本/ }));
  await user.click(within(dialog).getByRole('button', { name: '导入' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(value(await store.list())).toHaveLength(1);
  expect(value(await store.get(imported!.id)).document).toEqual(changed);
  expect(value(await store.versions(imported!.id)).map((v) => v.milestone)).toEqual(['imported', 'imported']);

  // …or a new draft.
  await user.upload(screen.getByLabelText('选择要导入的 JSON 文件'), jsonFile(report, 'pingluo-3.json'));
  await user.click(await screen.findByRole('button', { name: '导入' }));
  await waitFor(async () => expect(value(await store.list())).toHaveLength(2));
});

test('an older schemaVersion is migrated on import, and the clerk is told', async () => {
  const v1 = structuredClone(pingluo()) as unknown as Record<string, unknown>;
  delete v1.review;
  delete v1.aggregate;
  v1.schemaVersion = 1;
  const user = await renderHome();
  await user.upload(await screen.findByLabelText('选择要导入的 JSON 文件'), jsonFile(v1, 'old.json'));
  expect(await screen.findByText(/已自动升级/)).toBeInTheDocument();
  const [draft] = value(await store.list());
  expect(value(await store.get(draft!.id)).document.schemaVersion).toBe(2);
});

test('the home stays the home and offers to continue the draft the clerk was last in (its section)', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  value(await store.create({ document: emptyReport({ agency: '乙局', year: 2023 }) }));
  localStorage.setItem('nianbao.lastRoute', `#/drafts/${draft.id}/applications`);
  await renderHome();
  const resume = await screen.findByRole('link', { name: '继续填写“甲局”' });
  expect(resume).toHaveAttribute('href', `#/drafts/${draft.id}/applications`);
  // No jump: the list is what shows.
  expect(window.location.hash).toBe('#/');
  await waitFor(() => expect(rows()).toHaveLength(2));
});

test('no "continue" for a deleted draft, nor without a last draft', async () => {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  value(await store.softDelete(draft.id));
  localStorage.setItem('nianbao.lastRoute', `#/drafts/${draft.id}`);
  await renderHome();
  expect(await screen.findByText('还没有年报草稿。请新建一份，或导入 JSON 文件。')).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: /继续填写/ })).not.toBeInTheDocument();
  expect(window.location.hash).toBe('#/');
});

/** The seed as the 政务公开办 sends it back: the clerk's 定稿 report, returned with a reason. */
function returnedSeed(): Report {
  const ready = { ...pingluo(), status: 'ready' as const };
  return returnReport(submit(ready, { actor: '平罗县人民政府办公室' }), '三表不平衡，请更正', { actor: '县政务公开办 王某' });
}

test('a returned report imported: offered first as a new version of the draft, then 已退回 and editable', async () => {
  const mine = value(await store.create({ document: { ...pingluo(), status: 'ready' } }));
  const user = await renderHome();
  await waitFor(() => expect(within(rows()[0]!).getByText('已定稿')).toBeInTheDocument());
  await user.upload(screen.getByLabelText('选择要导入的 JSON 文件'), jsonFile(returnedSeed(), 'returned.json'));
  const dialog = await screen.findByRole('dialog', { name: '导入年报' });
  const radios = within(dialog).getAllByRole('radio');
  // The new version comes first, and is chosen.
  expect(radios[0]).toHaveAccessibleName(/“平罗县人民政府办公室”的新版本/);
  expect(radios[0]).toBeChecked();
  expect(radios[1]).toHaveAccessibleName('新的草稿');
  expect(dialog).toHaveTextContent('政务公开办退回的文件');
  await user.click(within(dialog).getByRole('button', { name: '导入' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  const [only] = value(await store.list());
  expect(only!.id).toBe(mine.id);
  const stored = value(await store.get(mine.id)).document;
  expect(stored.status).toBe('draft');
  expect(stored.review.status).toBe('returned');
  await waitFor(() => expect(within(rows()[0]!).getByText('已退回')).toBeInTheDocument());
});

test('a returned report with no draft of its own: a new draft, 已退回', async () => {
  const user = await renderHome();
  await user.upload(await screen.findByLabelText('选择要导入的 JSON 文件'), jsonFile(returnedSeed(), 'returned.json'));
  await waitFor(() => expect(rows()).toHaveLength(1));
  expect(within(rows()[0]!).getByText('已退回')).toBeInTheDocument();
  expect(value(await store.list())[0]).toMatchObject({ status: 'draft', reviewStatus: 'returned' });
});

test('a file dropped on the page is imported the same way', async () => {
  await renderHome();
  const region = await screen.findByRole('region', { name: '我的年报' });
  const file = jsonFile(pingluo(), 'dropped.json');
  fireEvent.drop(region, { dataTransfer: { files: [file], types: ['Files'] } });
  expect(await screen.findByText(/已导入“dropped.json”/)).toBeInTheDocument();
  expect(value(await store.list())).toHaveLength(1);
});
