import { describe, expect, test, vi } from 'vitest';
import { emptyReport, type Report } from '../../report/index.ts';
import { EditorStore, FINDINGS_IDLE_MS, FINDINGS_MAX_WAIT_MS } from './store.ts';
import { UndoStack } from './undo.ts';

const report = (): Report => emptyReport({ agency: '某县人民政府办公室', year: 2024 });

describe('EditorStore', () => {
  test('a cell change updates the document, notifies once, and findings follow', () => {
    const store = new EditorStore(report());
    const listener = vi.fn();
    store.subscribe(listener);
    store.setCellValue('applications.newReceived.naturalPerson', 3);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getReport().applications.newReceived.naturalPerson).toBe(3);
    expect(store.getFindings().find((f) => f.key === 'balance:naturalPerson')).toMatchObject({ left: 3, right: 0, delta: 3 });
    expect(store.getStatus('applications.carriedForward.naturalPerson').worst).toBe('error');
    expect(store.getSectionStates().applications).toBe('errors');
  });

  test('typing publishes findings when the clerk pauses (or at most every so often); a deliberate act at once', () => {
    vi.useFakeTimers();
    try {
      const store = new EditorStore(report());
      const before = store.getFindings();
      const onDocument = vi.fn();
      const onDerived = vi.fn();
      store.subscribe(onDocument);
      store.subscribeDerived(onDerived);
      store.setCellValue('applications.newReceived.naturalPerson', 3);
      // The document follows at once; the findings are those last published.
      expect(onDocument).toHaveBeenCalledTimes(1);
      expect(store.getReport().applications.newReceived.naturalPerson).toBe(3);
      expect(store.getFindings()).toBe(before);
      expect(store.hasPendingFindings()).toBe(true);
      vi.advanceTimersByTime(FINDINGS_IDLE_MS - 1);
      expect(onDerived).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onDerived).toHaveBeenCalledTimes(1);
      expect(store.getFindings().find((f) => f.key === 'balance:naturalPerson')).toMatchObject({ delta: 3 });
      expect(store.hasPendingFindings()).toBe(false);

      // Typing on without a pause: published every FINDINGS_MAX_WAIT_MS all the same.
      onDerived.mockClear();
      for (let t = 0, n = 4; t < FINDINGS_MAX_WAIT_MS; t += FINDINGS_IDLE_MS / 2, n++) {
        store.setCellValue('applications.newReceived.naturalPerson', n);
        vi.advanceTimersByTime(FINDINGS_IDLE_MS / 2);
      }
      expect(onDerived).toHaveBeenCalledTimes(1);

      // 定稿's strictness (an act) publishes at once, pending typing included.
      store.setCellValue('applications.newReceived.naturalPerson', 30);
      onDerived.mockClear();
      store.setStrict(true);
      expect(onDerived).toHaveBeenCalledTimes(1);
      expect(store.getFindings().find((f) => f.key === 'balance:naturalPerson')).toMatchObject({ delta: 30 });
      store.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  test('setting the same value notifies nobody', () => {
    const store = new EditorStore(report());
    const listener = vi.fn();
    store.subscribe(listener);
    store.setCellValue('proactive.licensing', null);
    expect(listener).not.toHaveBeenCalled();
  });

  test('cell listeners hear only of their own cells, once per change or batch, after the document listeners', () => {
    const store = new EditorStore(report());
    const order: string[] = [];
    store.subscribe(() => order.push('document'));
    const row = vi.fn(() => order.push('row'));
    const other = vi.fn();
    const unsubscribe = store.subscribeCells(['applications.newReceived.naturalPerson', 'applications.newReceived.commercial'], row);
    store.subscribeCells(['applications.granted.naturalPerson'], other);
    store.setCellValue('applications.newReceived.naturalPerson', 3);
    expect(order).toEqual(['document', 'row']);
    store.setCellValue('applications.newReceived.naturalPerson', 3); // unchanged
    store.setCellValue('applications.newReceived.naturalPerson', null, { reason: 'notNumber', text: 'x' }); // a value change
    expect(row).toHaveBeenCalledTimes(2);
    store.setCellValue('applications.newReceived.naturalPerson', null, { reason: 'notNumber', text: 'xy' }); // only the bad text changed
    expect(row).toHaveBeenCalledTimes(2);
    store.batch(() => {
      store.setCellValue('applications.newReceived.naturalPerson', 1);
      store.setCellValue('applications.newReceived.commercial', 2);
    });
    expect(row).toHaveBeenCalledTimes(3);
    expect(other).not.toHaveBeenCalled();
    store.setMeta({ ...store.getReport().meta, agency: '另一单位' });
    expect(row).toHaveBeenCalledTimes(3);
    unsubscribe();
    store.setCellValue('applications.newReceived.commercial', 4);
    expect(row).toHaveBeenCalledTimes(3);
  });

  test('a batch notifies once', () => {
    const store = new EditorStore(report());
    const listener = vi.fn();
    store.subscribe(listener);
    store.batch(() => {
      store.setCellValue('proactive.licensing', 1);
      store.setCellValue('proactive.punishment', 2);
    });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('derived values are reused while they do not change', () => {
    const store = new EditorStore(report());
    store.setCellValue('applications.newReceived.naturalPerson', 3);
    store.publish();
    const findings = store.getFindings();
    const status = store.getStatus('applications.newReceived.naturalPerson');
    const sections = store.getSectionStates();
    // Another number in the same unbalanced column: same finding keys and cells, new message.
    store.setCellValue('applications.granted.commercial', 0);
    store.publish();
    expect(store.getStatus('applications.newReceived.naturalPerson')).toBe(status);
    expect(store.getSectionStates()).toBe(sections);
    expect(store.getFindings()).toBe(findings);
    store.setCellValue('applications.newReceived.naturalPerson', 4);
    store.publish();
    expect(store.getFindings()).not.toBe(findings);
    expect(store.getStatus('applications.newReceived.naturalPerson')).toBe(status);
  });

  test('text that is not a value is kept as invalid, counts as an error, and blocks 定稿', () => {
    const store = new EditorStore(report());
    store.setCellValue('proactive.licensing', null, { reason: 'negative', text: '-1' });
    store.publish();
    expect(store.getStatus('proactive.licensing')).toMatchObject({ worst: 'error', invalid: { reason: 'negative', text: '-1' } });
    expect(store.getSectionStates().proactive).toBe('errors');
    expect(store.readinessBlockers().invalid).toEqual([['proactive.licensing', { reason: 'negative', text: '-1' }]]);
    store.setCellValue('proactive.licensing', 1);
    store.publish();
    expect(store.getStatus('proactive.licensing').invalid).toBeUndefined();
    expect(store.getInvalidInputs()).toEqual([]);
  });

  test('section states: not started, in progress, complete', () => {
    const store = new EditorStore(report());
    expect(store.getSectionStates()).toMatchObject({ appeals: 'notStarted', overview: 'notStarted', meta: 'complete' });
    store.setCellValue('appeals.review.upheld', 0);
    store.publish();
    expect(store.getSectionStates().appeals).toBe('inProgress');
    store.batch(() => {
      for (const k of ['review', 'litigationDirect', 'litigationAfterReview'])
        for (const o of ['upheld', 'corrected', 'other', 'pending']) store.setCellValue(`appeals.${k}.${o}`, 0);
    });
    store.publish();
    expect(store.getSectionStates().appeals).toBe('complete');
  });

  test('explanations: an explained warning no longer flags its section', () => {
    const store = new EditorStore({ ...report(), meta: { ...report().meta, publishedOn: '2025-03-01' } });
    const deadline = store.getFindings().find((f) => f.rule === 'deadline')!;
    expect(store.getSectionStates().meta).toBe('warnings');
    store.setExplanation(deadline.key, '因系统迁移，推迟发布，已报备。');
    expect(store.getFindings().find((f) => f.rule === 'deadline')).toMatchObject({ explained: true });
    expect(store.getSectionStates().meta).toBe('complete');
    expect(store.getStatus('meta.publishedOn')).toMatchObject({ worst: null, marks: [{ severity: 'warning', explained: true }] });
    store.setExplanation(deadline.key, '  ');
    expect(store.getReport().explanations).toEqual({});
  });

  test('while typing, an untouched 六 is not yet "silent about fees"; once written, it is', () => {
    const store = new EditorStore(report());
    expect(store.getFindings().some((f) => f.rule === 'feeStatement')).toBe(false);
    store.setParts('other', [{ title: '落实年度政务公开工作要点情况', text: '全年召开专题会议3次。' }]);
    store.publish();
    expect(store.getFindings().some((f) => f.rule === 'feeStatement')).toBe(true);
    store.setParts('other', [{ title: '', text: '' }]);
    store.setStrict(true);
    expect(store.getFindings().some((f) => f.rule === 'feeStatement')).toBe(true);
  });

  test('strict mode counts blanks; readiness always does', () => {
    const store = new EditorStore(report());
    expect(store.getFindings().some((f) => f.key.startsWith('count:blank'))).toBe(false);
    expect(store.readinessBlockers().findings.some((f) => f.key === 'count:blank.applications')).toBe(true);
    store.setStrict(true);
    expect(store.getStatus('applications.granted.research').worst).toBe('error');
  });
});

describe('UndoStack', () => {
  test('undo, redo, and a new step clears redo', () => {
    const stack = new UndoStack();
    stack.push({ kind: 'edit', changes: [{ id: 'a', before: '', after: '1' }] });
    stack.push({ kind: 'edit', changes: [{ id: 'a', before: '1', after: '1' }] }); // no change: dropped
    stack.push({ kind: 'paste', changes: [{ id: 'b', before: '', after: '2' }] });
    expect(stack.undo()?.kind).toBe('paste');
    expect(stack.canRedo).toBe(true);
    expect(stack.redo()?.kind).toBe('paste');
    expect(stack.undo()?.kind).toBe('paste');
    stack.push({ kind: 'edit', changes: [{ id: 'c', before: '', after: '3' }] });
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()?.changes[0]!.id).toBe('c');
    expect(stack.undo()?.changes[0]!.id).toBe('a');
    expect(stack.undo()).toBeUndefined();
  });

  test('review comments: placed once, kept object for object while typing, moved with their part, changed by setReview', () => {
    const base = report();
    base.narrative.overview = [
      { title: '主动公开情况', text: '' },
      { title: '依申请公开情况', text: '' },
    ];
    const comment = (id: string, target: string, partTitle?: string) => ({
      id,
      target,
      ...(partTitle ? { partTitle } : {}),
      text: '请核对',
      author: '政务公开办',
      at: '2025-01-20T09:00:00+08:00',
      resolved: false,
    });
    const store = new EditorStore({
      ...base,
      review: {
        status: 'returned',
        comments: [comment('a', 'applications.granted.naturalPerson'), comment('b', 'narrative.overview.1', '依申请公开情况'), comment('c', 'not.a.target')],
        history: [],
      },
    });
    const placement = store.getReviewPlacement();
    expect(placement.openCount).toBe(3);
    expect(placement.openWhole.map((c) => c.comment.id)).toEqual(['c']);
    expect(placement.openBySection).toMatchObject({ applications: 1, overview: 1, meta: 0 });
    const cellStatus = store.getStatus('applications.granted.naturalPerson');
    expect(cellStatus.comments?.map((c) => c.comment.id)).toEqual(['a']);
    expect(store.getStatus('narrative.overview.1.text').comments?.map((c) => c.comment.id)).toEqual(['b']);

    // A keystroke elsewhere: the same objects, so nothing that shows them re-renders.
    store.setCellValue('applications.newReceived.commercial', 4);
    store.publish();
    expect(store.getReviewPlacement()).toBe(placement);
    expect(store.getStatus('applications.granted.naturalPerson')).toBe(cellStatus);

    // The part moves up: its comment follows its title.
    store.setParts('overview', [
      { title: '依申请公开情况', text: '' },
      { title: '主动公开情况', text: '' },
    ]);
    store.publish();
    expect(store.getStatus('narrative.overview.0.text').comments?.map((c) => c.comment.id)).toEqual(['b']);
    expect(store.getStatus('narrative.overview.1.text').comments).toBeUndefined();
    expect(store.getReviewPlacement().openBySection).toBe(placement.openBySection);

    const listener = vi.fn();
    store.subscribe(listener);
    const review = store.getReport().review;
    store.setReview({ ...review, comments: review.comments.map((c) => (c.id === 'a' ? { ...c, resolved: true } : c)) });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getStatus('applications.granted.naturalPerson').comments).toBeUndefined();
    expect(store.getReviewPlacement().openBySection.applications).toBe(0);
    expect(store.getReviewPlacement().comments.map((c) => c.comment.id)).toEqual(['b', 'c', 'a']);
  });
});
