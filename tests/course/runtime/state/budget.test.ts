import { describe, expect, it } from 'vitest';
import type { Course } from '../../../../course/model/types.ts';
import {
  fitReflection,
  MIN_GUARANTEED_REFLECTION_CHARS,
  planStateBudget,
  reflectionSpace,
  SUSPEND_DATA_LIMITS,
} from '../../../../course/runtime/state/budget.ts';
import { decodeState, encodeState } from '../../../../course/runtime/state/codec.ts';
import { incompressibleText, worstCaseBreakdown, worstCaseState } from '../../../../course/runtime/state/worst-case.ts';
import { layoutOf } from '../../../../course/runtime/state/course-layout.ts';
import { costOf, reflectionsBody } from '../../../../course/runtime/state/format-v1.ts';
import { LONG_PROSE, loadCourse, typicalRun } from '../helpers/course-fixtures.ts';

const course = loadCourse();
const promptIds = layoutOf(course).prompts.map((p) => p.id);

function plan(c: Course, standard: Parameters<typeof planStateBudget>[1]) {
  const result = planStateBudget(c, standard);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Text from an alphabet, by a fixed pseudo-random walk (no two runs differ). */
function textFrom(alphabet: string[], length: number, seed: number): string {
  let out = '';
  let x = seed;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out.slice(0, length);
}

const ALPHABETS: Record<string, string[]> = {
  ascii: [...Array(95)].map((_, i) => String.fromCharCode(32 + i)),
  escapes: ['"', '\\', '\n', '\t', 'a'],
  latin: [...'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŵŷ'],
  emoji: ['🙂', '😀', '🚑', '💬', '🧠', '❤️'],
  cjk: [...Array(3000)].map((_, i) => String.fromCharCode(0x4e00 + i * 7)),
  mixed: [...'ab"\\\n€ŵ🙂中文字'],
};

describe('state budget', () => {
  it('uses the documented limits', () => {
    // The specifications' figures (and ours for xAPI, the keepalive allowance less room for the last statements).
    expect(SUSPEND_DATA_LIMITS).toMatchObject({ scorm12: 4096, 'scorm2004-3rd': 64000, 'scorm2004-4th': 64000, xapi: 56000, cmi5: 56000 });
  });

  it('leaves the real course unrestricted where its worst case fits, and shares the room on SCORM 1.2', () => {
    for (const standard of ['scorm2004-3rd', 'scorm2004-4th', 'xapi', 'cmi5'] as const) {
      expect(plan(course, standard)).toMatchObject({ reflectionRoom: null, guaranteedReflectionChars: null });
    }
    const scorm12 = plan(course, 'scorm12');
    expect(scorm12.worstCase).toBeGreaterThan(4096);
    expect(scorm12.reflectionRoom).toBe(4096 - worstCaseBreakdown(course).progress);
    for (const id of promptIds) expect(scorm12.guaranteedReflectionChars?.[id]).toBeGreaterThanOrEqual(MIN_GUARANTEED_REFLECTION_CHARS);
  });

  it('costs no typed text more than the incompressible text the worst case assumes', () => {
    const prompts = layoutOf(course).prompts;
    const worst = costOf(reflectionsBody(prompts.map((p, i) => [p, incompressibleText(p.maxLength, i * 5000)])));
    for (const [name, alphabet] of Object.entries(ALPHABETS)) {
      const typed = costOf(reflectionsBody(prompts.map((p, i) => [p, textFrom(alphabet, p.maxLength, i + 1)])));
      expect(typed, name).toBeLessThanOrEqual(worst);
    }
  });

  it('never lets SCORM 1.2 suspend_data pass 4,096, whatever is typed, with progress at its worst', () => {
    for (const [name, alphabet] of Object.entries({ prose: [LONG_PROSE], ...ALPHABETS })) {
      const reflections: Record<string, string> = {};
      for (const [i, id] of promptIds.entries()) {
        // The learner pastes far more than fits; the player keeps what fitReflection allows.
        const pasted = name === 'prose' ? LONG_PROSE.repeat(2).slice(i * 37) : textFrom(alphabet, 3000, i + 7);
        reflections[id] = fitReflection(course, 'scorm12', { ...reflections, [id]: pasted }, id);
        expect(reflectionSpace(course, 'scorm12', reflections, id).fits).toBe(true);
      }
      const state = { ...worstCaseState(course), reflections };
      expect(encodeState(state, course).length, name).toBeLessThanOrEqual(4096);
    }
  });

  it('keeps each later reflection its guaranteed floor however much came before', () => {
    const floors = plan(course, 'scorm12').guaranteedReflectionChars as Record<string, number>;
    const reflections: Record<string, string> = {};
    for (const id of promptIds.slice(0, -1)) {
      reflections[id] = fitReflection(course, 'scorm12', { ...reflections, [id]: incompressibleText(2000, 40_000) }, id);
    }
    const last = promptIds[promptIds.length - 1] as string;
    const floorText = incompressibleText(floors[last] as number, 80_000);
    expect(reflectionSpace(course, 'scorm12', { ...reflections, [last]: floorText }, last).fits).toBe(true);
  });

  it('gives ordinary prose several times the guaranteed floor', () => {
    const floors = plan(course, 'scorm12').guaranteedReflectionChars as Record<string, number>;
    const first = promptIds[0] as string;
    const kept = fitReflection(course, 'scorm12', { [first]: LONG_PROSE }, first);
    expect(kept.length).toBeGreaterThanOrEqual(3 * (floors[first] as number));
    expect(LONG_PROSE.startsWith(kept)).toBe(true);
  });

  it('measures a reflection against its maxLength where the state is unrestricted', () => {
    const first = promptIds[0] as string;
    const maxLength = layoutOf(course).prompts[0]?.maxLength as number;
    expect(reflectionSpace(course, 'scorm2004-3rd', { [first]: 'x'.repeat(maxLength) }, first)).toEqual({ fits: true, used: 1 });
    expect(reflectionSpace(course, 'scorm2004-3rd', { [first]: 'x'.repeat(maxLength + 1) }, first).fits).toBe(false);
    expect(fitReflection(course, 'cmi5', { [first]: `${'x'.repeat(maxLength - 1)}🙂` }, first)).toBe('x'.repeat(maxLength - 1));
  });

  it('refuses SCORM 1.2 with a clear message when reflections would get too little room', () => {
    const crowded = loadCourse();
    const screen = crowded.sections.flatMap((s) => s.screens).find((s) => s.type === 'reflection');
    if (screen?.type !== 'reflection') throw new Error('no reflection screen');
    for (let i = 0; i < 12; i++) screen.prompts.push({ id: `extra-${i}`, prompt: 'More?', maxLength: 2000 });
    const result = planStateBudget(crowded, 'scorm12');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^scorm12: the learner state can reach [\d,]+ characters and the limit is 4,096/);
      expect(result.message).toContain('SCORM 2004 3rd edition or cmi5');
    }
    expect(planStateBudget(crowded, 'scorm2004-3rd').ok).toBe(true);
  });

  it('refuses a standard when progress alone cannot fit', () => {
    const long = loadCourse();
    long.film.durationSeconds = 10 * 3600; // the played-seconds bitmap alone outgrows 4,096 characters
    const result = planStateBudget(long, 'scorm12');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('progress alone');
  });

  it('round-trips a state whose saved form is exactly at the SCORM 1.2 limit', () => {
    const state = typicalRun(course);
    const id = promptIds[0] as string;
    const encodeWith = (text: string) => encodeState({ ...state, reflections: { ...state.reflections, [id]: text } }, course);
    // Grow with costly characters to just under the limit, then with letters, which add one or two characters each.
    let text = '';
    while (encodeWith(text + incompressibleText(10, 3 + text.length)).length < 4050) text += incompressibleText(10, 3 + text.length);
    let found: string | null = null;
    for (let i = 0; i < 400 && found === null; i++) {
      text += textFrom(ALPHABETS.ascii as string[], 1, i + 11);
      const encoded = encodeWith(text);
      if (encoded.length === 4096) found = encoded;
      if (encoded.length > 4096) text = text.slice(0, -2);
    }
    expect(found?.length).toBe(4096);
    const decoded = decodeState(found as string, course);
    expect(decoded.ok && decoded.state.reflections[id]).toBe(text);
  });
});
