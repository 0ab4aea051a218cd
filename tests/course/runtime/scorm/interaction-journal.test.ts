// The journal of answers not yet confirmed by an LMS commit: its storage, and the check of what a relaunch finds.
import { describe, expect, it } from 'vitest';
import { InteractionJournal, journalKey, reconcile, type JournalEntry } from '../../../../course/runtime/scorm/interaction-journal.ts';
import { interactionElements } from '../../../../course/runtime/scorm/data-model.ts';
import { scorm12Model } from '../../../../course/runtime/scorm/data-model-12.ts';
import { scorm2004Model } from '../../../../course/runtime/scorm/data-model-2004.ts';
import { browserStore } from '../../../../course/runtime/shared/browser-storage.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';

const entry = (lmsId: string, index: number | null, written: boolean, stamp = ''): JournalEntry => ({ lmsId, stamp, fields: [['id', lmsId]], index, written });

describe('interaction journal', () => {
  it('writes an entry\'s fields as the elements of the interaction it is given, in order, the id first', () => {
    expect(interactionElements({ fields: [['id', 'q1'], ['correct_responses.0.pattern', 'a']] }, 7)).toEqual([
      { element: 'cmi.interactions.7.id', value: 'q1' },
      { element: 'cmi.interactions.7.correct_responses.0.pattern', value: 'a' },
    ]);
  });

  it('keeps each data model\'s interaction as it is written: its id first, and a timestamp to read back only in 2004', () => {
    const context = { answer: { id: 'kc.q1', type: 'choice' as const, description: 'Q', response: ['a'], correct: ['a'], result: 'correct' as const, latencyMs: 0, choices: [{ id: 'a', text: 'A' }] }, now: new Date(Date.UTC(2025, 0, 6, 9, 0, 1)), language: 'en-GB' };
    const twelve = scorm12Model.interaction(context);
    expect(twelve.fields[0]).toEqual(['id', twelve.lmsId]);
    expect(twelve.stamp).toBe('');
    const later = scorm2004Model('scorm2004-4th').interaction(context);
    expect(later.fields[0]).toEqual(['id', later.lmsId]);
    expect(later.fields).toContainEqual(['timestamp', later.stamp]);
    expect(later.stamp).toMatch(/^2025-01-06T09:00:01/);
  });

  it('2004: an entry is held when the LMS has its id and timestamp; a part-written one is written again in place', () => {
    const held = [
      { id: 'q1', stamp: '2025-01-06T09:00:01.0Z' },
      { id: 'q2', stamp: '2025-01-06T09:00:05.0Z' },
    ];
    const verdicts = reconcile(
      [entry('q1', 0, true, '2025-01-06T09:00:01.0Z'), entry('q2', 1, false, '2025-01-06T09:00:05.0Z'), entry('q1', 2, true, '2025-01-06T09:03:00.0Z')],
      ['unrelated'],
      { count: 2, held, stateFingerprint: 'elsewhere' },
    );
    expect(verdicts.map((v) => (v.verdict === 'rewrite' ? `rewrite@${v.index}` : v.verdict))).toEqual(['held', 'rewrite@1', 'append']);
  });

  it('1.2: trusts _count only while the LMS still holds this browser’s line of work', () => {
    const entries = [entry('q1', 3, true), entry('q2', 4, false), entry('q3', 5, true), entry('q4', null, false)];
    const ours = reconcile(entries, ['base', 'later'], { count: 5, held: null, stateFingerprint: 'later' });
    expect(ours.map((v) => (v.verdict === 'rewrite' ? `rewrite@${v.index}` : v.verdict))).toEqual(['held', 'rewrite@4', 'append', 'append']);
    const movedOn = reconcile(entries, ['base', 'later'], { count: 9, held: null, stateFingerprint: 'from-another-pc' });
    expect(movedOn.every((v) => v.verdict === 'append')).toBe(true);
  });

  it('persists entries and lineage, starts the lineage at the first entry, and removes itself once empty', () => {
    const storage = new MemoryStorage();
    const store = browserStore(fakeWindow({ localStorage: storage }).win, 'local');
    const key = journalKey('course', 'scorm12', 'u-1');
    const journal = new InteractionJournal(store, key);
    journal.noteState('ignored-while-empty');
    const first = entry('q1', null, false);
    journal.add(first, 'confirmed');
    journal.noteState('s1');
    journal.noteState('s1');
    const again = new InteractionJournal(store, key);
    expect(again.lineage).toEqual(['confirmed', 's1']);
    expect(again.entries).toEqual([first]);
    journal.remove([journal.entries[0]!]);
    expect(storage.entries()).toEqual([]);
  });

  it('drops a journal it cannot read, and entries of the wrong shape', () => {
    const storage = new MemoryStorage();
    const store = browserStore(fakeWindow({ localStorage: storage }).win, 'local');
    store?.set('k', '{not json');
    expect(new InteractionJournal(store, 'k').entries).toEqual([]);
    expect(store?.get('k')).toBeNull();
    store?.set('k', JSON.stringify({ lineage: ['a'], entries: [entry('ok', null, false), { lmsId: 3 }] }));
    expect(new InteractionJournal(store, 'k').entries.map((e) => e.lmsId)).toEqual(['ok']);
  });

  it('moves its entries under the learner’s key, after any an earlier launch left there', () => {
    const store = browserStore(fakeWindow({ localStorage: new MemoryStorage() }).win, 'local');
    const anonymous = new InteractionJournal(store, journalKey('c', 'scorm12', null));
    const learner = new InteractionJournal(store, journalKey('c', 'scorm12', 'u-1'));
    learner.add(entry('old', 2, true), 'b1');
    anonymous.add(entry('new', null, false), 'b2');
    anonymous.moveTo(learner);
    expect(learner.entries.map((e) => e.lmsId)).toEqual(['old', 'new']);
    expect(learner.lineage).toEqual(['b1', 'b2']);
    expect(new InteractionJournal(store, journalKey('c', 'scorm12', null)).entries).toEqual([]);
  });
});
