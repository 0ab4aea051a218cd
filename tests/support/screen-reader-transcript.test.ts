// The readable record: Tab runs and typing folded, clock times and film positions steadied, radios with their group,
// and a step whose outline or controls did not change says so instead of repeating them.
import { describe, expect, it } from 'vitest';
import type { AxNode, Heard } from './accessibility-recorder.ts';
import { controlLines, heardLines, steady, transcriptMarkdown } from './screen-reader-transcript.ts';

const key = (text: string): Heard => ({ kind: 'key', what: '', text });
const focus = (text: string, what = 'button'): Heard => ({ kind: 'focus', what, text });

describe('heardLines', () => {
  it('folds a run of Tab into the stop it reached, and typing into a count', () => {
    const heard = [key('Tab'), focus('Back'), key('Tab'), focus('Next'), key('Enter'), focus('Film', 'h1'), key('H'), key('i'), key(' '), { kind: 'live', what: 'polite', text: '' } as Heard];
    expect(heardLines(heard)).toEqual(['Tab ×2 → button "Next"', 'presses Enter', 'focus → h1 "Film"', 'types 2 characters', 'presses Space', '(polite live region emptied)']);
  });

  it('keeps Tab and Shift+Tab apart and says when focus left the course', () => {
    expect(heardLines([key('Tab'), key('Shift+Tab'), focus('Play')])).toEqual(['Tab → (focus left the course)', 'Shift+Tab → button "Play"']);
  });
});

describe('steady', () => {
  it('turns times that move with the clock into a placeholder', () => {
    expect(steady('0:35 of 3:10, saved at 14:05')).toBe('m:ss of m:ss, saved at m:ss');
    expect(steady('Page 3 of 18')).toBe('Page 3 of 18');
  });
});

describe('controlLines and transcriptMarkdown', () => {
  const tree: AxNode[] = [
    { role: 'radiogroup', name: 'Noticing stigma', states: {}, depth: 1 },
    { role: 'radio', name: 'Confident', states: { checked: true, focused: true }, depth: 2 },
    { role: 'slider', name: 'Progress bar', states: { valuetext: '0:35 of 3:10' }, depth: 1 },
    { role: 'heading', name: 'Film', level: 1, states: {}, depth: 1 },
  ];
  it('lists each control with its group and states', () => {
    expect(controlLines(tree)).toEqual(['radio "Confident" in "Noticing stigma" [checked]', 'slider "Progress bar" [valuetext=m:ss of m:ss]']);
  });

  it('says "as in the step before" for an unchanged outline and controls', () => {
    const record = { label: 'film', heard: [], tree, live: [] };
    const markdown = transcriptMarkdown('T', ['intro'], [{ heading: 'Walk', records: [record, { ...record, label: 'film again' }] }]);
    expect(markdown).toContain('### 1. film\n\nPressed and heard:\n\n- (nothing)\n\nHeadings:\n\n- h1 Film\n');
    expect(markdown.split('### 2. film again')[1]).toContain('Headings:\n\n- (as in the step before)\n\nControls:\n\n- (as in the step before)');
  });
});
