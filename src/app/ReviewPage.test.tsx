import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { i18next, initI18n, setLanguage } from '../i18n/index.ts';
import { cellValue } from '../report/index.ts';
import { fileOf, unitReport } from '../features/review/testUtils.tsx';
import { ReviewPage } from './ReviewPage.tsx';

vi.setConfig({ testTimeout: 60_000 });
afterEach(() => vi.restoreAllMocks());

test('打印汇总 opens the 汇总 in the print view, alone on the page; 返回汇总 brings the workspace back as it was', async () => {
  initI18n('zh-CN');
  await act(() => setLanguage('zh-CN'));
  const user = userEvent.setup();
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  const jia = unitReport('甲局', { cells: { 'applications.newReceived.naturalPerson': 30, 'applications.granted.naturalPerson': 9 } });
  const yi = unitReport('乙镇');
  const page = (unit?: string) => (
    <I18nextProvider i18n={i18next}>
      <ReviewPage unit={unit} />
    </I18nextProvider>
  );
  const view = render(page());
  await user.upload(await screen.findByLabelText('选择年报文件（可多选）'), [fileOf(jia, 'jia.json', 1000), fileOf(yi, 'yi.json', 1001)]);
  await screen.findByText(/共 2 个文件：新增单位 2 个/);
  await user.click(screen.getByRole('checkbox', { name: '选择显示的全部单位' }));
  await user.click(screen.getByRole('button', { name: '汇总所选' }));
  const panel = screen.getByRole('region', { name: '汇总' });
  await user.type(within(panel).getByRole('textbox', { name: '汇总机关名称' }), '某县人民政府');
  await user.click(within(panel).getByRole('checkbox', { name: '未通过审核的也计入' }));
  await user.click(within(panel).getByRole('button', { name: '生成汇总' }));

  await user.click(within(panel).getByRole('button', { name: '打印汇总' }));
  const back = screen.getByRole('button', { name: '← 返回汇总' });
  await waitFor(() => expect(back).toHaveFocus());
  // The workspace is hidden behind the print view (not on the page, not on paper).
  expect(screen.queryByRole('heading', { level: 1, name: '审核工作台' })).toBeNull();
  expect(screen.queryByRole('region', { name: '汇总' })).toBeNull();
  const sheet = screen.getByRole('region', { name: '打印预览' });
  expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent('某县人民政府2022年政府信息公开工作年度报告');
  expect(sheet).toHaveTextContent('（汇总说明：本报告为 2 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：甲局、乙镇；其中尚未审核通过的 2 个：甲局、乙镇。）');
  expect(sheet.querySelector('td[data-cell="applications.newReceived.naturalPerson"]')).toHaveTextContent(String(30 + (cellValue(yi, 'applications.newReceived.naturalPerson') ?? 0)));
  // The print view's own controls: 打印 prints.
  await user.click(within(screen.getByRole('group', { name: '打印与发布' })).getByRole('button', { name: '打印' }));
  expect(print).toHaveBeenCalledTimes(1);

  await user.click(back);
  expect(sheet).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '审核工作台' })).toBeInTheDocument();
  const again = screen.getByRole('region', { name: '汇总' });
  expect(within(again).getByText('已计入 2 个单位：')).toBeInTheDocument();
  await waitFor(() => expect(within(again).getByRole('button', { name: '打印汇总' })).toHaveFocus());

  // Another page of the workspace asked for (a link, the browser's back) while printing: it is shown.
  await user.click(within(again).getByRole('button', { name: '打印汇总' }));
  expect(screen.getByRole('button', { name: '← 返回汇总' })).toBeInTheDocument();
  view.rerender(page('2022|乙镇'));
  expect(await screen.findByRole('heading', { level: 1, name: /乙镇2022年政府信息公开工作年度报告/ })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '← 返回汇总' })).toBeNull();
});
