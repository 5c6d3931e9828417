import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fixtureText from '../../../tests/fixtures/pingluo-2022.json?raw';
import { decodeText, emptyReport, type Report } from '../../report/index.ts';
import { initI18n, setLanguage } from '../../i18n/index.ts';
import { reportFileName } from '../../report/index.ts';
import { PrintView } from './index.ts';

const printableFileName = (report: Parameters<typeof reportFileName>[0]) => reportFileName(report, 'html');

function seed(): Report {
  const decoded = decodeText(fixtureText);
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  return decoded.report;
}

beforeAll(() => {
  initI18n('zh-CN');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await setLanguage('zh-CN');
});

/** Catches the file the view hands to the browser: its name and its text. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

describe('PrintView', () => {
  it('shows the report on an A4 sheet, in the official layout', () => {
    const { container } = render(<PrintView report={seed()} />);
    const preview = screen.getByRole('region', { name: '打印预览' });
    expect(within(preview).getByRole('heading', { level: 1 })).toHaveTextContent('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    expect(within(preview).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toContain('三、收到和处理政府信息公开申请情况');
    expect(within(preview).getAllByRole('table')).toHaveLength(3);
    // The sheet's CSS is the renderer's: A4 page box and margins.
    expect(container.querySelector('style')!.textContent).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(container.querySelector('.nb-draft-mark')).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('prints through the browser’s print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<PrintView report={seed()} />);
    await userEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('downloads the printable HTML file, with the paper-copy block when asked', async () => {
    const files = catchDownloads();
    const { container } = render(<PrintView report={seed()} />);
    await userEvent.click(screen.getByRole('button', { name: '下载可打印的 HTML 文件' }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('平罗县人民政府办公室-2022-政府信息公开年报.html');
    expect(files[0]!.blob.type).toBe('text/html;charset=utf-8');
    const html = await files[0]!.blob.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('单位负责人签字');

    const toggle = screen.getByRole('checkbox', { name: /加纸质版签章栏/ });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    expect(container.querySelector('.nb-paper-copy')).toHaveTextContent('单位负责人签字');
    await userEvent.click(screen.getByRole('button', { name: '下载可打印的 HTML 文件' }));
    expect(await files[1]!.blob.text()).toContain('单位负责人签字');
    expect(URL.revokeObjectURL).not.toHaveBeenCalledWith('blob:test/3');
  });

  it('marks a draft on the sheet and tells the clerk', () => {
    const { container } = render(<PrintView report={{ ...seed(), status: 'draft' }} />);
    const notes = screen.getAllByRole('note');
    // The clerk's notice outside the sheet, and the sheet's own note, which prints.
    expect(notes).toHaveLength(2);
    expect(notes[0]).toHaveTextContent('打印件和 HTML 文件上带有“草稿”标记');
    expect(notes[0]!.closest('.no-print')).not.toBeNull();
    expect(notes[1]!.closest('.nb-report')).not.toBeNull();
    expect(container.querySelector('.nb-draft-mark')).toHaveAttribute('data-mark', '草稿');
  });

  it('speaks English in the toolbar while the report stays Chinese', async () => {
    await setLanguage('en');
    render(<PrintView report={seed()} />);
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download printable HTML' })).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: 'Print preview' });
    expect(within(preview).getByRole('heading', { level: 2, name: '一、总体情况' })).toBeInTheDocument();
  });

  it('shows hostile narrative text as text', () => {
    const report = seed();
    report.narrative.problems = [{ title: '<b>x</b>', text: '<img src=x onerror="alert(1)"></table>' }];
    const { container } = render(<PrintView report={report} />);
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect(screen.getByText('<img src=x onerror="alert(1)"></table>')).toBeInTheDocument();
    expect(screen.getAllByRole('table')).toHaveLength(3);
  });
});

describe('printableFileName', () => {
  it('names the file after the agency and year, safely', () => {
    expect(printableFileName(emptyReport({ agency: '某县/某局: "A"', year: 2024 }))).toBe('某县_某局_ _A_-2024-政府信息公开年报.html');
    expect(printableFileName(emptyReport({ agency: '  ', year: null }))).toBe('未命名机关-政府信息公开年报.html');
    expect(printableFileName(emptyReport({ agency: '..\\..\\etc', year: 2023 }))).toBe('_.._etc-2023-政府信息公开年报.html');
  });
});
