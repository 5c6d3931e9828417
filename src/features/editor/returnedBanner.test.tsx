/**
 * The returned banner says how the report goes back: a browser connected to the 政务公开办's
 * server as a unit has 重新报送 (the sharing panel's button); one that is not exports the JSON,
 * as before. It follows a connection made or ended while the banner is shown.
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { rememberConnection } from '../../sync/connection.ts';
import type { Report } from '../../report/index.ts';
import { pingluo, renderEditor } from './test-utils.tsx';

vi.setConfig({ testTimeout: 30_000 });

const REVIEWER = '平罗县政务公开办';
const UNIT = { url: 'http://127.0.0.1:5984', user: 'plzfb', role: 'unit' as const };

/** Pingluo 2022 returned with one open comment (resolved: none open). */
function returned({ status = 'draft', resolved = false }: { status?: Report['status']; resolved?: boolean } = {}): Report {
  return {
    ...pingluo(),
    status,
    review: {
      status: 'returned',
      comments: [{ id: 'c1', target: 'meta.contact', text: '请核对联系电话。', author: REVIEWER, at: '2023-01-20T09:00:00+08:00', resolved, ...(resolved ? { resolvedAt: '2023-01-20T10:00:00+08:00' } : {}) }],
      history: [
        { action: 'submitted', at: '2023-01-19T09:00:00+08:00', by: '平罗县人民政府办公室' },
        { action: 'returned', at: '2023-01-20T09:05:00+08:00', by: REVIEWER, note: '请修改' },
        // Resolved by the clerk after the return, as the review panel records it.
        ...(resolved ? [{ action: 'resolved' as const, at: '2023-01-20T10:00:00+08:00', by: '平罗县人民政府办公室', note: 'c1' }] : []),
      ],
    },
  };
}

const banner = (name = '政务公开办已退回本年报，请修改') => screen.getByRole('region', { name });

afterEach(() => rememberConnection(undefined));

describe('the returned banner: 重新报送 when connected, export JSON when not', () => {
  test('not connected: export the JSON', async () => {
    await renderEditor({ report: returned(), section: 'meta' });
    expect(banner()).toHaveTextContent('全部处理后重新定稿，导出 JSON 报送');
    expect(banner()).not.toHaveTextContent('重新报送');
  });

  test('connected as a unit: 重新报送, with comments open, all resolved, and marked ready again', async () => {
    rememberConnection(UNIT);
    await renderEditor({ report: returned(), section: 'meta' });
    expect(banner()).toHaveTextContent('还有 1 条审核意见待处理');
    expect(banner()).toHaveTextContent('全部处理后重新定稿，点工具栏中的“重新报送”');
    expect(banner()).not.toHaveTextContent('JSON');
    cleanup();
    await renderEditor({ report: returned({ resolved: true }), section: 'meta' });
    expect(banner()).toHaveTextContent('审核意见都已处理。请重新定稿，再点工具栏中的“重新报送”');
    expect(banner()).not.toHaveTextContent('JSON');
  });

  test('marked ready again: connected says 重新报送; disconnected while shown, export the JSON', async () => {
    rememberConnection(UNIT);
    await renderEditor({ report: returned({ status: 'ready', resolved: true }), section: 'meta' });
    expect(banner()).toHaveTextContent('请点工具栏中的“重新报送”，报送政务公开办');
    act(() => rememberConnection(undefined));
    expect(banner()).toHaveTextContent('请导出 JSON，报送政务公开办');
    // A supervisor's connection in this browser is no unit's: the file, still.
    act(() => rememberConnection({ ...UNIT, user: 'zwgk', role: 'supervisor' }));
    expect(banner()).toHaveTextContent('请导出 JSON');
    act(() => rememberConnection(UNIT));
    expect(banner()).toHaveTextContent('重新报送');
  });

  test('in English, both ways', async () => {
    await renderEditor({ report: returned(), section: 'meta', lang: 'en' });
    const en = 'The reviewing office returned this report for changes';
    expect(banner(en)).toHaveTextContent('export the JSON to submit it');
    act(() => rememberConnection(UNIT));
    expect(banner(en)).toHaveTextContent('mark the report ready again and press “Submit again” in the toolbar');
    expect(banner(en)).not.toHaveTextContent('JSON');
  });
});
