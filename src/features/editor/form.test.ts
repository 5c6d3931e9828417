/** The editor's form (form.ts): where a field's text is, who hears of a change, parts that move. */
import { describe, expect, test, vi } from 'vitest';
import { REPORT_LAYOUT, emptyReport, setCell, type Report } from '../../report/index.ts';
import { EditorForm } from './form.ts';

function report(): Report {
  const r = setCell(emptyReport({ agency: '某县人民政府办公室', year: 2024 }), 'applications.newReceived.naturalPerson', 1234);
  return {
    ...r,
    narrative: {
      ...r.narrative,
      overview: [
        { title: '主动公开情况', text: '甲' },
        { title: '', text: '乙' },
      ],
    },
  };
}

const CELL = 'applications.newReceived.naturalPerson';

/** An input as React gives it to a ref, typed into as the browser does (value, then the change). */
function input() {
  return document.createElement('input');
}

describe('EditorForm', () => {
  test("a field's text: the report's at first, then its input's while one shows it, then kept when it goes", () => {
    const changed = vi.fn<(path: string) => void>();
    const form = new EditorForm(report(), REPORT_LAYOUT, changed);
    expect(form.get(CELL)).toBe('1234');
    expect(form.get('applications.newReceived.legalPerson')).toBe('');
    expect(form.meta()).toMatchObject({ agency: '某县人民政府办公室', year: '2024', publishedOn: '' });

    const props = form.register(CELL);
    expect(form.register(CELL)).toBe(props); // one object: React keeps the ref and the handler
    expect(props.name).toBe(CELL);
    const el = input();
    props.ref(el);
    expect(el.value).toBe('1234');

    el.value = '1,2345';
    props.onChange();
    expect(changed).toHaveBeenCalledExactlyOnceWith(CELL);
    expect(form.get(CELL)).toBe('1,2345');

    props.ref(null); // another section is shown
    el.value = 'gone';
    expect(form.get(CELL)).toBe('1,2345');
    const again = input();
    props.ref(again);
    expect(again.value).toBe('1,2345');
  });

  test('set writes into the input; the document hears of it only when told', () => {
    const changed = vi.fn<(path: string) => void>();
    const form = new EditorForm(report(), REPORT_LAYOUT, changed);
    const el = input();
    form.register('narrative.preamble').ref(el);
    form.set('narrative.preamble', '本报告');
    expect(el.value).toBe('本报告');
    expect(changed).not.toHaveBeenCalled();
    form.set('narrative.preamble', '新的', true);
    expect(changed).toHaveBeenCalledExactlyOnceWith('narrative.preamble');
    // A field not shown is written here, and shown as written.
    form.set('appeals.review.upheld', '3');
    const shown = input();
    form.register('appeals.review.upheld').ref(shown);
    expect(shown.value).toBe('3');
  });

  test("a moved part keeps its fields and what its inputs hold; the list hears of titles, not of texts", () => {
    const changed = vi.fn<(path: string) => void>();
    const form = new EditorForm(report(), REPORT_LAYOUT, changed);
    const listener = vi.fn();
    form.subscribeParts(listener);
    const [first, second] = form.partList('overview');
    expect(form.titles('overview')).toBe('主动公开情况\u0000');

    const text = input();
    second!.text.props.ref(text);
    text.value = '乙，改过';
    second!.text.props.onChange();
    expect(changed).toHaveBeenLastCalledWith('narrative.overview');
    expect(listener).not.toHaveBeenCalled();

    const title = input();
    second!.title.props.ref(title);
    title.value = '其他';
    second!.title.props.onChange();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(form.titles('overview')).toBe('主动公开情况\u0000其他');

    const list = form.partList('overview');
    form.setParts('overview', [second!, first!]);
    expect(form.partList('overview')).not.toBe(list);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(form.partValues('overview')).toEqual([
      { title: '其他', text: '乙，改过' },
      { title: '主动公开情况', text: '甲' },
    ]);
    // A part's path names the part at that index now.
    expect(form.get('narrative.overview.0.text')).toBe('乙，改过');
    form.set('narrative.overview.1.text', '甲，续');
    expect(first!.text.value).toBe('甲，续');
    expect(() => form.get('narrative.overview.2.text')).toThrow();

    const added = form.newPart('overview', { title: '', text: '丙' });
    expect(added.key).not.toBe(first!.key);
    form.setParts('overview', [...form.partList('overview'), added]);
    expect(form.partValues('overview').map((p) => p.text)).toEqual(['乙，改过', '甲，续', '丙']);
  });
});
