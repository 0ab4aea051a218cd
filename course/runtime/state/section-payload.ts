// One section's share of the learner state in compact form: ids become indices into the section's layout, empty
// parts are left out. Decoding checks every index against the layout, so a damaged or foreign payload is refused
// instead of restoring a state that points at nothing.
import { SEED_LIMIT, type LearnerState } from './learner-state.ts';
import type { CourseLayout, SectionLayout } from './course-layout.ts';
import { decodePlayed, encodePlayed } from './film-bits.ts';

/** Seconds spent beyond this (about 31 years) are saved as this, so the worst case has a bound. */
export const MAX_SECONDS_SPENT = 999_999_999;

export interface SectionPayload {
  /** Completed screens, bit i = screen i of the section. */
  d?: number;
  /** Location: screen index (only in the section the learner is in). */
  l?: number;
  /** Seconds spent in the course (kept with the location). */
  e?: number;
  /** Scenario paths: [scenario index, step, choice, step, choice, …]. */
  p?: number[][];
  /** Questions: [question index, chosen options as a bitmask or -1 for none, attempts]. */
  q?: number[][];
  /** Confidence ratings before / after, by item, 0 = not rated; trailing zeros dropped. */
  cb?: number[];
  ca?: number[];
  /** Film: [position in whole seconds, played-seconds bitmap]. */
  f?: [number, string];
  /** The learner's seed (in the section of the first knowledge check). */
  s?: number;
  /** The attempt under way at each knowledge check of the section, in order; left out when every one is on its first. */
  k?: number[];
}

export function encodeSection(state: LearnerState, course: CourseLayout, section: SectionLayout): SectionPayload | null {
  const payload: SectionPayload = {};
  const done = new Set(state.completedScreens);
  let mask = 0;
  section.screenIds.forEach((id, i) => {
    if (done.has(id)) mask += 2 ** i;
  });
  if (mask > 0) payload.d = mask;

  const here = course.screens.get(state.location);
  if (here && here[0] === section.index) {
    payload.l = here[1];
    const seconds = Math.min(MAX_SECONDS_SPENT, Math.round(state.secondsSpent));
    if (Number.isFinite(seconds) && seconds > 0) payload.e = seconds;
  }

  const paths = section.scenarios.flatMap((scenario, index) => {
    const pairs = state.scenarioPaths[scenario.screenId] ?? [];
    const flat: number[] = [];
    for (const [stepId, choiceId] of pairs) {
      const step = scenario.stepIds.indexOf(stepId);
      const choice = step < 0 ? -1 : (scenario.choiceIds[step] ?? []).indexOf(choiceId);
      if (choice >= 0) flat.push(step, choice);
    }
    const kept = flat.slice(-2 * scenario.maxPathPairs);
    return kept.length > 0 ? [[index, ...kept]] : [];
  });
  if (paths.length > 0) payload.p = paths;

  // A check's bank has only one attempt's questions answered at once (the player keeps to that); the saved form
  // keeps to it too, so the worst case holds whatever the state says.
  const answeredInCheck = new Map<string, number>();
  const questions = section.questions.flatMap((question, index) => {
    if (question.checkId !== null && (state.attempts[question.id] ?? 0) > 0) {
      const perAttempt = section.checks.find((c) => c.screenId === question.checkId)?.perAttempt ?? 0;
      const count = answeredInCheck.get(question.checkId) ?? 0;
      if (count >= perAttempt) return [];
      answeredInCheck.set(question.checkId, count + 1);
    }
    const chosen = state.answers[question.id];
    let options = -1;
    if (chosen) {
      options = 0;
      for (const id of new Set(chosen)) {
        const at = question.optionIds.indexOf(id);
        if (at >= 0) options += 2 ** at;
      }
    }
    const attempts = Math.max(0, Math.round(state.attempts[question.id] ?? 0));
    return options >= 0 || attempts > 0 ? [[index, options, attempts]] : [];
  });
  if (questions.length > 0) payload.q = questions;

  for (const phase of section.confidencePhases) {
    const ratings = course.confidenceItemIds.map((id) => {
      const rating = state.confidence[phase][id];
      return rating !== undefined && Number.isInteger(rating) && rating >= 1 && rating <= course.confidenceScalePoints ? rating : 0;
    });
    while (ratings.length > 0 && ratings[ratings.length - 1] === 0) ratings.pop();
    if (ratings.length > 0) payload[phase === 'before' ? 'cb' : 'ca'] = ratings;
  }

  if (section.ownsSeed && Number.isInteger(state.seed) && state.seed >= 0 && state.seed < SEED_LIMIT) payload.s = state.seed;
  const attempts = section.checks.map((check) => clampAttempt(state.checkAttempts[check.screenId], check.attempts));
  if (attempts.some((n) => n > 1)) payload.k = attempts;

  if (section.ownsFilm) {
    const position = Math.min(course.filmSeconds, Math.max(0, Math.round(state.film.position) || 0));
    const played = encodePlayed(state.film.played, course.filmSeconds);
    if (position > 0 || played.length > 0) payload.f = [position, played];
  }

  return Object.keys(payload).length > 0 ? payload : null;
}

function clampAttempt(value: number | undefined, most: number): number {
  return Number.isInteger(value) ? Math.min(Math.max(1, value as number), Math.max(1, most)) : 1;
}

/** Adds the payload's content to `into`; false (and `into` untouched) when any part does not fit the layout. */
export function decodeSection(raw: unknown, course: CourseLayout, section: SectionLayout, into: LearnerState): boolean {
  const decoded = readSection(raw, course, section);
  if (!decoded) return false;
  into.completedScreens.push(...decoded.completedScreens);
  Object.assign(into.scenarioPaths, decoded.scenarioPaths);
  Object.assign(into.answers, decoded.answers);
  Object.assign(into.attempts, decoded.attempts);
  Object.assign(into.confidence.before, decoded.confidence.before);
  Object.assign(into.confidence.after, decoded.confidence.after);
  if (decoded.film) into.film = decoded.film;
  if (decoded.seed !== null) into.seed = decoded.seed;
  Object.assign(into.checkAttempts, decoded.checkAttempts);
  if (decoded.location !== null) {
    into.location = decoded.location;
    into.secondsSpent = decoded.secondsSpent;
  }
  return true;
}

interface DecodedSection {
  completedScreens: string[];
  location: string | null;
  secondsSpent: number;
  scenarioPaths: LearnerState['scenarioPaths'];
  answers: LearnerState['answers'];
  attempts: LearnerState['attempts'];
  confidence: LearnerState['confidence'];
  film: LearnerState['film'] | null;
  seed: number | null;
  checkAttempts: LearnerState['checkAttempts'];
}

const KNOWN_KEYS = new Set(['d', 'l', 'e', 'p', 'q', 'cb', 'ca', 'f', 's', 'k']);

function readSection(raw: unknown, course: CourseLayout, section: SectionLayout): DecodedSection | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const payload = raw as Record<string, unknown>;
  if (Object.keys(payload).some((key) => !KNOWN_KEYS.has(key))) return null;
  const out: DecodedSection = {
    completedScreens: [],
    location: null,
    secondsSpent: 0,
    scenarioPaths: {},
    answers: {},
    attempts: {},
    confidence: { before: {}, after: {} },
    film: null,
    seed: null,
    checkAttempts: {},
  };

  if (payload.s !== undefined) {
    if (!section.ownsSeed || !isCount(payload.s) || payload.s >= SEED_LIMIT) return null;
    out.seed = payload.s;
  }
  if (payload.k !== undefined) {
    if (!Array.isArray(payload.k) || payload.k.length !== section.checks.length) return null;
    for (const [i, check] of section.checks.entries()) {
      const attempt: unknown = payload.k[i];
      if (!Number.isInteger(attempt) || (attempt as number) < 1 || (attempt as number) > check.attempts) return null;
      if ((attempt as number) > 1) out.checkAttempts[check.screenId] = attempt as number;
    }
  }

  if (payload.d !== undefined) {
    const bits = bitsOf(payload.d, section.screenIds.length);
    if (!bits) return null;
    out.completedScreens = bits.map((i) => section.screenIds[i] as string);
  }

  if (payload.l !== undefined) {
    if (!isIndex(payload.l, section.screenIds.length)) return null;
    out.location = section.screenIds[payload.l] as string;
    if (payload.e !== undefined && !isCount(payload.e)) return null;
    out.secondsSpent = (payload.e as number | undefined) ?? 0;
  } else if (payload.e !== undefined) {
    return null;
  }

  if (payload.p !== undefined) {
    if (!Array.isArray(payload.p)) return null;
    for (const entry of payload.p) {
      if (!Array.isArray(entry) || entry.length < 3 || entry.length % 2 === 0) return null;
      const scenario = isIndex(entry[0], section.scenarios.length) ? section.scenarios[entry[0]] : undefined;
      if (!scenario || out.scenarioPaths[scenario.screenId]) return null;
      const pairs: [string, string][] = [];
      for (let i = 1; i < entry.length; i += 2) {
        const step = entry[i];
        const choice = entry[i + 1];
        if (!isIndex(step, scenario.stepIds.length)) return null;
        const choices = scenario.choiceIds[step] as string[];
        if (!isIndex(choice, choices.length)) return null;
        pairs.push([scenario.stepIds[step] as string, choices[choice] as string]);
      }
      out.scenarioPaths[scenario.screenId] = pairs;
    }
  }

  if (payload.q !== undefined) {
    if (!Array.isArray(payload.q)) return null;
    for (const entry of payload.q) {
      if (!Array.isArray(entry) || entry.length !== 3) return null;
      const [index, options, attempts] = entry as unknown[];
      const question = isIndex(index, section.questions.length) ? section.questions[index] : undefined;
      if (!question || out.answers[question.id] || out.attempts[question.id] || !isCount(attempts)) return null;
      if (options !== -1) {
        const chosen = bitsOf(options, question.optionIds.length);
        if (!chosen) return null;
        out.answers[question.id] = chosen.map((i) => question.optionIds[i] as string);
      } else if (attempts === 0) {
        return null;
      }
      if (attempts > 0) out.attempts[question.id] = attempts;
    }
  }

  for (const [key, phase] of [['cb', 'before'], ['ca', 'after']] as const) {
    const ratings = payload[key];
    if (ratings === undefined) continue;
    if (!section.confidencePhases.includes(phase) || !Array.isArray(ratings) || ratings.length > course.confidenceItemIds.length) return null;
    for (let i = 0; i < ratings.length; i++) {
      const rating: unknown = ratings[i];
      if (rating === 0) continue;
      if (!isIndex(rating, course.confidenceScalePoints + 1)) return null;
      out.confidence[phase][course.confidenceItemIds[i] as string] = rating;
    }
  }

  if (payload.f !== undefined) {
    const film = payload.f;
    if (!section.ownsFilm || !Array.isArray(film) || film.length !== 2) return null;
    const [position, bitmap] = film as unknown[];
    if (!isCount(position) || position > course.filmSeconds || typeof bitmap !== 'string') return null;
    const played = decodePlayed(bitmap, course.filmSeconds);
    if (!played) return null;
    out.film = { position, played };
  }
  return out;
}

function isIndex(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Set bit positions of a bitmask over `width` bits, or null when it is not one. */
function bitsOf(value: unknown, width: number): number[] | null {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) >= 2 ** width) return null;
  const bits: number[] = [];
  let rest = value as number;
  for (let i = 0; rest > 0; i++) {
    if (rest % 2 === 1) bits.push(i);
    rest = Math.floor(rest / 2);
  }
  return bits;
}
