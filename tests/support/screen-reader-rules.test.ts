// Each rule of screen-reader-rules.ts catches the defect it was written for (issue 18), in the shape the recorder logs
// it, and lets the fixed version through.
import { describe, expect, it } from 'vitest';
import type { AxNode, Heard } from './accessibility-recorder.ts';
import {
  byKey,
  descriptionsBlocked,
  outlineProblems,
  praiseBeforeFinishing,
  questionsWithoutHeading,
  repeatedAnnouncements,
  sameNamedControls,
  sameNamedLandmarks,
  staleLiveText,
  strayTextInNames,
  type ScreenRecord,
} from './screen-reader-rules.ts';

const key = (text: string): Heard => ({ kind: 'key', what: '', text });
const focus = (text: string, what = 'h3'): Heard => ({ kind: 'focus', what, text });
const live = (text: string, what = 'polite'): Heard => ({ kind: 'live', what, text });
const node = (role: string, name: string, extra: Partial<AxNode> = {}): AxNode => ({ role, name, states: {}, depth: 1, ...extra });
const h = (level: number, name: string): AxNode => node('heading', name, { level });

describe('byKey', () => {
  it('gives each key what followed it, and what came before any key its own response', () => {
    expect(byKey([focus('Play'), key('Tab'), focus('Mute'), key('Enter')])).toEqual([
      { key: null, events: [focus('Play')] },
      { key: 'Tab', events: [focus('Mute')] },
      { key: 'Enter', events: [] },
    ]);
  });
});

describe('repeatedAnnouncements', () => {
  it('catches focus on the "Correct" heading while the live region says it too (18.2)', () => {
    expect(repeatedAnnouncements([key('Enter'), focus('Correct'), live('Correct. Yes, that is right.')])).toEqual([
      'after Enter: focus moved to "Correct" and a live region said "Correct. Yes, that is right."',
    ]);
  });

  it('catches a scenario outcome heard twice (18.4) and a film pausing with "Play" said over the question (18.6)', () => {
    expect(repeatedAnnouncements([key('Enter'), focus('Partly helpful response'), live('Partly helpful response')])).toHaveLength(1);
    expect(repeatedAnnouncements([focus('Question 1 of 2', 'h2'), live('Play')])).toEqual(['with no key pressed: focus moved to "Question 1 of 2" and a live region said "Play"']);
  });

  it('catches two messages at once: feedback and progress, or the pass result over the last feedback', () => {
    expect(repeatedAnnouncements([key('Enter'), live('Correct.'), live('You have answered 1 of 6 questions')])).toEqual([
      'after Enter: 2 live messages at once: "Correct.", "You have answered 1 of 6 questions"',
    ]);
  });

  it('catches a live region naming the control Tab just reached (", selected" on arrival)', () => {
    expect(repeatedAnnouncements([key('Tab'), focus('English Captions', 'button'), live('English Captions, selected')])).toHaveLength(1);
  });

  it('lets one focus move, or one message with focus kept, through', () => {
    expect(repeatedAnnouncements([key('Enter'), focus('Correct'), live('')])).toEqual([]);
    expect(repeatedAnnouncements([key('Enter'), live('Not the best answer. 1 attempt left. Try again.')])).toEqual([]);
    expect(repeatedAnnouncements([key('Tab'), focus('Next', 'button'), live('You have about 40 characters left')])).toEqual([]);
  });
});

describe('sameNamedControls', () => {
  it('catches six "Check your answer" buttons (18.3) and lets numbered ones through', () => {
    const same = Array.from({ length: 6 }, () => node('button', 'Check your answer'));
    expect(sameNamedControls(same)).toEqual(['controls with one name: button "Check your answer" ×6']);
    expect(sameNamedControls(same.map((b, i) => ({ ...b, name: `Check your answer to question ${i + 1}` })))).toEqual([]);
  });

  it('tells radios apart by their named group, and catches the same radio twice in one group', () => {
    const scale = (item: string) => [node('radiogroup', item, { depth: 2 }), node('radio', 'Confident', { depth: 3 })];
    expect(sameNamedControls([...scale('Noticing stigma'), ...scale('Challenging it')])).toEqual([]);
    expect(sameNamedControls([node('radiogroup', 'A', { depth: 2 }), node('radio', 'Yes', { depth: 3 }), node('radio', 'Yes', { depth: 3 })])).toEqual([
      'controls with one name: radio "Yes" in "A" ×2',
    ]);
  });
});

describe('sameNamedLandmarks', () => {
  it('catches seven regions with one name (18.8)', () => {
    expect(sameNamedLandmarks(Array.from({ length: 7 }, () => node('region', 'Questions for discussion')))).toEqual(['landmarks with one name: region "Questions for discussion" ×7']);
    expect(sameNamedLandmarks([node('navigation', 'Course sections'), node('region', 'Transcript')])).toEqual([]);
  });
});

describe('questionsWithoutHeading', () => {
  const prompt = 'What helps most?';
  const question = (name: string, depth = 3) => [node('group', name, { depth }), node('radio', 'Ask', { depth: depth + 1 }), node('radio', 'Assume', { depth: depth + 1 })];
  it('catches questions that are only legends, under one heading (18.3), or under the page h1 alone', () => {
    const tree = [h(1, 'Check your knowledge'), h(2, 'Questions'), ...question(`1. ${prompt}`), ...question('2. Why?')];
    expect(questionsWithoutHeading(tree, [prompt, 'Why?'])).toEqual([`the questions "${prompt}" and "Why?" share the heading "Questions"`]);
    expect(questionsWithoutHeading([h(1, 'Check your knowledge'), ...question(prompt)], [prompt])).toEqual([`the question "${prompt}" has no heading of its own`]);
  });

  it('lets a question whose legend holds its heading through, or one with a heading of its own just before it', () => {
    const own = [h(1, 'Check'), node('group', `Question 1 of 6 ${prompt}`, { depth: 3 }), { ...h(2, prompt), depth: 4 }, node('radio', 'Ask', { depth: 4 })];
    expect(questionsWithoutHeading(own, [prompt])).toEqual([]);
    expect(questionsWithoutHeading([h(1, 'Film'), h(2, 'Film question 1 of 2'), ...question(prompt)], [prompt])).toEqual([]);
  });
});

describe('staleLiveText', () => {
  const page = (title: string, heard: Heard[], liveNow: string[]): ScreenRecord => ({ label: title, heard, tree: [h(1, title)], live: liveNow });
  it('catches old feedback left in the live region on a later page (18.7)', () => {
    const records = [page('Scenario', [live('Helpful response')], ['Helpful response']), page('Certificate', [key('Enter'), focus('Certificate', 'h1')], ['Helpful response'])];
    expect(staleLiveText(records)).toEqual(['Certificate: a live region still holds "Helpful response" from before']);
  });

  it('lets an emptied region, or a message said on the new page, through', () => {
    const emptied = [page('Scenario', [live('Helpful response')], ['Helpful response']), page('Certificate', [focus('Certificate', 'h1'), live('')], [])];
    expect(staleLiveText(emptied)).toEqual([]);
    const fresh = [page('A', [], []), page('B', [focus('B', 'h1'), live('Saved')], ['Saved'])];
    expect(staleLiveText(fresh)).toEqual([]);
  });
});

describe('strayTextInNames', () => {
  it('catches the CSS tick and video.js\'s "selected" in a menu item (18.5, 18.6) and run-together sentences (18.8)', () => {
    expect(strayTextInNames([node('menuitemradio', '✓ , selected English Captions')])).toEqual([
      'menuitemradio "✓ , selected English Captions" has a symbol in its name',
      'menuitemradio "✓ , selected English Captions" has a space before a punctuation mark',
      'menuitemradio "✓ , selected English Captions" carries video.js\'s "selected"',
    ]);
    expect(strayTextInNames([node('button', 'Next : How confident do you feel?')])).toEqual(['button "Next : How confident do you feel?" has a space before a punctuation mark']);
    expect(strayTextInNames([h(2, 'You passed.Your score')])).toEqual(['heading "You passed.Your score" runs two sentences together']);
  });

  it('lets plain names through', () => {
    expect(strayTextInNames([node('menuitemradio', 'English Captions'), h(2, 'Your result: 5 of 6 (83%)'), node('link', 'nhs.uk/every-mind-matters'), node('button', 'Next: How confident do you feel?')])).toEqual([]);
  });
});

describe('outlineProblems', () => {
  it('catches "Course sections" before the h1 and seven identical headings (18.8)', () => {
    expect(outlineProblems([h(2, 'Course sections'), h(1, 'Welcome')])).toEqual(['the first heading is h2 "Course sections", before the h1']);
    const guide = [h(1, 'Supervision guide'), ...Array.from({ length: 7 }, () => h(3, 'Questions for discussion'))];
    expect(outlineProblems(guide)).toEqual(['h3 "Questions for discussion" comes straight after h1 "Supervision guide"', 'h3 "Questions for discussion" ×7']);
  });

  it('catches two h1s and none, and lets a good outline through', () => {
    expect(outlineProblems([h(1, 'A'), h(1, 'B')])).toEqual(['2 h1 headings']);
    expect(outlineProblems([h(2, 'A')])).toEqual(['0 h1 headings', 'the first heading is h2 "A", before the h1']);
    expect(outlineProblems([h(1, 'Film'), h(2, 'Transcript'), h(3, 'Welcome'), h(3, 'Why this matters'), h(2, 'Sections')])).toEqual([]);
    // One heading under two different parents is told apart by them.
    expect(outlineProblems([h(1, 'Scenario'), h(2, 'Step 1'), h(3, 'Partly helpful response'), h(2, 'Step 2'), h(3, 'Partly helpful response')])).toEqual([]);
  });
});

describe('praiseBeforeFinishing', () => {
  it('catches "Well done" in the summary h1 of a learner who has not finished (18.9)', () => {
    expect(praiseBeforeFinishing([h(1, 'Well done'), h(2, 'You have not completed the course yet')], false)).toEqual(['"h1 Well done" told to a learner who has not finished']);
    expect(praiseBeforeFinishing([h(2, 'You have completed the course')], false)).toHaveLength(1);
  });

  it('lets the same words through once the learner has finished, and plain ones at any time', () => {
    expect(praiseBeforeFinishing([h(1, 'Well done'), h(2, 'You have completed the course')], true)).toEqual([]);
    expect(praiseBeforeFinishing([h(1, 'Your summary'), h(2, 'You have not completed the course yet')], false)).toEqual([]);
  });
});

describe('descriptionsBlocked', () => {
  it('catches the descriptions button video.js disables while captions show (18.1), or a missing one', () => {
    expect(descriptionsBlocked([node('button', 'Audio descriptions', { states: { disabled: true } })], 'Audio descriptions')).toEqual(['the "Audio descriptions" button is disabled']);
    expect(descriptionsBlocked([node('button', 'Captions')], 'Audio descriptions')).toEqual(['no "Audio descriptions" button']);
    expect(descriptionsBlocked([node('button', 'Audio descriptions', { states: { expanded: false } })], 'Audio descriptions')).toEqual([]);
  });
});
