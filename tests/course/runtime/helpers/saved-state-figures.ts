// What a learner's saved progress depends on, for one course: every section's tags, the encoded form of a few
// representative states, what they decode and resume to, each section restarted, a messy state cleaned up, and a
// version-0 state read. tests/fixtures/saved-state/pinned.json holds these figures as the code made them before screen
// types moved into course/screen-types/ (issue 14.3); a change to any of them means saved progress no longer restores.
import LZString from 'lz-string';
import type { Course, Screen } from '../../../../course/model/types.ts';
import { decodeState, encodeState } from '../../../../course/runtime/state/codec.ts';
import { layoutOf } from '../../../../course/runtime/state/course-layout.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { worstCaseStateLength } from '../../../../course/runtime/state/worst-case.ts';
import { drawQuestions } from '../../../../course/player/logic/knowledge-draw.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { restartSection, resumeFrom } from '../../../../course/player/state/resume.ts';
import { sanitizeState } from '../../../../course/player/state/sanitize.ts';

const SEED = 987_654_321;

export interface SavedStateFigures {
  sections: { id: string; idTag: string; structureTag: string }[];
  promptTags: string[];
  worstCaseLength: number;
  encoded: Record<string, string>;
  decoded: Record<string, unknown>;
  resumed: Record<string, unknown>;
  restarted: Record<string, LearnerState>;
  sanitized: LearnerState;
  legacy: unknown;
}

export function savedStateFigures(course: Course): SavedStateFigures {
  const layout = layoutOf(course);
  const states = representativeStates(course);
  const encoded = Object.fromEntries(Object.entries(states).map(([name, state]) => [name, encodeState(state, course)]));
  const decoded = Object.fromEntries(Object.entries(encoded).map(([name, text]) => [name, decodeState(text, course)]));
  const map = mapCourse(course);
  const resumed = Object.fromEntries(
    Object.entries(encoded).map(([name, text]) => [name, resumeFrom(course, map, decodeState(text, course), () => 4242)]),
  );
  const everything = states.everything as LearnerState;
  return {
    sections: layout.sections.map(({ id, idTag, structureTag }) => ({ id, idTag, structureTag })),
    promptTags: layout.prompts.map((p) => p.idTag),
    worstCaseLength: worstCaseStateLength(course),
    encoded,
    decoded,
    resumed,
    restarted: Object.fromEntries(course.sections.map((section) => [section.id, restartSection(course, everything, section.id)])),
    sanitized: sanitizeState(course, map, messyState(course, everything)),
    legacy: decodeState(LZString.compressToBase64(JSON.stringify(legacyState(course))), course),
  };
}

function screensOf<T extends Screen['type']>(course: Course, type: T): Extract<Screen, { type: T }>[] {
  return course.sections.flatMap((s) => s.screens).filter((s): s is Extract<Screen, { type: T }> => s.type === type);
}

function ids(course: Course): string[] {
  return course.sections.flatMap((s) => s.screens.map((screen) => screen.id));
}

/** The screens before the first of this type, as done, and that one as the location. */
function upTo(course: Course, screenId: string): Pick<LearnerState, 'location' | 'completedScreens'> {
  const all = ids(course);
  return { location: screenId, completedScreens: all.slice(0, all.indexOf(screenId)) };
}

function representativeStates(course: Course): Record<string, LearnerState> {
  const empty = (): LearnerState => ({ ...emptyLearnerState(ids(course)[0] as string), seed: SEED });
  const scenario = screensOf(course, 'scenario')[0];
  const check = screensOf(course, 'knowledge-check')[0];
  const film = screensOf(course, 'film')[0];
  const confidence = screensOf(course, 'confidence');
  const reflection = screensOf(course, 'reflection')[0];
  if (!scenario || !check || !film || confidence.length === 0 || !reflection) throw new Error('the course lacks a screen type the figures need');

  const step = scenario.steps.find((s) => s.id === scenario.start);
  const choice = step?.choices[1] ?? step?.choices[0];
  const next = choice?.next ? scenario.steps.find((s) => s.id === choice.next) : undefined;
  const path: [string, string][] = [];
  if (step && choice) path.push([step.id, choice.id]);
  if (next?.choices[0]) path.push([next.id, next.choices[0].id]);

  const second = drawQuestions(check, SEED, 2);
  const secondAnswers = Object.fromEntries(second.slice(0, 2).map((q) => [q.id, [q.options[0]?.id as string]]));

  const half = Math.floor(course.film.durationSeconds / 2);
  const cue = course.film.cuePoints[0];

  const ratings = (rating: number): Record<string, number> => Object.fromEntries(course.confidence.items.map((item, i) => [item.id, ((i + rating) % course.confidence.scaleLabels.length) + 1]));

  const reflections = Object.fromEntries(reflection.prompts.map((prompt, i) => [prompt.id, `Reflection ${i + 1}: I will ask the person’s name first, and say how long the wait is.`]));

  const midScenario: LearnerState = { ...empty(), ...upTo(course, scenario.id), scenarioPaths: { [scenario.id]: path }, secondsSpent: 640 };
  const midCheck: LearnerState = {
    ...empty(),
    ...upTo(course, check.id),
    checkAttempts: { [check.id]: Math.min(2, check.attempts) },
    answers: secondAnswers,
    attempts: Object.fromEntries(Object.keys(secondAnswers).map((id) => [id, 1])),
    secondsSpent: 1500,
  };
  const filmHalf: LearnerState = {
    ...empty(),
    ...upTo(course, film.id),
    film: { position: half, played: [[0, half]] },
    answers: cue ? { [cue.question.id]: [cue.question.options[0]?.id as string] } : {},
    attempts: cue ? { [cue.question.id]: 2 } : {},
    secondsSpent: 300,
  };
  const bothConfidence: LearnerState = {
    ...empty(),
    ...upTo(course, (confidence[confidence.length - 1] as Screen).id),
    confidence: { before: ratings(1), after: ratings(3) },
    secondsSpent: 2400,
  };
  const withReflections: LearnerState = { ...empty(), ...upTo(course, reflection.id), reflections, secondsSpent: 2000 };
  const everything: LearnerState = {
    ...midCheck,
    location: reflection.id,
    completedScreens: ids(course).filter((id) => id !== reflection.id),
    scenarioPaths: midScenario.scenarioPaths,
    answers: { ...midCheck.answers, ...filmHalf.answers },
    attempts: { ...midCheck.attempts, ...filmHalf.attempts },
    film: filmHalf.film,
    confidence: bothConfidence.confidence,
    reflections,
  };
  return { midScenario, midCheck, filmHalf, bothConfidence, withReflections, everything, empty: empty() };
}

/** The full state with what a damaged or foreign state may hold: unknown ids, out-of-range values, duplicates. */
function messyState(course: Course, everything: LearnerState): LearnerState {
  const [stepId, choiceId] = Object.values(everything.scenarioPaths)[0]?.[0] ?? ['', ''];
  const scenarioId = Object.keys(everything.scenarioPaths)[0] as string;
  const prompt = screensOf(course, 'reflection')[0]?.prompts[0];
  const check = screensOf(course, 'knowledge-check')[0];
  const notDrawn = check?.questions.find((q) => !(q.id in everything.answers));
  return {
    ...everything,
    location: 'no-such-screen',
    completedScreens: [...everything.completedScreens, everything.completedScreens[0] as string, 'gone'],
    scenarioPaths: { ...everything.scenarioPaths, [scenarioId]: [[stepId, choiceId], [stepId, 'nonsense'], [stepId, choiceId]], 'no-such-scenario': [['a', 'b']] },
    answers: { ...everything.answers, ...(notDrawn ? { [notDrawn.id]: [notDrawn.options[0]?.id as string] } : {}), 'no-such-question': ['x'] },
    attempts: Object.fromEntries(Object.entries(everything.attempts).map(([id, n]) => [id, n + 40])),
    reflections: { ...everything.reflections, ...(prompt ? { [prompt.id]: `  ${'Too long. '.repeat(400)}` } : {}), 'no-such-prompt': 'text' },
    confidence: { before: { ...everything.confidence.before, 'no-such-item': 3 }, after: Object.fromEntries(Object.keys(everything.confidence.after).map((id) => [id, 99])) },
    film: { position: course.film.durationSeconds * 3, played: [[5, 2.5], [10.4, 20.6], [-4, 3], [Number.NaN, 4]] as [number, number][] },
    secondsSpent: 123.9,
    seed: SEED,
    checkAttempts: check ? { [check.id]: 99, 'no-such-check': 2 } : {},
  };
}

/** A version-0 state (the prototype's format) for this course. */
function legacyState(course: Course): unknown {
  const scenario = screensOf(course, 'scenario')[0];
  const question = screensOf(course, 'knowledge-check')[0]?.questions[0];
  const prompt = screensOf(course, 'reflection')[0]?.prompts[0];
  const item = course.confidence.items[0];
  const step = scenario?.steps.find((s) => s.id === scenario.start);
  return {
    v: 0,
    at: scenario?.id,
    done: [ids(course)[0], 'a-screen-that-was-removed'],
    paths: scenario && step ? { [scenario.id]: `${step.id}:${step.choices[0]?.id}` } : {},
    answers: question ? { [question.id]: question.options[0]?.id, 'old-question': 'x' } : {},
    tries: question ? { [question.id]: 2 } : {},
    notes: prompt ? { [prompt.id]: 'What I wrote in the prototype.' } : {},
    conf: item ? { b: { [item.id]: 3 }, a: { [item.id]: 5 } } : {},
    film: { pos: 30, seen: '0-30,40-45' },
    time: 600,
  };
}
