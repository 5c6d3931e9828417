import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { createMemoryReviewStore } from '../../storage/review/index.ts';
import { CollectPanel } from './CollectPanel.tsx';
import { collectFiles } from './files.ts';
import { fileOf, renderUi, unitReport } from './testUtils.tsx';

vi.setConfig({ testTimeout: 30_000 });

describe('CollectPanel', () => {
  test('files dropped on the box are collected like chosen ones; problems are listed by path, in the UI language', async () => {
    const store = createMemoryReviewStore();
    const onFiles = vi.fn((files: File[]) => collectFiles(files, store, { knownUnits: new Set() }));
    renderUi(<CollectPanel onFiles={onFiles} />, 'en');
    const zone = screen.getByText(/Or drop many \.json files here/).parentElement!;
    const bad = { ...unitReport('丙局'), meta: { ...unitReport('丙局').meta, year: '二〇二二' } };
    const files = [fileOf(unitReport('甲局'), 'jia.json'), fileOf(JSON.stringify(bad), 'bing.json')];
    fireEvent.dragOver(zone, { dataTransfer: { files } });
    expect(zone).toHaveClass('rv-dragging');
    fireEvent.drop(zone, { dataTransfer: { files } });
    expect(await screen.findByText('2 file(s): 1 new unit(s), 0 new version(s), 0 duplicate(s), 1 refused.')).toBeInTheDocument();
    expect(onFiles).toHaveBeenCalledTimes(1);
    const refused = screen.getByRole('region', { name: /1 file\(s\) refused/ });
    expect(refused).toHaveTextContent('bing.json');
    expect(refused).toHaveTextContent('meta.year');
    expect(refused).toHaveTextContent('Expected a number');
    expect(zone).not.toHaveClass('rv-dragging');
    const listed = await store.list();
    expect(listed.ok && listed.value.versions.map((v) => v.agency)).toEqual(['甲局']);
  });
});
