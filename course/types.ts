// The course as data: the shapes that course/course.json, the variant files and the runtime config take.
// The JSON Schemas in course/schema/ describe the same shapes for ajv; keep the two in step.

/** A tracking standard that the build can package for. */
export type StandardId = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th' | 'xapi' | 'cmi5';

export const STANDARD_IDS: readonly StandardId[] = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th', 'xapi', 'cmi5'];

/** A file inside the course folder, as a path relative to course/ with forward slashes (e.g. "media/film/film.mp4"). */
export type CoursePath = string;

export interface Course {
  $schema?: string;
  /** Slug used in file names and identifiers: lower-case letters, digits and hyphens, starting with a letter. */
  id: string;
  /** Course version (semver). Manifest identifiers are derived from id + major version, so they stay stable across rebuilds. */
  version: string;
  /** Absolute IRI naming the course for xAPI and cmi5 (activity ids are built beneath it). */
  iri: string;
  /** BCP 47 language tag, e.g. "en-GB". */
  language: string;
  title: string;
  description: string;
  /** Time a learner needs, in minutes, shown on the welcome screen. */
  durationMinutes: number;
  /** Organisation credited as the course's author in manifests and on the certificate. */
  publisher: string;
  completion: CompletionRules;
  /** Declared limits: the build computes the worst-case learner state from these. */
  limits: CourseLimits;
  film: Film;
  /** Confidence self-rating items, asked before and after (our own items, not a licensed instrument). */
  confidence: ConfidenceScale;
  /** The course's sections in order; each is one entry of the section menu. */
  sections: Section[];
}

export interface CompletionRules {
  /** Minimum knowledge-check score, as a percentage 0..100, to pass. */
  passMark: number;
  /** Minimum share of the film actually played, percentage 0..100, for the film section to count as done. */
  filmWatchedPercent: number;
  /** Whether the learner may seek past the furthest point they have watched. */
  allowSkipAhead: boolean;
  /** What the course reports as done: every section visited, or that plus a passed knowledge check. */
  rule: 'all-sections' | 'all-sections-and-pass';
}

export interface CourseLimits {
  /** Largest number of characters any reflection answer may hold (each prompt may set a lower maxLength). */
  reflectionMaxLength: number;
  /** Largest number of attempts recorded per knowledge-check question. */
  maxAttemptsPerQuestion: number;
}

export interface Film {
  id: string;
  title: string;
  src: CoursePath;
  /** MIME type of src, e.g. "video/mp4". */
  type: string;
  poster?: CoursePath;
  durationSeconds: number;
  captions: TextTrack[];
  /** WebVTT chapters track. */
  chapters: CoursePath;
  /** WebVTT audio-description text track (kind "descriptions"). */
  descriptions?: CoursePath;
  /** Plain-text or Markdown transcript shown beside the film. */
  transcript: CoursePath;
  /** Questions asked at a timestamp: the film pauses, asks, then continues. */
  cuePoints: FilmCuePoint[];
}

export interface TextTrack {
  src: CoursePath;
  srclang: string;
  label: string;
  default?: boolean;
}

export interface FilmCuePoint {
  id: string;
  /** Seconds from the start of the film. */
  at: number;
  question: Question;
}

export interface ConfidenceScale {
  /** Labels for the points of the scale, lowest first (e.g. five labels for a 1..5 scale). */
  scaleLabels: string[];
  items: { id: string; statement: string }[];
}

export interface Section {
  id: string;
  title: string;
  screens: Screen[];
}

export type Screen =
  | WelcomeScreen
  | FilmScreen
  | ScenarioScreen
  | KnowledgeCheckScreen
  | ReflectionScreen
  | SupervisionGuideScreen
  | ConfidenceScreen
  | SummaryScreen;

interface ScreenBase {
  id: string;
  title: string;
  /** Introductory paragraphs (plain text; a blank line separates paragraphs). */
  body?: string;
}

export interface WelcomeScreen extends ScreenBase {
  type: 'welcome';
  /** What the learner will do, as short bullet points. */
  outcomes: string[];
  /** Who can read the learner's reflections, in plain words, in both versions. */
  privacyNote: PrivacyNote;
}

/**
 * Words about who can read the reflections, which differ with Variant.reflections: the player shows the one that is
 * true for the package. In `shared`, "{organisation}" stands for the variant's organisation.
 */
export interface PrivacyNote {
  private: string;
  shared: string;
}

export interface FilmScreen extends ScreenBase {
  type: 'film';
}

/** A branching scenario: steps with choices; each choice's `next` names another step of this scenario, or ends it (null). */
export interface ScenarioScreen extends ScreenBase {
  type: 'scenario';
  /** Where it happens, e.g. "Emergency department". */
  setting: string;
  /** Id of the first step. */
  start: string;
  steps: ScenarioStep[];
  /** Questions for the team's supervision session, used by the facilitator's guide. */
  discussion: string[];
}

export interface ScenarioStep {
  id: string;
  situation: string;
  question: string;
  choices: ScenarioChoice[];
}

export interface ScenarioChoice {
  id: string;
  text: string;
  /** How helpful the choice is; the player never shows this by colour alone. */
  quality: 'helpful' | 'partly-helpful' | 'unhelpful';
  /** What happens next, told to the learner. */
  consequence: string;
  feedback: string;
  /** Id of the next step in this scenario, or null when the scenario ends here. */
  next: string | null;
}

export interface KnowledgeCheckScreen extends ScreenBase {
  type: 'knowledge-check';
  questions: Question[];
}

export interface Question {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: QuestionOption[];
}

export interface QuestionOption {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
}

export interface ReflectionScreen extends ScreenBase {
  type: 'reflection';
  /** Who can read the answers, shown with the introduction; the body itself stays neutral about privacy. */
  privacyNote?: PrivacyNote;
  prompts: ReflectionPrompt[];
}

export interface ReflectionPrompt {
  id: string;
  prompt: string;
  hint?: string;
  /** Characters allowed; at most limits.reflectionMaxLength. */
  maxLength: number;
}

export interface SupervisionGuideScreen extends ScreenBase {
  type: 'supervision-guide';
}

export interface ConfidenceScreen extends ScreenBase {
  type: 'confidence';
  phase: 'before' | 'after';
}

export interface SummaryScreen extends ScreenBase {
  type: 'summary';
}

/** LMS quirk profiles (course/runtime/lms-profiles.ts holds their settings). */
export type LmsProfileId = 'standard' | 'moodle' | 'scorm-cloud' | 'minimal' | 'esr';
export const LMS_PROFILE_IDS: readonly LmsProfileId[] = ['standard', 'moodle', 'scorm-cloud', 'minimal', 'esr'];

/** A trust's (or the default) build variant: course/variants/<id>.json. */
export interface Variant {
  $schema?: string;
  /** Slug: the folder name under dist/packages/. */
  id: string;
  /** Name shown to learners and in manifests, e.g. "Common Ground (Example NHS Trust)". */
  displayName: string;
  /** Organisation the variant is built for. */
  organisation: string;
  standards: StandardId[];
  /** "private" (default): reflection text stays in the learner's own resume state; "shared": also reported to the LMS/LRS. */
  reflections: 'private' | 'shared';
  /** Optional overrides of the course's completion rules, where the course allows. */
  completion?: Partial<Pick<CompletionRules, 'passMark' | 'filmWatchedPercent' | 'allowSkipAhead'>>;
  /** Which LMS's quirks to allow for; absent = "standard". */
  lmsProfile?: LmsProfileId;
  /** The trust's logo and colours; absent = the NHS defaults. */
  branding?: VariantBranding;
  /** Local support and signposting shown to learners (staff support line, Freedom to Speak Up guardian, OH…). */
  contacts?: SupportContact[];
  /** Who answers accessibility problems with this course: feeds the accessibility statement page. */
  accessibility?: AccessibilityContact;
}

export interface VariantBranding {
  /**
   * In a variant file: path of an SVG or PNG relative to that file. In RuntimeConfig: the path inside the package
   * (the build copies it to branding/logo.svg|png).
   */
  logo?: { file: string; alt: string };
  /** Hex colours from the NHS identity palette; the build checks their contrast (WCAG AA). */
  colours?: {
    /** Header band background; the header text on it is white. */
    header: string;
    /** Buttons (white text on it) and links (it on white). */
    accent: string;
  };
}

export type SupportContactRole = 'staff-support' | 'freedom-to-speak-up' | 'occupational-health' | 'wellbeing' | 'other';

export interface SupportContact {
  role: SupportContactRole;
  /** e.g. "Staff Support Line", "Freedom to Speak Up Guardian". */
  name: string;
  /** One line on what they help with. */
  description?: string;
  /** UK number as people write it, e.g. "0300 123 4567"; at least one of phone, email, url. */
  phone?: string;
  email?: string;
  /** https link (the trust's intranet page, for example). */
  url?: string;
  /** When they can be reached, e.g. "Monday to Friday, 9am to 5pm". */
  hours?: string;
}

export interface AccessibilityContact {
  email: string;
  phone?: string;
  /** Working days within which the trust answers a request for an accessible format. */
  responseDays?: number;
}

/** What each package carries beside the player build, as config.js: window.COMMON_GROUND = RuntimeConfig. */
export interface RuntimeConfig {
  standard: StandardId;
  /** Build identity, for support and for the state codec. */
  build: { courseVersion: string; variant: string };
  variant: Omit<Variant, '$schema' | 'standards'>;
  /** The course, with the variant's overrides applied. */
  course: Course;
}
