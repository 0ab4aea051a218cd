// The course as data: the shapes that course/content/course.json, the variant files and the runtime config take. The
// JSON Schemas in course/schema/ are their one declaration: `npm run generate-types` writes course/schema/course.types.ts
// and variant.types.ts from them (a test fails while those are stale). This file re-exports them under the names the
// code uses, and adds what is not a schema's: names for parts of a type, and the runtime config the build writes.
import type { Course } from '../schema/course.types.ts';
import type { Variant } from '../schema/variant.types.ts';

export type {
  Course, CompletionRules, CourseLimits, Film, TextTrack, FilmCuePoint, ConfidenceScale, Section, Screen, PrivacyNote,
  WelcomeScreen, FilmScreen, ScenarioScreen, ScenarioStep, ScenarioChoice, KnowledgeCheckScreen, Question, QuestionOption,
  ReflectionScreen, ReflectionPrompt, ConfidenceScreen, SummaryScreen, LearningOutcome, Source, GlossaryEntry,
  NationalSupport, SessionPlan, SupervisionGuide, VoicesScreen, Voice,
} from '../schema/course.types.ts';
export { SCREEN_TYPES } from '../schema/course.types.ts';
export type { Variant, SupportContact, AccessibilityContact } from '../schema/variant.types.ts';
export { STANDARD_IDS, LMS_PROFILE_IDS } from '../schema/variant.types.ts';

/** A tracking standard that the build can package for. */
export type StandardId = Variant['standards'][number];

/** LMS quirk profiles (course/runtime/lms-profiles.ts holds their settings). */
export type LmsProfileId = NonNullable<Variant['lmsProfile']>;

/** A file inside the course folder (course/content/), as a path relative to it with forward slashes ("media/film/film.mp4"). */
export type CoursePath = string;

/** A confidence statement rated on the course's scale. */
export type ConfidenceItem = Course['confidence']['items'][number];

/** The trust's logo and colours (a variant's "branding"). */
export type VariantBranding = NonNullable<Variant['branding']>;

export type SupportContactRole = NonNullable<Variant['contacts']>[number]['role'];

/** What each package carries beside the player build, as config.js: window.COMMON_GROUND = RuntimeConfig. */
export interface RuntimeConfig {
  standard: StandardId;
  /** Build identity, for support and for the state codec. */
  build: { courseVersion: string; variant: string };
  variant: Omit<Variant, '$schema' | 'standards'>;
  /** The course, with the variant's overrides applied: in a package, its shell (build/course-parts.ts). */
  course: Course;
  /** Where the rest of the course is, when `course` is a shell; absent when it is whole (tests, older builds). */
  parts?: CourseParts;
}

/** The files that complete a course shell, paths relative to index.html. */
export interface CourseParts {
  /** Per section, in course order: the file that completes it, or null when the shell holds it whole. */
  sections: (string | null)[];
  /** The file that completes the film, the confidence items, the glossary, the sources and the supervision guide. */
  resources: string;
  /**
   * The course's structure without its text (scenario steps, question banks, prompts, the film's questions, the
   * confidence items): merged into the shell before any other part.
   */
  structure: string;
}
