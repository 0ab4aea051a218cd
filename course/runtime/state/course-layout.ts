// The course as the state codec sees it: every id the learner state can mention, mapped to a small index inside its
// section, and a structural tag per section. A section's tag changes whenever an edit would make its saved indices
// point at something else, so a state saved under an older course restores only the sections that did not change.
import type { Course, Question, ScenarioScreen, Section } from '../../model/types.ts';
import { tag4 } from './hash.ts';

export interface ScenarioLayout {
  screenIndex: number;
  screenId: string;
  stepIds: string[];
  /** Choice ids of each step, in step order. */
  choiceIds: string[][];
  /** Most [step, choice] pairs a saved path keeps (a longer path keeps its latest pairs). */
  maxPathPairs: number;
}

export interface QuestionLayout {
  id: string;
  optionIds: string[];
  /** The knowledge-check screen whose bank holds it; null for a film question. */
  checkId: string | null;
}

export interface CheckLayout {
  screenId: string;
  /** Attempts the check allows. */
  attempts: number;
  /** Questions one attempt draws: no more of its bank's questions are ever answered at once. */
  perAttempt: number;
}

export interface SectionLayout {
  id: string;
  index: number;
  /** Tag of the section id: finds the section again when others are added, removed or moved. */
  idTag: string;
  /** Tag of what the saved indices refer to. */
  structureTag: string;
  screenIds: string[];
  scenarios: ScenarioLayout[];
  /** Knowledge-check questions, then (in the film's section) the film's cue point questions. */
  questions: QuestionLayout[];
  /** Knowledge-check screens of this section. */
  checks: CheckLayout[];
  /** Whether the learner's seed is kept with this section (the first knowledge check's section). */
  ownsSeed: boolean;
  /** Confidence phases whose ratings this section keeps (the first confidence screen of each phase). */
  confidencePhases: ('before' | 'after')[];
  /** Whether the film's position and played seconds are kept with this section (the first film screen's section). */
  ownsFilm: boolean;
}

export interface PromptLayout {
  id: string;
  idTag: string;
  maxLength: number;
  sectionId: string;
}

export interface CourseLayout {
  sections: SectionLayout[];
  prompts: PromptLayout[];
  /** Screen id → [section index, screen index within the section]. */
  screens: Map<string, [number, number]>;
  /** Question id → [section index, question index within the section]. */
  questions: Map<string, [number, number]>;
  /** Scenario screen id → [section index, scenario index within the section]. */
  scenarios: Map<string, [number, number]>;
  confidenceOwner: { before: number | null; after: number | null };
  filmOwner: number | null;
  seedOwner: number | null;
  /** Seconds the played-seconds bitmap covers. */
  filmSeconds: number;
  confidenceItemIds: string[];
  confidenceScalePoints: number;
  firstScreenId: string;
}

/** Completed screens are kept as a bitmask in a JSON number, exact up to 2^53. */
export const MAX_SCREENS_PER_SECTION = 52;
/** Chosen options are kept the same way. */
export const MAX_OPTIONS_PER_QUESTION = 52;

const layouts = new WeakMap<Course, CourseLayout>();

export function layoutOf(course: Course): CourseLayout {
  let layout = layouts.get(course);
  if (!layout) {
    layout = buildLayout(course);
    layouts.set(course, layout);
  }
  return layout;
}

function buildLayout(course: Course): CourseLayout {
  const screens = new Map<string, [number, number]>();
  const questions = new Map<string, [number, number]>();
  const scenarios = new Map<string, [number, number]>();
  const confidenceOwner: CourseLayout['confidenceOwner'] = { before: null, after: null };
  let filmOwner: number | null = null;
  let seedOwner: number | null = null;
  const prompts: PromptLayout[] = [];

  const sections = course.sections.map((section, sectionIndex): SectionLayout => {
    if (section.screens.length > MAX_SCREENS_PER_SECTION) {
      throw new Error(`section "${section.id}" has ${section.screens.length} screens; the saved state allows ${MAX_SCREENS_PER_SECTION}`);
    }
    const layout: SectionLayout = {
      id: section.id,
      index: sectionIndex,
      idTag: tag4(`section:${section.id}`),
      structureTag: '',
      screenIds: [],
      scenarios: [],
      questions: [],
      checks: [],
      ownsSeed: false,
      confidencePhases: [],
      ownsFilm: false,
    };
    section.screens.forEach((screen, screenIndex) => {
      unique(screens, screen.id, [sectionIndex, screenIndex], 'screen');
      layout.screenIds.push(screen.id);
      if (screen.type === 'scenario') {
        unique(scenarios, screen.id, [sectionIndex, layout.scenarios.length], 'scenario');
        layout.scenarios.push(scenarioLayout(screen, screenIndex));
      } else if (screen.type === 'knowledge-check') {
        for (const question of screen.questions) addQuestion(layout, questions, question, sectionIndex, screen.id);
        layout.checks.push({ screenId: screen.id, attempts: screen.attempts, perAttempt: Math.min(screen.questionsPerAttempt, screen.questions.length) });
        if (seedOwner === null) {
          seedOwner = sectionIndex;
          layout.ownsSeed = true;
        }
      } else if (screen.type === 'film' && filmOwner === null) {
        filmOwner = sectionIndex;
        layout.ownsFilm = true;
      } else if (screen.type === 'confidence' && confidenceOwner[screen.phase] === null) {
        confidenceOwner[screen.phase] = sectionIndex;
        layout.confidencePhases.push(screen.phase);
      } else if (screen.type === 'reflection') {
        for (const prompt of screen.prompts) {
          prompts.push({ id: prompt.id, idTag: tag4(`prompt:${prompt.id}`), maxLength: prompt.maxLength, sectionId: section.id });
        }
      }
    });
    // Cue point questions are asked on the film screen, so they are kept (and restarted) with the film's section.
    if (layout.ownsFilm) for (const cue of course.film.cuePoints) addQuestion(layout, questions, cue.question, sectionIndex, null);
    layout.structureTag = tag4(JSON.stringify(structureOf(course, section, layout)));
    return layout;
  });

  assertDistinct(sections.map((s) => [s.idTag, s.id]), 'section ids');
  assertDistinct(prompts.map((p) => [p.idTag, p.id]), 'reflection prompt ids');
  const firstScreenId = course.sections[0]?.screens[0]?.id;
  if (firstScreenId === undefined) throw new Error('the course has no screens');

  return {
    sections,
    prompts,
    screens,
    questions,
    scenarios,
    confidenceOwner,
    filmOwner,
    seedOwner,
    filmSeconds: Math.max(0, Math.ceil(course.film.durationSeconds)),
    confidenceItemIds: course.confidence.items.map((item) => item.id),
    confidenceScalePoints: course.confidence.scaleLabels.length,
    firstScreenId,
  };
}

function scenarioLayout(screen: ScenarioScreen, screenIndex: number): ScenarioLayout {
  const stepIds = screen.steps.map((step) => step.id);
  return {
    screenIndex,
    screenId: screen.id,
    stepIds,
    choiceIds: screen.steps.map((step) => step.choices.map((choice) => choice.id)),
    maxPathPairs: longestPath(screen) ?? stepIds.length * 2,
  };
}

/** Steps on the longest walk from the start, or null when the steps loop (then a path is capped instead). */
export function longestPath(screen: ScenarioScreen): number | null {
  const byId = new Map(screen.steps.map((step) => [step.id, step]));
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  let loops = false;
  const walk = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const step = byId.get(id);
    if (!step) return 0;
    if (visiting.has(id)) {
      loops = true;
      return 0;
    }
    visiting.add(id);
    let longest = 0;
    for (const choice of step.choices) if (choice.next !== null) longest = Math.max(longest, walk(choice.next));
    visiting.delete(id);
    memo.set(id, 1 + longest);
    return 1 + longest;
  };
  const length = walk(screen.start);
  return loops ? null : length;
}

function addQuestion(layout: SectionLayout, index: Map<string, [number, number]>, question: Question, sectionIndex: number, checkId: string | null): void {
  if (question.options.length > MAX_OPTIONS_PER_QUESTION) {
    throw new Error(`question "${question.id}" has ${question.options.length} options; the saved state allows ${MAX_OPTIONS_PER_QUESTION}`);
  }
  unique(index, question.id, [sectionIndex, layout.questions.length], 'question');
  layout.questions.push({ id: question.id, optionIds: question.options.map((option) => option.id), checkId });
}

/** Everything a saved index of this section points into; reflection prompts are keyed by their own ids instead. */
function structureOf(course: Course, section: Section, layout: SectionLayout): unknown[] {
  const structure: unknown[] = [
    section.id,
    section.screens.map((screen) => [screen.id, screen.type]),
    layout.scenarios.map((s) => [s.stepIds, s.choiceIds]),
    layout.questions.map((q) => [q.id, q.optionIds]),
    layout.confidencePhases.length > 0 ? [layout.confidencePhases, course.confidence.items.map((i) => i.id), course.confidence.scaleLabels.length] : 0,
    layout.ownsFilm ? [course.film.id, Math.ceil(course.film.durationSeconds)] : 0,
  ];
  // What a check draws depends on its settings and on which outcome each question assesses. Added only where there
  // is a check, so every other section keeps the tag it had before checks drew from a bank (its saved progress
  // still restores after the update).
  if (layout.checks.length > 0) structure.push([layout.checks.map((c) => [c.screenId, c.attempts, c.perAttempt]), checkOutcomes(section)]);
  return structure;
}

function checkOutcomes(section: Section): (string | null)[][] {
  return section.screens.flatMap((screen) => (screen.type === 'knowledge-check' ? [screen.questions.map((q) => q.outcome ?? null)] : []));
}

function unique<V>(map: Map<string, V>, id: string, value: V, what: string): void {
  if (map.has(id)) throw new Error(`the course uses the ${what} id "${id}" twice; saved progress could not tell them apart`);
  map.set(id, value);
}

function assertDistinct(pairs: [string, string][], what: string): void {
  const seen = new Map<string, string>();
  for (const [tag, id] of pairs) {
    const other = seen.get(tag);
    if (other !== undefined && other !== id) {
      throw new Error(`${what} "${other}" and "${id}" share a saved-state tag; rename one of them`);
    }
    if (other === id) throw new Error(`the course uses the ${what.replace(/s$/, '')} "${id}" twice`);
    seen.set(tag, id);
  }
}
