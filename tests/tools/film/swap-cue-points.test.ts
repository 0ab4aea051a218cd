// Where the film's questions go when a shorter or longer film comes in: the pure planning behind --move-cue and
// --scale-cues (swap-film.test.ts runs them through whole swaps).
import { describe, expect, it } from 'vitest';
import { parseCueMove, parseCueMoves, planCuePoints } from '../../../tools/film/swap-cue-points.ts';

const cues = [{ id: 'cue-overshadowing', at: 64.5 }, { id: 'cue-small-actions', at: 106.1 }];
const plan = (overrides: Partial<Parameters<typeof planCuePoints>[0]> = {}) =>
  planCuePoints({ cues, oldDurationSeconds: 171.4, newDurationSeconds: 120, moves: [], scale: false, ...overrides });

describe('parseCueMove(s)', () => {
  it('reads <id>=<seconds>', () => {
    expect(parseCueMove('cue-a=42.5')).toEqual({ id: 'cue-a', at: 42.5 });
    expect(parseCueMove(' cue-a=0 ')).toEqual({ id: 'cue-a', at: 0 });
    expect(parseCueMoves(['a=1', 'b=2'])).toEqual([{ id: 'a', at: 1 }, { id: 'b', at: 2 }]);
  });

  it('refuses what is not a cue and a time from 0', () => {
    for (const raw of ['cue-a', '=3', 'cue-a=', 'cue a=3']) expect(parseCueMove(raw)).toMatch(/^--move-cue takes <cue id>=<seconds>/);
    expect(parseCueMove('cue-a=1e400')).toBe('--move-cue cue-a: "1e400" is not a number of seconds from 0');
    expect(parseCueMove('cue-a=-1')).toBe('--move-cue cue-a: "-1" is not a number of seconds from 0');
    expect(parseCueMoves(['a=1', 'a=2'])).toBe('--move-cue a is given twice; give each cue one time');
  });
});

describe('planCuePoints', () => {
  it('leaves cue points alone that fit the new film', () => {
    expect(plan()).toEqual({ times: [64.5, 106.1], late: [], problems: [] });
  });

  it('names each cue past the new end, its field and the film\'s length, and says how to move it', () => {
    const result = plan({ newDurationSeconds: 80 });
    expect(result.late).toEqual([1]);
    expect(result.problems).toEqual([
      'cue point "cue-small-actions" (course.json film.cuePoints[1].at) is at 106.1 s, past the end of the new film, which is 80 s long: ' +
        'a question must come at least 0.5 s before the end; move it with --move-cue cue-small-actions=<seconds> (0 to 79.5), ' +
        'or give --scale-cues to move every cue point to the same share of the new film',
    ]);
  });

  it('refuses a cue in the last half second, which the rendition may not have', () => {
    expect(plan({ newDurationSeconds: 106.5 }).late).toEqual([1]);
    expect(plan({ newDurationSeconds: 106.6 }).late).toEqual([]);
  });

  it('scales every cue to the same share of the new film, to the millisecond', () => {
    expect(plan({ scale: true }).times).toEqual([45.158, 74.282]);
    expect(plan({ scale: true, newDurationSeconds: 12 }).problems).toEqual([]);
  });

  it('places the cues --move-cue names, after scaling, and checks them against the new end', () => {
    expect(plan({ scale: true, moves: [{ id: 'cue-small-actions', at: 100 }] }).times).toEqual([45.158, 100]);
    const late = plan({ moves: [{ id: 'cue-small-actions', at: 119.9 }] });
    expect(late.problems).toEqual([expect.stringMatching(/^cue point "cue-small-actions" \(course\.json film\.cuePoints\[1\]\.at\) would be at 119\.9 s, past the end of the new film, which is 120 s long: .*; give --move-cue cue-small-actions a time from 0 to 119\.5$/)]);
  });

  it('refuses a cue id the course does not have, with the nearest one', () => {
    expect(plan({ moves: [{ id: 'cue-small-action', at: 3 }] }).problems).toEqual([
      '--move-cue cue-small-action: the course has no cue point "cue-small-action" (did you mean "cue-small-actions"?); its cue points are "cue-overshadowing", "cue-small-actions"',
    ]);
  });
});
