// What a screen type's build tier (course/screen-types/<type>/build.ts) may hold: its piece of the course schema and
// the Node-only checks of its data. The generic checkers (build/course/cross-check.ts, build/course/content/) walk the
// registry (build.ts) and ask each type for its part, so none of them names a type. Every hook is optional: a type
// with nothing to check leaves it out, and its module says so. Node only: nothing the browser loads imports this tier.
import type { Course, Question } from '../model/types.ts';
import type { CourseProblem } from '../../build/course/problems.ts';
import type { IdEntry } from '../../build/course/duplicate-ids.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';

/** A problem in the course file; the checker adds the file's name. */
export type Problem = Omit<CourseProblem, 'file'>;

/** A screen of one type and its JSON pointer in the course ("/sections/2/screens/0"). */
export interface PlacedScreen<T extends ScreenType> {
  screen: ScreenOf<T>;
  pointer: string;
}

/** A question of the shared shape (film cue points, knowledge checks), which cross-check.ts checks alike. */
export interface PlacedQuestion {
  question: Question;
  pointer: string;
}

/** One item whose options must not give the good one away (answer-position.ts). */
export interface AnswerItem {
  pointer: string;
  /** Text of every option, in course order. */
  texts: string[];
  /** Which options are the helpful or right ones. */
  good: boolean[];
}

/** The type's items for the answer-position rule, counted together under a name ("scenario steps"). */
export interface AnswerKind<T extends ScreenType> {
  name: string;
  /** What the good option is called ("helpful choice", "right answer"). */
  option: string;
  items(course: Course, screens: readonly PlacedScreen<T>[]): AnswerItem[];
}

/** What the type adds to the course's time estimate (duration-estimate.ts), beyond each screen's title and body. */
export interface TimeParts {
  words: number;
  decisions: number;
  reflections: number;
}

/** Handed to a type's outcome hook: the outcomes that exist, and the tally its references go into. */
export interface OutcomeReferences {
  known: ReadonlySet<string>;
  /** The outcomes' ids as a message lists them ('"o-a", "o-b"'). */
  listed: string;
  /** Counts a reference to an outcome for this type, or returns the problem of naming one that does not exist. */
  refer(id: string, pointer: string): Problem[];
}

export interface ScreenTypeBuild<T extends ScreenType> {
  /** Its piece of the course schema (schema.json beside the module), joined in by `npm run generate-types`. */
  schema: URL;

  /** Ids the type declares outside its screens (the course's film, its confidence items), before any section's. */
  courseIds?(course: Course): IdEntry[];
  /** Ids declared inside one of its screens, listed straight after the screen's own id. */
  screenIds?(screen: ScreenOf<T>, pointer: string): IdEntry[];
  /** The questions it holds, for the shared question checks. */
  questions?(course: Course, screens: readonly PlacedScreen<T>[]): PlacedQuestion[];
  /** Its other cross-checks: what the schema cannot say about its data. */
  crossCheck?(course: Course, screens: readonly PlacedScreen<T>[]): Problem[];

  /** Its items for the rule that answers must not give themselves away. */
  answers?: AnswerKind<T>;
  /** Its references to learning outcomes outside its screens (through `outcomes.refer`), before any screen's. */
  courseOutcomes?(course: Course, outcomes: OutcomeReferences): Problem[];
  /** One screen's references to learning outcomes (through `outcomes.refer`) and its own outcome rules. */
  screenOutcomes?(screen: ScreenOf<T>, pointer: string, outcomes: OutcomeReferences): Problem[];
  /** What it adds to the time estimate once for the course, whatever its screens (the film's questions). */
  courseTime?(course: Course): TimeParts;
  /** What one of its screens adds to the time estimate. */
  screenTime?(course: Course, screen: ScreenOf<T>): TimeParts;
  /** Its rules about sources, beyond the generic ones on numbers and citations. */
  sources?(course: Course, screens: readonly PlacedScreen<T>[]): Problem[];
  /** For bench:readability: the part its screens' text is counted under (the type's name when unset). */
  readingPart?: string;
  /** For bench:readability: pointers of texts quoted from real people, which are not ours to simplify. */
  quotedTexts?(screens: readonly PlacedScreen<T>[]): string[];
}
