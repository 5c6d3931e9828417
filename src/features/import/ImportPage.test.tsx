import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import type { Report } from '../../report/index.ts';
import { ImportPage } from './ImportPage.tsx';

beforeEach(async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
});

const html = readFileSync('tests/fixtures/import/xuwen-2023.html', 'utf8');

function paste(target: HTMLElement, data: Record<string, string>) {
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => data[type] ?? '' } });
}

function setup() {
  const onKeepAsLastYear = vi.fn<(r: Report) => Promise<string | undefined>>(async () => undefined);
  const onOpenAsDraft = vi.fn<(r: Report) => Promise<string | undefined>>(async () => undefined);
  const onCancel = vi.fn();
  render(<ImportPage onKeepAsLastYear={onKeepAsLastYear} onOpenAsDraft={onOpenAsDraft} onCancel={onCancel} />);
  return { onKeepAsLastYear, onOpenAsDraft, onCancel };
}

test('pasted HTML is read and shown for review, each mark at its cell, before anything is saved', async () => {
  const calls = setup();
  paste(screen.getByLabelText('粘贴报告内容'), { 'text/html': html, 'text/plain': 'ignored' });
  expect(await screen.findByRole('heading', { name: '检查读到的内容' }, { timeout: 10_000 })).toBeInTheDocument();
  const applications = screen.getByRole('region', { name: '三、收到和处理政府信息公开申请情况' });
  const marked = (cls: string) => applications.querySelectorAll(`td.${cls}`);
  // xuwen prints 0 for 自然人 of 一、本年新收 and blanks for the five organisations.
  expect(applications.querySelector('td[data-cell="applications.newReceived.naturalPerson"]')).toHaveTextContent('0');
  expect(applications.querySelector('td[data-cell="applications.newReceived.commercial"]')).toHaveTextContent('空白');
  expect(marked('import-cell-blank').length).toBe(5 + 6 * 8);
  expect(applications.querySelector('td[data-cell="applications.carriedForward.naturalPerson"]')).toHaveTextContent('未找到');
  expect(screen.getByRole('region', { name: '二、主动公开政府信息情况' }).querySelector('td[data-cell="proactive.normativeDocuments.inForce"]')).toHaveTextContent('101');
  expect(calls.onKeepAsLastYear).not.toHaveBeenCalled();
  expect(calls.onOpenAsDraft).not.toHaveBeenCalled();
});

test('the clerk confirms the header; keeping as last year hands over the confirmed report', async () => {
  const calls = setup();
  paste(screen.getByLabelText('粘贴报告内容'), { 'text/html': html });
  await screen.findByRole('heading', { name: '检查读到的内容' }, { timeout: 10_000 });
  // xuwen's page names neither agency nor year: both are asked for, and no button names a year it does not know.
  expect(screen.getByRole('button', { name: '作为上年年报，新建下一年度年报' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '作为草稿打开' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: /作为上年年报/ }));
  expect(screen.getByRole('alert')).toHaveTextContent('请先填写机关名称');
  await userEvent.type(screen.getByLabelText('机关名称'), '徐闻县司法局');
  await userEvent.type(screen.getByLabelText('报告年度'), '2023');
  await userEvent.click(screen.getByRole('button', { name: '作为上年年报，新建 2024 年度年报' }));
  await waitFor(() => expect(calls.onKeepAsLastYear).toHaveBeenCalledTimes(1));
  const report = calls.onKeepAsLastYear.mock.calls[0]![0];
  expect(report.meta).toMatchObject({ agency: '徐闻县司法局', year: 2023, agencyKind: 'department' });
  expect(report.proactive.normativeDocuments.inForce).toBe(101);
  expect(report.applications.newReceived.commercial).toBeNull();
});

test('a statedTotal disagreement is marked at the printed total', async () => {
  setup();
  const text = readFileSync('tests/fixtures/pingluo-2022-zhengfuban.txt', 'utf8').replace('一、本年新收政府信息公开申请数量\t\t24\t0\t0\t0\t0\t0\t24', '一、本年新收政府信息公开申请数量\t\t24\t0\t0\t0\t0\t0\t25');
  paste(screen.getByLabelText('粘贴报告内容'), { 'text/plain': text });
  await screen.findByRole('heading', { name: '检查读到的内容' }, { timeout: 10_000 });
  expect(document.querySelector('td[data-cell="applications.newReceived.total"]')).toHaveTextContent('印 25，各项之和 24');
  expect(screen.getByLabelText('机关名称')).toHaveValue('平罗县人民政府办公室');
  expect(screen.getByLabelText('机关类别')).toHaveValue('governmentOffice');
  const overview = screen.getByRole('region', { name: '文字部分' });
  expect(within(overview).getByText('主动公开情况')).toBeInTheDocument();
});

test('something that is not a report is refused with a message; cancel leaves nothing', async () => {
  const calls = setup();
  paste(screen.getByLabelText('粘贴报告内容'), { 'text/plain': '今天天气很好。' });
  expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent('没有找到政府信息公开工作年度报告的表格或章节');
  await userEvent.click(screen.getByRole('button', { name: '取消' }));
  expect(calls.onCancel).toHaveBeenCalled();
  expect(calls.onKeepAsLastYear).not.toHaveBeenCalled();
  expect(calls.onOpenAsDraft).not.toHaveBeenCalled();
});

test('a file is read by its content (a .docx)', async () => {
  setup();
  const bytes = readFileSync('tests/fixtures/import/zhanjiang-dfz-2023.docx');
  const file = new File([bytes], 'report.docx');
  await userEvent.upload(screen.getByLabelText('或选择文件'), file);
  expect(await screen.findByRole('heading', { name: '检查读到的内容' }, { timeout: 10_000 })).toBeInTheDocument();
  expect(screen.getByLabelText('机关名称')).toHaveValue('湛江市人民政府地方志办公室');
});
