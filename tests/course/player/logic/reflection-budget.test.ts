import { describe, expect, it } from 'vitest';
import {
  adjustStatus,
  countText,
  describeEdit,
  fitEdit,
  reflectionBudget,
  sampleProse,
  type FieldStatus,
} from '../../../../course/player/logic/reflection-budget.ts';
import { fitReflection, planStateBudget } from '../../../../course/runtime/state/budget.ts';
import { encodeState } from '../../../../course/runtime/state/codec.ts';
import { layoutOf } from '../../../../course/runtime/state/course-layout.ts';
import { incompressibleText, worstCaseState } from '../../../../course/runtime/state/worst-case.ts';
import { enGBScreens } from '../../../../course/player/strings/en-GB.screens.ts';
import { LONG_PROSE, loadCourse, TYPICAL_REFLECTIONS } from '../../runtime/helpers/course-fixtures.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = loadCourse();
const promptIds = layoutOf(course).prompts.map((p) => p.id);
const scorm12 = reflectionBudget(course, 'scorm12');
const atMost = (n: number) => (text: string) => text.length <= n;

describe('describeEdit', () => {
  it('finds typing, deleting and replacing a selection', () => {
    expect(describeEdit('abc', 'abXc')).toEqual({ start: 2, removed: 0, inserted: 'X' });
    expect(describeEdit('abcd', 'ad')).toEqual({ start: 1, removed: 2, inserted: '' });
    expect(describeEdit('the cat sat', 'the dog sat')).toEqual({ start: 4, removed: 3, inserted: 'dog' });
  });

  it('uses the caret to tell where repeated letters went in', () => {
    expect(describeEdit('aa', 'aaa')).toEqual({ start: 2, removed: 0, inserted: 'a' });
    expect(describeEdit('aa', 'aaa', 1)).toEqual({ start: 0, removed: 0, inserted: 'a' });
    // A caret that does not fit the change is ignored rather than trusted.
    expect(describeEdit('abc', 'abXc', 0)).toEqual({ start: 2, removed: 0, inserted: 'X' });
  });

  it('never splits a surrogate pair', () => {
    // Two emoji sharing their first half: the edit replaces the whole emoji, not its second half.
    expect(describeEdit('a😀b', 'a😃b')).toEqual({ start: 1, removed: 2, inserted: '😃' });
  });
});

describe('fitEdit', () => {
  it('accepts an edit that fits, and every deletion', () => {
    expect(fitEdit('abc', 'abcd', atMost(10))).toEqual({ kind: 'accepted', text: 'abcd' });
    // Deleting is allowed even while the text is over the budget, so an answer can always be shortened.
    expect(fitEdit('abcdefghijkl', 'abcdefghijk', atMost(5))).toEqual({ kind: 'accepted', text: 'abcdefghijk' });
  });

  it('refuses a key press that does not fit, keeping the text and the caret where they were', () => {
    expect(fitEdit('abcde', 'abXcde', atMost(5), 3)).toEqual({ kind: 'refused', text: 'abcde', selection: [2, 2] });
  });

  it('puts a replaced selection back when nothing of the replacement fits', () => {
    const noCapitalL = (text: string) => !text.includes('L');
    expect(fitEdit('abcde', 'aLONGERe', noCapitalL, 7)).toEqual({ kind: 'refused', text: 'abcde', selection: [1, 4] });
  });

  it('replaces a selection with as much of the new text as fits', () => {
    expect(fitEdit('abcde', 'aLONGERe', atMost(5), 7)).toEqual({ kind: 'trimmed', text: 'aLONe', caret: 4, added: 3, offered: 6 });
  });

  it('keeps the part of a paste that fits, and everything already written, before and after it', () => {
    const outcome = fitEdit('abcd', 'abXYZ123cd', atMost(7), 8);
    expect(outcome).toEqual({ kind: 'trimmed', text: 'abXYZcd', caret: 5, added: 3, offered: 6 });
  });

  it('does not keep half an emoji of a paste', () => {
    const outcome = fitEdit('ab', 'ab😀😀', atMost(5), 6);
    expect(outcome).toEqual({ kind: 'trimmed', text: 'ab😀', caret: 4, added: 2, offered: 4 });
  });
});

describe('reflection budget: each answer against its maxLength (no shared room)', () => {
  const fixture = fixtureCourse();
  const budget = reflectionBudget(fixture, 'scorm12');
  const prompt = fixture.sections.flatMap((s) => s.screens).find((s) => s.type === 'reflection');
  if (prompt?.type !== 'reflection') throw new Error('the fixture has no reflection screen');
  const id = prompt.prompts[0]!.id;
  const max = Math.min(prompt.prompts[0]!.maxLength, fixture.limits.reflectionMaxLength);

  it('counts exactly', () => {
    expect(budget.shared).toBe(false);
    expect(budget.guaranteed).toBeNull();
    expect(budget.status({ [id]: 'hello' }, id)).toMatchObject({ kind: 'length', length: 5, max, left: max - 5, exact: true, full: false, over: false });
    expect(budget.status({ [id]: 'x'.repeat(max) }, id)).toMatchObject({ left: 0, full: true, near: true });
  });

  it('stops a paste at maxLength and says how much of it was kept', () => {
    const outcome = budget.edit({ [id]: 'x'.repeat(max - 3) }, id, `${'x'.repeat(max - 3)}abcdef`, max + 3);
    expect(outcome).toEqual({ kind: 'trimmed', text: `${'x'.repeat(max - 3)}abc`, caret: max, added: 3, offered: 6 });
  });

  it('refuses prompts it does not know', () => {
    expect(budget.fits({ nope: 'x' }, 'nope')).toBe(false);
  });
});

describe('reflection budget: SCORM 1.2 with the real course (a shared room)', () => {
  const plan = planStateBudget(course, 'scorm12');
  if (!plan.ok || !plan.guaranteedReflectionChars) throw new Error('the real course should share the room on SCORM 1.2');
  const floors = plan.guaranteedReflectionChars;

  it('shares the room on SCORM 1.2 only', () => {
    expect(scorm12.shared).toBe(true);
    expect(scorm12.guaranteed).toBe(Math.min(...Object.values(floors)));
    expect(reflectionBudget(course, 'scorm2004-3rd').shared).toBe(false);
    expect(reflectionBudget(course, 'cmi5').shared).toBe(false);
  });

  it('estimates the everyday writing that fits, and never promises less than the floor', () => {
    const first = promptIds[0] as string;
    const empty = scorm12.status({}, first);
    expect(empty.kind).toBe('shared');
    expect(empty.exact).toBe(false);
    expect(empty.left).toBeGreaterThanOrEqual(floors[first] as number);
    // The estimate is honest for other prose than the sample it is made from: within a fifth of what fits.
    const actual = fitReflection(course, 'scorm12', { [first]: LONG_PROSE }, first).length;
    expect(Math.abs(empty.left - actual) / actual).toBeLessThan(0.2);
  });

  it('gives less to one answer as the others grow, and counts exactly where maxLength is what stops it', () => {
    const [a, b] = promptIds as [string, string];
    const alone = scorm12.status({}, a).left;
    const withOther = scorm12.status({ [b]: `${LONG_PROSE} ${TYPICAL_REFLECTIONS.join(' ')}`.slice(0, 1400) }, a).left;
    expect(withOther).toBeLessThan(alone);
    // Plenty of room for a short answer next to typical ones: the count is the exact maxLength count.
    const typical = Object.fromEntries(promptIds.map((id, i) => [id, TYPICAL_REFLECTIONS[i] as string]));
    const status = scorm12.status({ ...typical, [a]: 'x'.repeat(1490) }, a);
    expect(status).toMatchObject({ left: 10, exact: true });
  });

  it('keeps the saved state within 4,096 characters however the learner pastes and types, with progress at its worst', () => {
    const reflections: Record<string, string> = {};
    let refused = 0;
    for (const [i, id] of promptIds.entries()) {
      // Paste in large pieces until nothing more fits, then try a key at a time.
      const source = i % 2 === 0 ? `${LONG_PROSE} ${LONG_PROSE.split(' ').reverse().join(' ')}` : incompressibleText(3000, 50_000 * i);
      let offset = 0;
      for (let step = 0; step < 20; step++) {
        const before = reflections[id] ?? '';
        const piece = source.slice(offset, offset + 400);
        offset += 400;
        const outcome = scorm12.edit(reflections, id, before + piece, before.length + piece.length);
        if (outcome.kind === 'refused') {
          refused++;
          expect(outcome.text).toBe(before);
          break;
        }
        // What was already there is never cut: every outcome begins with it.
        expect(outcome.text.startsWith(before)).toBe(true);
        reflections[id] = outcome.text;
        expect(scorm12.fits(reflections, id)).toBe(true);
      }
      const full = reflections[id] ?? '';
      const key = scorm12.edit(reflections, id, `${full}.`, full.length + 1);
      if (key.kind !== 'accepted') expect(key.text).toBe(full);
    }
    expect(refused).toBeGreaterThan(0);
    const state = { ...worstCaseState(course), reflections };
    expect(encodeState(state, course).length).toBeLessThanOrEqual(4096);
  });

  it('reports an answer set that is over the room and still lets it shrink', () => {
    const over = Object.fromEntries(promptIds.map((id, i) => [id, incompressibleText(1500, i * 2000)]));
    const first = promptIds[0] as string;
    expect(scorm12.fits(over, first)).toBe(false);
    expect(scorm12.status(over, first)).toMatchObject({ over: true, left: 0, full: false });
    const shorter = (over[first] as string).slice(0, 1000);
    expect(scorm12.edit(over, first, shorter)).toEqual({ kind: 'accepted', text: shorter });
  });
});

describe('sampleProse', () => {
  it('is the course’s own prose, long enough to estimate a whole answer', () => {
    const sample = sampleProse(course);
    expect(sample.length).toBeGreaterThan(5000);
    expect(sample).toContain((course.sections[0]?.screens[0]?.body ?? '').trim().slice(0, 40));
  });
});

describe('adjustStatus', () => {
  const worked: FieldStatus = { kind: 'shared', length: 100, max: 1500, left: 800, exact: false, full: false, near: false, over: false };

  it('takes typed characters off the estimate until it is worked out again', () => {
    expect(adjustStatus(worked, 100)).toBe(worked);
    expect(adjustStatus(worked, 130)).toMatchObject({ length: 130, left: 770, exact: false });
    expect(adjustStatus(worked, 960)).toMatchObject({ left: 0, full: true, near: true });
  });

  it('never shows more than maxLength leaves, and then shows it as exact', () => {
    expect(adjustStatus({ ...worked, left: 1400 }, 200)).toMatchObject({ left: 1300, exact: true });
  });

  it('keeps "over" until the real status says otherwise', () => {
    expect(adjustStatus({ ...worked, left: 0, over: true }, 50)).toMatchObject({ over: true, left: 0, full: false });
  });
});

describe('countText', () => {
  const words = enGBScreens.reflection;
  const base: FieldStatus = { kind: 'shared', length: 10, max: 1500, left: 847, exact: false, full: false, near: false, over: false };

  it('says "about" for an estimate, with a round number', () => {
    expect(countText(words, base)).toBe('You have about 840 characters left');
    expect(countText(words, { ...base, left: 42 })).toBe('You have about 42 characters left');
    expect(countText(words, { ...base, left: 1 })).toBe('You have about 1 character left');
  });

  it('counts exactly where maxLength is what limits the answer', () => {
    expect(countText(words, { ...base, kind: 'length', left: 12, exact: true })).toBe('You have 12 characters left');
    expect(countText(words, { ...base, kind: 'length', left: 0, exact: true, full: true })).toBe('You have reached the limit of 1,500 characters');
  });

  it('counts in one wording, exact or about, with no word for where answers are stored', () => {
    const exact = countText(words, { ...base, kind: 'length', left: 1428, exact: true });
    const about = countText(words, base);
    expect(exact.replace(/\d[\d,]*/, 'N')).toBe('You have N characters left');
    expect(about.replace(/\d[\d,]*/, 'N')).toBe('You have about N characters left');
    for (const text of [exact, about, words.sharedRoom(500), words.overRoom, words.noRoomLeft]) expect(text).not.toMatch(/learning system|LMS|saved work|storage|suspend/i);
  });

  it('says when the room is used up, or over', () => {
    expect(countText(words, { ...base, left: 0, full: true })).toBe(words.noRoomLeft);
    expect(countText(words, { ...base, left: 0, over: true })).toBe(words.overRoom);
  });
});
