// The largest saved state a course can produce, from its declared limits: every screen done, every scenario path at
// its longest, every question answered with every option after the most attempts, every confidence item rated,
// the film's played seconds in a pattern that does not compress, the most seconds spent, and every reflection at its
// maxLength in text that does not compress either. The build compares this with each standard's limit.
import type { Course } from '../../model/types.ts';
import { SEED_LIMIT, type LearnerState } from './learner-state.ts';
import { layoutOf, type CourseLayout, type PromptLayout } from './course-layout.ts';
import { emptyFrameLength } from './envelope.ts';
import { costOf, progressBody, reflectionsBody, VERSION } from './format-v1.ts';
import { MAX_SECONDS_SPENT } from './section-payload.ts';
import { mulberry32 } from './seeded-random.ts';

/**
 * Text that lz-string cannot shrink: CJK ideographs never used before in the stream, each a new 16-bit literal in
 * its dictionary, which is the most any one character can cost (see reflection-text.ts for why nothing typed costs
 * more). Deterministic, so the build and the player compute the same budgets. `skip` starts further along the same
 * sequence, so consecutive reflections share no character either.
 */
export function incompressibleText(length: number, skip = 0): string {
  const first = 0x4e00;
  const count = 0x9fff - first + 1;
  let out = '';
  // A fixed stride coprime to the block size visits every ideograph once before repeating, in a scattered order.
  for (let i = skip; out.length < length; i++) out += String.fromCharCode(first + ((i * 7919) % count));
  return out;
}

/** Worst-case texts for the prompts at the given lengths, all characters distinct across them. */
export function incompressibleReflections(prompts: readonly PromptLayout[], lengths: readonly number[]): [PromptLayout, string][] {
  let skip = 0;
  return prompts.map((prompt, i) => {
    const length = lengths[i] ?? 0;
    const text = incompressibleText(length, skip);
    skip += length;
    return [prompt, text];
  });
}

export function worstCaseState(course: Course): LearnerState {
  const layout = layoutOf(course);
  const random = mulberry32(7);
  const state: LearnerState = {
    location: layout.firstScreenId,
    completedScreens: [...layout.screens.keys()],
    scenarioPaths: {},
    answers: {},
    attempts: {},
    reflections: {},
    confidence: { before: {}, after: {} },
    film: { position: layout.filmSeconds, played: randomSeconds(layout.filmSeconds, random) },
    secondsSpent: MAX_SECONDS_SPENT,
    seed: SEED_LIMIT - 1,
    checkAttempts: {},
  };
  for (const section of layout.sections) {
    for (const scenario of section.scenarios) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < scenario.maxPathPairs; i++) {
        const step = Math.floor(random() * scenario.stepIds.length);
        const choices = scenario.choiceIds[step] ?? [];
        pairs.push([scenario.stepIds[step] as string, choices[Math.floor(random() * choices.length)] as string]);
      }
      state.scenarioPaths[scenario.screenId] = pairs;
    }
    // A check's bank has one attempt's questions answered at once: the costliest are those with the most options and
    // the highest indices.
    const answered = new Map<string, number>();
    const costliestFirst = section.questions
      .map((question, index) => ({ question, index }))
      .sort((a, b) => b.question.optionIds.length - a.question.optionIds.length || b.index - a.index)
      .map(({ question }) => question);
    for (const question of costliestFirst) {
      if (question.checkId !== null) {
        const count = answered.get(question.checkId) ?? 0;
        if (count >= (section.checks.find((c) => c.screenId === question.checkId)?.perAttempt ?? 0)) continue;
        answered.set(question.checkId, count + 1);
      }
      state.answers[question.id] = [...question.optionIds];
      state.attempts[question.id] = Math.max(1, course.limits.maxAttemptsPerQuestion);
    }
    for (const check of section.checks) state.checkAttempts[check.screenId] = Math.max(1, check.attempts);
  }
  for (const id of layout.confidenceItemIds) {
    state.confidence.before[id] = layout.confidenceScalePoints;
    state.confidence.after[id] = layout.confidenceScalePoints;
  }
  for (const [prompt, text] of incompressibleReflections(layout.prompts, layout.prompts.map((p) => p.maxLength))) {
    state.reflections[prompt.id] = text;
  }
  return state;
}

export interface WorstCaseBreakdown {
  /** The frame and the progress chunk, with the location kept in whichever section costs most. */
  progress: number;
  /** The reflections chunk with every prompt full. */
  reflections: number;
  total: number;
}

export function worstCaseBreakdown(course: Course): WorstCaseBreakdown {
  const layout = layoutOf(course);
  const state = worstCaseState(course);
  const progress = emptyFrameLength(VERSION) + worstProgressCost(state, layout);
  const reflections = costOf(reflectionsBody(layout.prompts.map((p) => [p, state.reflections[p.id] ?? ''])));
  return { progress, reflections, total: progress + reflections };
}

/** Worst-case encoded length from the course's declared limits (see the top of this file). */
export function worstCaseStateLength(course: Course): number {
  return worstCaseBreakdown(course).total;
}

/** The location (with the seconds spent) is kept in one section's entry: try each section's last screen. */
function worstProgressCost(state: LearnerState, layout: CourseLayout): number {
  let worst = costOf(progressBody({ ...state, location: '' }, layout));
  for (const section of layout.sections) {
    const location = section.screenIds[section.screenIds.length - 1] as string;
    worst = Math.max(worst, costOf(progressBody({ ...state, location }, layout)));
  }
  return worst;
}

/** Played seconds at random: as many short, separate ranges as chance gives, already merged where they touch. */
function randomSeconds(seconds: number, random: () => number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let s = 0; s < seconds; s++) {
    if (random() >= 0.5) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === s) last[1] = s + 1;
    else ranges.push([s, s + 1]);
  }
  return ranges;
}
