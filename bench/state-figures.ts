// The figures of `npm run bench:state` (state.bench.ts reads the command line, then imports this): how many characters
// the learner's saved state takes (issue 4, item 6), against each standard's suspend_data (or State API document)
// limit and the goal of ≤ 1,000 characters for a typical full run.
// Figures only, no assertions: the build's state budget (build/state-budget.ts) is what refuses a standard that
// cannot hold the worst case, and tests/course/runtime/state/ checks the codec.
//   start        the welcome screen done, nothing else
//   half-way     the film watched, the scenarios done, nothing written yet
//   typical run  every screen done, reflections of about 250 characters each (what staff typically write)
//   long prose   every screen done, every reflection filled with ordinary prose up to its maxLength (or the share
//                the standard's budget allows)
//   worst case   the course's declared limits at their worst (incompressible text in every reflection)
import Table from 'cli-table3';
import type { Course, StandardId } from '../course/model/types.ts';
import { STANDARD_IDS } from '../course/model/types.ts';
import { encodeState } from '../course/runtime/state/codec.ts';
import { fitReflection, planStateBudget, SUSPEND_DATA_LIMITS } from '../course/runtime/state/budget.ts';
import { emptyLearnerState, type LearnerState } from '../course/runtime/state/learner-state.ts';
import { layoutOf } from '../course/runtime/state/course-layout.ts';
import { LONG_PROSE, loadCourse, typicalRun } from '../tests/course/runtime/helpers/course-fixtures.ts';

const TYPICAL_GOAL = 1000;
const course = loadCourse();
const full = typicalRun(course);
const fmt = (n: number) => n.toLocaleString('en-GB');

function start(course: Course): LearnerState {
  const first = course.sections[0]!.screens[0]!;
  return { ...emptyLearnerState(first.id), completedScreens: [first.id], secondsSpent: 60 };
}

function halfWay(course: Course): LearnerState {
  const sectionTypes = new Set(['welcome', 'confidence', 'film', 'scenario']);
  const done = course.sections.flatMap((s) => s.screens).filter((screen) => sectionTypes.has(screen.type) && !(screen.type === 'confidence' && screen.phase === 'after'));
  return {
    ...full,
    location: done.at(-1)!.id,
    completedScreens: done.map((screen) => screen.id),
    answers: Object.fromEntries(course.film.cuePoints.map((cue) => [cue.question.id, full.answers[cue.question.id]!])),
    attempts: Object.fromEntries(course.film.cuePoints.map((cue) => [cue.question.id, 1])),
    reflections: {},
    confidence: { before: full.confidence.before, after: {} },
    secondsSpent: 1200,
  };
}

/** Every reflection as long as the prompt allows, in ordinary prose, trimmed to what this standard's budget keeps. */
function longProse(course: Course, standard: StandardId): LearnerState {
  const reflections: Record<string, string> = {};
  for (const prompt of layoutOf(course).prompts) {
    reflections[prompt.id] = LONG_PROSE.repeat(Math.ceil(prompt.maxLength / LONG_PROSE.length)).slice(0, prompt.maxLength);
    reflections[prompt.id] = fitReflection(course, standard, reflections, prompt.id);
  }
  return { ...full, reflections };
}

const table = new Table({ head: ['standard', 'limit', 'start', 'half-way', 'typical run', 'goal', 'long prose', 'worst case', 'budget'] });
for (const standard of STANDARD_IDS) {
  const limit = SUSPEND_DATA_LIMITS[standard];
  const plan = planStateBudget(course, standard);
  const typical = encodeState(full, course).length;
  table.push([
    standard,
    fmt(limit),
    fmt(encodeState(start(course), course).length),
    fmt(encodeState(halfWay(course), course).length),
    fmt(typical),
    typical <= TYPICAL_GOAL ? `≤ ${fmt(TYPICAL_GOAL)}: met` : `≤ ${fmt(TYPICAL_GOAL)}: MISSED`,
    fmt(encodeState(longProse(course, standard), course).length),
    fmt(plan.worstCase),
    plan.ok ? (plan.reflectionRoom === null ? 'fits whole' : `reflections share ${fmt(plan.reflectionRoom)}`) : 'REFUSED',
  ]);
}

console.log(`Learner state in characters (course ${course.id} ${course.version}; the same codec for every standard).`);
console.log(table.toString());
for (const standard of STANDARD_IDS) {
  const plan = planStateBudget(course, standard);
  console.log(plan.ok ? plan.summary : plan.message);
}

// Encoding speed, for the save on every change: the typical run, many times.
const rounds = 2000;
const began = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) encodeState({ ...full, secondsSpent: full.secondsSpent + i }, course);
const micros = Number(process.hrtime.bigint() - began) / 1000 / rounds;
console.log(`encodeState, typical run: ${micros.toFixed(0)} µs per save (${rounds} saves; the player saves at most every few hundred ms)`);
