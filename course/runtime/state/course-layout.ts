// The course as the state codec sees it: every id the learner state can mention, mapped to a small index inside its
// section, and a structural tag per section. A section's tag changes whenever an edit would make its saved indices
// point at something else, so a state saved under an older course restores only the sections that did not change.
// What each screen type keeps, and its part of the tag, is the type's saved tier (course/screen-types/saved.ts).
import type { Course, Section } from '../../model/types.ts';
import type { ScreenType } from '../../screen-types/screen-type.ts';
import type { ScreenTypeSaved } from '../../screen-types/screen-type-saved.ts';
import { screenTypesSaved, STRUCTURE_ORDER } from '../../screen-types/saved.ts';
import { tag4 } from './hash.ts';

export interface ScenarioLayout {
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

/** What a screen type's saved tier (course/screen-types/) is handed while a section is laid out. */
export interface LayingOut {
  course: Course;
  section: Section;
  /** The section's layout so far: the tier adds its screens' places to it. */
  layout: SectionLayout;
  /** The course's reflection prompts so far. */
  prompts: PromptLayout[];
  /** True the first time the course asks for `what`: it is kept once, with the first section that claims it. */
  claim(what: string): boolean;
}

const savedTiers = Object.values(screenTypesSaved) as ScreenTypeSaved<ScreenType>[];

function buildLayout(course: Course): CourseLayout {
  const screens = new Map<string, [number, number]>();
  const questions = new Map<string, [number, number]>();
  const scenarios = new Map<string, [number, number]>();
  const claimed = new Set<string>();
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
      screenIds: section.screens.map((screen) => screen.id),
      scenarios: [],
      questions: [],
      checks: [],
      ownsSeed: false,
      confidencePhases: [],
      ownsFilm: false,
    };
    const at: LayingOut = {
      course,
      section,
      layout,
      prompts,
      claim(what) {
        if (claimed.has(what)) return false;
        claimed.add(what);
        return true;
      },
    };
    section.screens.forEach((screen, screenIndex) => {
      unique(screens, screen.id, [sectionIndex, screenIndex], 'screen');
      // A type an older course version held and this one no longer knows keeps nothing.
      (screenTypesSaved as Partial<Record<string, ScreenTypeSaved<ScreenType>>>)[screen.type]?.lay?.(screen, at);
    });
    for (const saved of savedTiers) saved.closeSection?.(at);
    layout.scenarios.forEach((scenario, i) => unique(scenarios, scenario.screenId, [sectionIndex, i], 'scenario'));
    layout.questions.forEach((question, i) => {
      if (question.optionIds.length > MAX_OPTIONS_PER_QUESTION) {
        throw new Error(`question "${question.id}" has ${question.optionIds.length} options; the saved state allows ${MAX_OPTIONS_PER_QUESTION}`);
      }
      unique(questions, question.id, [sectionIndex, i], 'question');
    });
    layout.structureTag = tag4(JSON.stringify(structureOf(at)));
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
    filmSeconds: Math.max(0, Math.ceil(course.film.durationSeconds)),
    confidenceItemIds: course.confidence.items.map((item) => item.id),
    confidenceScalePoints: course.confidence.scaleLabels.length,
    firstScreenId,
  };
}

/** Everything a saved index of this section points into; reflection prompts are keyed by their own ids instead. */
function structureOf(laid: LayingOut): unknown[] {
  const structure: unknown[] = [laid.section.id, laid.section.screens.map((screen) => [screen.id, screen.type])];
  for (const place of STRUCTURE_ORDER) {
    // The questions are a slot several types share, so their place is filled here.
    const part =
      place === 'questions'
        ? laid.layout.questions.map((q) => [q.id, q.optionIds])
        : (screenTypesSaved[place] as ScreenTypeSaved<ScreenType>).structure?.(laid);
    if (part !== undefined) structure.push(part);
  }
  return structure;
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
