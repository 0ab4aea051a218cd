import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { decodeState, encodeState, type DecodeResult } from '../../../../course/runtime/state/codec.ts';
import { worstCaseStateLength } from '../../../../course/runtime/state/worst-case.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { worstCaseState } from '../../../../course/runtime/state/worst-case.ts';
import { loadCourse, sectionWith, typicalRun } from '../helpers/course-fixtures.ts';

const course = loadCourse();

/** The two chunks of an encoded state: where each starts and ends in the string. */
function chunks(encoded: string): Record<'p' | 'r', { start: number; end: number }> {
  const out: Record<string, { start: number; end: number }> = {};
  let at = encoded.indexOf('~');
  while (at >= 0) {
    const next = encoded.indexOf('~', at + 1);
    const end = next >= 0 ? next : encoded.length - 1;
    out[encoded[at + 5] as string] = { start: at + 1, end };
    at = next;
  }
  return out as Record<'p' | 'r', { start: number; end: number }>;
}

function damage(encoded: string, position: number): string {
  return encoded.slice(0, position) + (encoded[position] === 'A' ? 'B' : 'A') + encoded.slice(position + 1);
}

function sorted(state: LearnerState): LearnerState {
  return { ...state, completedScreens: [...state.completedScreens].sort() };
}

function failed(result: DecodeResult): Extract<DecodeResult, { ok: false }> {
  if (result.ok) throw new Error('expected the decode to fail');
  return result;
}

describe('state codec', () => {
  it('round-trips a typical full run in at most 1,000 characters', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    expect(encoded.length).toBeLessThanOrEqual(1000);
    const decoded = decodeState(encoded, course);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(sorted(decoded.state)).toEqual(sorted(state));
  });

  it('writes only URL-safe ASCII, framed and versioned', () => {
    const encoded = encodeState(typicalRun(course), course);
    expect(encoded).toMatch(/^cg1(~[A-Za-z0-9_-]+)+\.$/);
  });

  it('round-trips the worst case and never exceeds the computed worst-case length', () => {
    const worst = worstCaseState(course);
    const encoded = encodeState(worst, course);
    expect(encoded.length).toBeLessThanOrEqual(worstCaseStateLength(course));
    const decoded = decodeState(encoded, course);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.state.reflections).toEqual(worst.reflections);
      expect(decoded.state.answers).toEqual(worst.answers);
      expect(decoded.state.film.played).toEqual(worst.film.played);
    }
  });

  it('leaves empty parts out and restores an empty state', () => {
    const first = course.sections[0]?.screens[0]?.id as string;
    const encoded = encodeState(emptyLearnerState(first), course);
    expect(encoded.length).toBeLessThan(40);
    expect(decodeState(encoded, course)).toEqual({ ok: true, state: emptyLearnerState(first) });
    expect(decodeState('', course)).toEqual({ ok: true, state: emptyLearnerState(first) });
  });

  it('keeps whole-second played ranges exactly and merges touching ones', () => {
    const state = { ...typicalRun(course), film: { position: 40, played: [[0, 10], [10, 20], [30, 45]] as [number, number][] } };
    const decoded = decodeState(encodeState(state, course), course);
    expect(decoded.ok && decoded.state.film).toEqual({ position: 40, played: [[0, 20], [30, 45]] });
  });

  it('keeps reflection text as typed apart from line endings and invisible control characters', () => {
    const prompt = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'reflection');
    if (prompt?.type !== 'reflection') throw new Error('no reflection screen');
    const id = prompt.prompts[0]?.id as string;
    const state = { ...typicalRun(course), reflections: { [id]: 'Line one\r\nline two\ttabbed “quoted” \\ 🙂 café\u0007' } };
    const decoded = decodeState(encodeState(state, course), course);
    expect(decoded.ok && decoded.state.reflections[id]).toBe('Line one\nline two\ttabbed “quoted” \\ 🙂 café');
  });

  it('detects damaged reflections, keeps all progress and restarts only the reflections section', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    const result = failed(decodeState(damage(encoded, chunks(encoded).r.end - 30), course));
    expect(result.reason).toBe('corrupt');
    const reflections = sectionWith(course, 'reflection');
    expect(result.affectedSections).toEqual([reflections]);
    expect(result.salvaged?.reflections).toEqual({});
    expect(sorted(result.salvaged as LearnerState).completedScreens).toEqual(sorted(state).completedScreens);
    expect(result.salvaged?.answers).toEqual(state.answers);
    const section = course.sections.find((s) => s.id === reflections);
    expect(result.salvaged?.location).toBe(section?.screens[0]?.id);
    expect(result.damage).toEqual({ progressLost: false, reflectionsLost: 4, reflectionCut: false });
  });

  it('detects damaged progress, keeps the reflections and names every section it held', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    const result = failed(decodeState(damage(encoded, chunks(encoded).p.end - 30), course));
    expect(result.reason).toBe('corrupt');
    expect(result.affectedSections).toEqual(course.sections.map((s) => s.id));
    expect(result.salvaged?.reflections).toEqual(state.reflections);
    expect(result.salvaged?.completedScreens).toEqual([]);
    expect(result.salvaged?.location).toBe(course.sections[0]?.screens[0]?.id);
  });

  it('survives any single-character damage without throwing, and never reports it as clean', () => {
    const encoded = encodeState(typicalRun(course), course);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.';
    for (let i = 0; i < encoded.length; i += 3) {
      const replacement = alphabet[(alphabet.indexOf(encoded[i] as string) + 17) % alphabet.length] as string;
      const damaged = encoded.slice(0, i) + replacement + encoded.slice(i + 1);
      const result = decodeState(damaged, course);
      expect(result.ok, `damage at ${i}`).toBe(false);
      if (!result.ok && result.salvaged) expect(decodeState(encodeState(result.salvaged, course), course).ok).toBe(true);
    }
  });

  it('detects every truncation and keeps what arrived before the cut', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    const { p, r } = chunks(encoded);
    for (let cut = 1; cut < encoded.length; cut++) {
      const result = decodeState(encoded.slice(0, cut), course);
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (result.ok) continue;
      expect(['truncated', 'corrupt'], `cut at ${cut}`).toContain(result.reason);
      if (cut > p.end) {
        // Progress arrived whole: only reflections can be missing, and those that arrived are the learner's words.
        expect(sorted(result.salvaged as LearnerState).completedScreens).toEqual(sorted(state).completedScreens);
        for (const [id, text] of Object.entries(result.salvaged?.reflections ?? {})) expect(state.reflections[id]?.startsWith(text), id).toBe(true);
        // Only the reflections section can need a restart, and it does whenever some text did not come back whole.
        const whole = Object.entries(state.reflections).every(([id, text]) => result.salvaged?.reflections[id] === text);
        expect([[], [sectionWith(course, 'reflection')]], `cut at ${cut}`).toContainEqual(result.affectedSections);
        if (!whole) expect(result.affectedSections, `cut at ${cut}`).toEqual([sectionWith(course, 'reflection')]);
      }
    }
    // Cut inside the last reflection: the earlier ones come back whole, the last one as far as it arrived.
    const result = failed(decodeState(encoded.slice(0, r.end - 20), course));
    expect(result.reason).toBe('truncated');
    const ids = Object.keys(state.reflections);
    for (const id of ids.slice(0, -1)) expect(result.salvaged?.reflections[id]).toBe(state.reflections[id]);
    const last = ids[ids.length - 1] as string;
    expect(result.salvaged?.reflections[last]?.length).toBeGreaterThan(0);
    expect(state.reflections[last]?.startsWith(result.salvaged?.reflections[last] ?? 'x')).toBe(true);
    expect(result.damage.reflectionCut).toBe(true);
  });

  it('restores untouched sections of a changed course and restarts the changed one', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    const changed = loadCourse();
    const check = changed.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
    if (check?.type !== 'knowledge-check') throw new Error('no knowledge check');
    check.questions[0]?.options.push({ id: 'new-option', text: 'New', correct: false, feedback: 'New' });
    const result = failed(decodeState(encoded, changed));
    expect(result.reason).toBe('course-changed');
    const checkSection = sectionWith(changed, 'knowledge-check');
    expect(result.affectedSections).toEqual([checkSection]);
    expect(result.salvaged?.scenarioPaths).toEqual(state.scenarioPaths);
    expect(result.salvaged?.reflections).toEqual(state.reflections);
    expect(Object.keys(result.salvaged?.answers ?? {})).not.toContain(check.questions[0]?.id);
  });

  it('needs no restart when sections are added or removed around unchanged ones', () => {
    const state = typicalRun(course);
    const encoded = encodeState(state, course);
    const changed = loadCourse();
    const removed = changed.sections.splice(changed.sections.length - 2, 1)[0];
    changed.sections.splice(1, 0, { id: 'new-section', title: 'New', screens: [{ id: 'new-screen', type: 'summary', title: 'New' }] });
    const result = decodeState(encoded, changed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const removedScreens = new Set(removed?.screens.map((s) => s.id));
    expect(sorted(result.state).completedScreens).toEqual(sorted(state).completedScreens.filter((id) => !removedScreens.has(id)));
    expect(result.state.reflections).toEqual(state.reflections);
  });

  it('refuses a state from a newer version and plain garbage, salvaging nothing', () => {
    const encoded = encodeState(typicalRun(course), course).replace(/^cg1/, 'cg2');
    expect(failed(decodeState(encoded, course))).toMatchObject({ reason: 'unknown-version', salvaged: null });
    expect(failed(decodeState('not a saved state', course))).toMatchObject({ reason: 'corrupt', salvaged: null });
    expect(failed(decodeState('{"lesson":3}', course))).toMatchObject({ reason: 'corrupt', salvaged: null });
  });

  it('migrates a version-0 state written by the prototype player', () => {
    const scenario = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'scenario');
    const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
    const reflection = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'reflection');
    if (scenario?.type !== 'scenario' || check?.type !== 'knowledge-check' || reflection?.type !== 'reflection') throw new Error('course shape');
    const step = scenario.steps.find((s) => s.id === scenario.start);
    const question = check.questions[0];
    const prompt = reflection.prompts[0];
    const item = course.confidence.items[0];
    if (!step || !question || !prompt || !item) throw new Error('course shape');
    const choice = step.choices[0]?.id as string;
    const v0 = {
      v: 0,
      at: scenario.id,
      done: [course.sections[0]?.screens[0]?.id, 'a-screen-that-was-removed'],
      paths: { [scenario.id]: `${step.id}:${choice}` },
      answers: { [question.id]: question.options[0]?.id, 'old-question': 'x' },
      tries: { [question.id]: 2 },
      notes: { [prompt.id]: 'What I wrote in the prototype.' },
      conf: { b: { [item.id]: 3 } },
      film: { pos: 30, seen: '0-30' },
      time: 600,
    };
    const result = decodeState(LZString.compressToBase64(JSON.stringify(v0)), course);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 0,
      state: {
        location: scenario.id,
        completedScreens: [course.sections[0]?.screens[0]?.id],
        scenarioPaths: { [scenario.id]: [[step.id, choice]] },
        answers: { [question.id]: [question.options[0]?.id] },
        attempts: { [question.id]: 2 },
        reflections: { [prompt.id]: 'What I wrote in the prototype.' },
        confidence: { before: { [item.id]: 3 }, after: {} },
        film: { position: 30, played: [[0, 30]] },
        secondsSpent: 600,
        // Version 0 had no seed (the player gives one on resume) and no retakes.
        seed: -1,
        checkAttempts: {},
      },
    });
  });
});
