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
  /**
   * What a learner will be able to do by the end ("By the end you will be able to…"). Each is assessed by at least one
   * knowledge-check question and one scenario, and matched by a confidence item: the build refuses one that is not.
   */
  outcomes: LearningOutcome[];
  /** Every source a statistic or research claim rests on; the course's objects cite them by id in `sources`. */
  sources: Source[];
  /** Clinical and service terms explained in plain words, on the glossary page. */
  glossary: GlossaryEntry[];
  /** National support shown in every build (a variant's own contacts come first, then these). */
  support: NationalSupport[];
  /** The facilitator's guide: a resource page, not a section every learner must complete. */
  supervisionGuide: SupervisionGuide;
  /** The course's sections in order; each is one entry of the section menu. */
  sections: Section[];
}

export interface LearningOutcome {
  id: string;
  /** Completes "By the end you will be able to…", e.g. "check a person's physical symptoms…". */
  text: string;
}

export interface Source {
  id: string;
  /** Title of the document, article or web page. */
  title: string;
  /** Who published it (authors for a journal article). */
  publisher: string;
  /** Year of publication. */
  year: number;
  /** Where to read it. */
  url?: string;
  /** What the course takes from it, in a few words. */
  note?: string;
}

/** A national service anyone in the UK can reach (short numbers such as 111 and 116 123 are allowed here). */
export interface NationalSupport {
  name: string;
  /** What they help with, and when to use them. */
  description: string;
  /** The number as people write it, e.g. "116 123". */
  phone?: string;
  /** A number to text, and the word to send, e.g. { "number": "85258", "word": "SHOUT" }. */
  sms?: { number: string; word: string };
  /** An https web page. */
  url?: string;
  hours?: string;
}

export interface GlossaryEntry {
  term: string;
  definition: string;
}

/** Learner-facing objects that state a statistic or research finding name their sources here (ids of Course.sources). */
export interface Sourced {
  sources?: string[];
}

export interface SupervisionGuide extends Sourced {
  title: string;
  /** Who the guide is for and how to use it. */
  intro: string;
  /** Ground rules for a session, the safeguarding exception among them. */
  groundRules: string[];
  /** A one-to-one and a team plan, each with timed steps. */
  plans: SessionPlan[];
  /** What to do if someone becomes upset, or says something that raises a concern. */
  wellbeing: string;
}

export interface SessionPlan {
  id: string;
  title: string;
  /** Who it suits, e.g. "one-to-one supervision". */
  forWhom: string;
  steps: { minutes: number; text: string }[];
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

export interface Film extends Sourced {
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
  items: ConfidenceItem[];
}

export interface ConfidenceItem {
  id: string;
  statement: string;
  /** The learning outcome this statement matches (an id of Course.outcomes). */
  outcome: string;
}

export interface Section {
  id: string;
  title: string;
  screens: Screen[];
}

export type Screen =
  | WelcomeScreen
  | FilmScreen
  | VoicesScreen
  | ScenarioScreen
  | KnowledgeCheckScreen
  | ReflectionScreen
  | ConfidenceScreen
  | SummaryScreen;

interface ScreenBase extends Sourced {
  id: string;
  title: string;
  /** Introductory paragraphs (plain text; a blank line separates paragraphs). */
  body?: string;
}

export interface WelcomeScreen extends ScreenBase {
  type: 'welcome';
  /** What the learner will do on the way, as short bullet points (the learning outcomes come from Course.outcomes). */
  activities: string[];
  /** Who can read the learner's reflections, in plain words, in both versions. */
  privacyNote: PrivacyNote;
  /** What the course sends to the learning system, in plain words (it must name everything the player reports). */
  trackingNote: string;
}

/** First-person accounts: quoted from the campaign with attribution, or written for this course and labelled so. */
export interface VoicesScreen extends ScreenBase {
  type: 'voices';
  voices: Voice[];
}

export interface Voice extends Sourced {
  id: string;
  /** How the speaker is introduced, e.g. "Daniel Regan, who has used mental health services". */
  speaker: string;
  /**
   * "quoted": words a real person said, published by the campaign (needs a source). "composite": written for this
   * course from common experiences, not a real person, and labelled as such to the learner.
   */
  kind: 'quoted' | 'composite';
  /** "person" for someone who uses services (or a carer), "staff" for a member of staff. */
  perspective: 'person' | 'staff';
  /** The account, in the first person; a blank line separates paragraphs. */
  text: string;
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
  /** The learning outcomes this scenario practises (ids of Course.outcomes). */
  outcomes: string[];
  /** Id of the first step. */
  start: string;
  steps: ScenarioStep[];
  /** Questions for the team's supervision session, used by the facilitator's guide. */
  discussion: string[];
  /** For the facilitator: what a good discussion of this scenario reaches. */
  whatGoodLooksLike: string;
}

export interface ScenarioStep extends Sourced {
  id: string;
  situation: string;
  question: string;
  choices: ScenarioChoice[];
}

export interface ScenarioChoice extends Sourced {
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

/**
 * A scored check drawn from a bank: each attempt draws `questionsPerAttempt` questions covering every learning outcome,
 * preferring questions not drawn before, with the options in an order of the learner's own. One answer per question
 * per attempt; after `attempts` attempts below the pass mark the learner has failed.
 */
export interface KnowledgeCheckScreen extends ScreenBase {
  type: 'knowledge-check';
  /** Attempts at the whole check. */
  attempts: number;
  /** Questions in each attempt: at least one per learning outcome. */
  questionsPerAttempt: number;
  /** The bank. */
  questions: Question[];
}

export interface Question extends Sourced {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: QuestionOption[];
  /** Knowledge-check questions: the learning outcome the question assesses (an id of Course.outcomes). */
  outcome?: string;
  /**
   * Knowledge-check questions: why the right answer is right, naming it. Shown only once the learner got it right or
   * has no attempt left, so feedback on a wrong answer never hands over the answer before then.
   */
  explanation?: string;
}

export interface QuestionOption extends Sourced {
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
}
