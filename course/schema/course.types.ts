// Generated from course/schema/course.schema.json by `npm run generate-types` (build/course/schema-types.ts). Do not edit:
// change the schema and run the command again (a test fails while this file is stale).

/** The course as data: its settings, film, confidence scale and sections of screens. The code's Course type (course/schema/course.types.ts) is generated from this schema by npm run generate-types; the build checks cross-references (ids, branches, media files, limits) after this schema passes. */
export interface Course {
  /** Relative path from this file to course.schema.json, so editors can check and complete the file. */
  $schema?: string;
  /** Course slug, used in package file names and identifiers. */
  id: string;
  /** Course version. Manifest identifiers derive from id + major version, so only a major version change starts fresh LMS records. */
  version: string;
  /** Absolute IRI naming the course for xAPI and cmi5; activity ids are built beneath it. */
  iri: string;
  /** Language of the course text. */
  language: string;
  /** Course title, shown to learners and in manifests. */
  title: string;
  /** One or two sentences for LMS catalogues and manifests. */
  description: string;
  /** Time a learner needs, in whole minutes, shown on the welcome screen. */
  durationMinutes: number;
  /** Organisation credited as author in manifests and on the certificate. */
  publisher: string;
  completion: CompletionRules;
  limits: CourseLimits;
  film: Film;
  confidence: ConfidenceScale;
  /** What a learner will be able to do by the end ("By the end you will be able to…"). Each is assessed by at least one knowledge-check question and one scenario, and matched by a confidence item: the build refuses one that is not. */
  outcomes: LearningOutcome[];
  /** Every source a statistic or research claim rests on; objects cite them by id in their own "sources" list, and the learner sees them on the references page. */
  sources: Source[];
  /** Clinical and service terms explained in plain words, on the glossary page. */
  glossary: GlossaryEntry[];
  /** National support shown in every build, after the variant's own contacts. */
  support: NationalSupport[];
  supervisionGuide: SupervisionGuide;
  /** The course's sections in order; each is one entry of the section menu. */
  sections: Section[];
}

/** When the course counts as completed and passed. */
export interface CompletionRules {
  /** Minimum knowledge-check score, as a percentage 0..100, to pass. */
  passMark: number;
  /** Minimum share of the film actually played, as a percentage 0..100, for the film section to count as done. */
  filmWatchedPercent: number;
  /** Whether the learner may seek past the furthest point they have watched. */
  allowSkipAhead: boolean;
  /** What the course reports as done: every section visited, or that plus a passed knowledge check. */
  rule: 'all-sections' | 'all-sections-and-pass';
}

/** Declared limits: the build computes the worst-case learner state from these and refuses a target it cannot fit. */
export interface CourseLimits {
  /** Largest number of characters any reflection answer may hold; each prompt's maxLength must not exceed it. SCORM 2004 long-fill-in answers hold at most 4000 characters. */
  reflectionMaxLength: number;
  /** Largest number of attempts recorded per knowledge-check question. */
  maxAttemptsPerQuestion: number;
}

/** The course film and its text tracks. Every path names a file inside the course folder. */
export interface Film {
  /** Film id, unique among the course's ids. */
  id: string;
  title: string;
  /** The video file. */
  src: string;
  /** MIME type of src; these are the containers browsers play without plugins. */
  type: 'video/mp4' | 'video/webm';
  /** Still image shown before playback. */
  poster?: string;
  /** Length of the film in seconds; cue points must fall before it. */
  durationSeconds: number;
  /** Caption tracks (WebVTT), one per language; mark at most one as default. */
  captions: TextTrack[];
  /** WebVTT chapters track. */
  chapters: string;
  /** WebVTT audio-description text track (kind "descriptions"). */
  descriptions?: string;
  /** Plain-text or Markdown transcript shown beside the film. */
  transcript: string;
  /** Questions asked at a timestamp: the film pauses, asks, then continues. In time order. */
  cuePoints: FilmCuePoint[];
  sources?: string[];
}

/** A WebVTT caption track. */
export interface TextTrack {
  src: string;
  /** Language of the track. */
  srclang: string;
  /** Name of the track in the player's caption menu. */
  label: string;
  /** Whether captions start in this track. */
  default?: boolean;
}

/** A question asked at a moment of the film. */
export interface FilmCuePoint {
  id: string;
  /** Seconds from the start of the film. */
  at: number;
  question: Question;
}

/** Confidence self-rating items, asked before and after the course (our own items, not a licensed instrument). */
export interface ConfidenceScale {
  /** Labels for the points of the scale, lowest first (five labels make a 1..5 scale). */
  scaleLabels: string[];
  /** The statements rated, each against the whole scale. */
  items: {
    id: string;
    /** A statement rated on the scale; at most 250 characters so it fits an LMS interaction description. */
    statement: string;
    /** The learning outcome this statement matches (an id of Course.outcomes). */
    outcome: string;
  }[];
}

/** One entry of the section menu. */
export interface Section {
  id: string;
  title: string;
  screens: Screen[];
}

/** One screen of the player; its "type" picks which fields it has. */
export type Screen =
  | WelcomeScreen
  | FilmScreen
  | VoicesScreen
  | ScenarioScreen
  | KnowledgeCheckScreen
  | ReflectionScreen
  | ConfidenceScreen
  | SummaryScreen;

/** The first screen: purpose, time needed and who can read the learner's reflections. */
export interface WelcomeScreen {
  type: 'welcome';
  id: string;
  title: string;
  body?: string;
  /** Who can read the reflections, on the welcome screen's privacy card. */
  privacyNote: PrivacyNote;
  sources?: string[];
  /** What the learner will do on the way, as short bullet points (the learning outcomes come from the course's "outcomes"). */
  activities: string[];
  /** What the course sends to the learning system, in plain words: it must name everything the player reports (answers to scenarios and questions, confidence ratings, film progress, score, completion). */
  trackingNote: string;
}

/** Plays the course film (course.film) with its captions, chapters, transcript and cue points. */
export interface FilmScreen {
  type: 'film';
  id: string;
  title: string;
  body?: string;
  sources?: string[];
}

/** First-person accounts from people who use services and from staff. */
export interface VoicesScreen {
  type: 'voices';
  id: string;
  title: string;
  body?: string;
  sources?: string[];
  voices: Voice[];
}

/** One account: quoted from the campaign with its source, or written for this course (a composite, not a real person). */
export interface Voice {
  id: string;
  speaker: string;
  /** "quoted": a real person's published words (needs sources); "composite": written for this course, labelled so to the learner. */
  kind: 'quoted' | 'composite';
  perspective: 'person' | 'staff';
  text: string;
  sources?: string[];
}

/** A branching scenario: steps with choices; each choice's "next" names another step of this scenario, or ends it (null). */
export interface ScenarioScreen {
  type: 'scenario';
  id: string;
  title: string;
  body?: string;
  /** Where it happens, e.g. "Emergency department". */
  setting: string;
  /** Id of the first step. */
  start: string;
  steps: ScenarioStep[];
  /** Questions for the team's supervision session, used by the facilitator's guide. */
  discussion: string[];
  sources?: string[];
  /** The learning outcomes this scenario practises (ids of the course's "outcomes"). */
  outcomes: string[];
  /** For the facilitator's guide: what a good discussion of this scenario reaches. */
  whatGoodLooksLike: string;
}

/** One moment of a scenario: what is happening, what the learner is asked, and the choices. */
export interface ScenarioStep {
  /** Step id, unique within its scenario. */
  id: string;
  situation: string;
  /** What the learner is asked; at most 250 characters so it fits an LMS interaction description. */
  question: string;
  choices: ScenarioChoice[];
  sources?: string[];
}

/** One choice of a scenario step and what follows it. */
export interface ScenarioChoice {
  /** Choice id, unique within its step. */
  id: string;
  text: string;
  /** How helpful the choice is; the player never shows this by colour alone. */
  quality: 'helpful' | 'partly-helpful' | 'unhelpful';
  /** What happens next, told to the learner. */
  consequence: string;
  feedback: string;
  /** Id of the next step in this scenario, or null when the scenario ends here. */
  next: string | null;
  sources?: string[];
}

/** A scored check drawn from a bank: each attempt draws questionsPerAttempt questions covering every learning outcome, preferring ones not drawn before, options in the learner's own order; one answer per question per attempt; after the last attempt below completion.passMark the learner has failed. */
export interface KnowledgeCheckScreen {
  type: 'knowledge-check';
  id: string;
  title: string;
  body?: string;
  questions: Question[];
  sources?: string[];
  /** Attempts at the whole check (each draws its own questions). */
  attempts: number;
  /** Questions drawn for each attempt: at least one per learning outcome. */
  questionsPerAttempt: number;
}

/** Free-text reflections; private to the learner unless the variant says "shared". Keep the body neutral about privacy: privacyNote says it, in the version that is true for the variant. */
export interface ReflectionScreen {
  type: 'reflection';
  id: string;
  title: string;
  body?: string;
  /** Who can read the answers, shown with the screen's introduction. */
  privacyNote?: PrivacyNote;
  prompts: ReflectionPrompt[];
  sources?: string[];
}

/** One reflection question. */
export interface ReflectionPrompt {
  id: string;
  /** The question; at most 250 characters so it fits an LMS interaction description. */
  prompt: string;
  /** A gentle pointer shown under the prompt. */
  hint?: string;
  /** Characters allowed; at most limits.reflectionMaxLength (checked by the build). */
  maxLength: number;
}

/** Asks the confidence items (course.confidence) before or after the course. */
export interface ConfidenceScreen {
  type: 'confidence';
  id: string;
  title: string;
  body?: string;
  /** Whether this is the rating before or after the course. */
  phase: 'before' | 'after';
  sources?: string[];
}

/** The last screen: results and the certificate. */
export interface SummaryScreen {
  type: 'summary';
  id: string;
  title: string;
  body?: string;
  sources?: string[];
}

/** Words about who can read the learner's reflections, in both versions: the player shows `private` where the variant keeps reflections private (the default) and `shared` where it sends them to the organisation's learning system (variant.reflections). In `shared`, "{organisation}" stands for the variant's organisation name. */
export interface PrivacyNote {
  /** For reflections that stay in the learner's own saved progress. */
  private: string;
  /** For reflections that also go to the organisation: must say plainly that they are not private. */
  shared: string;
}

/** A choice question with feedback for every option. */
export interface Question {
  id: string;
  /** "single": exactly one option is correct; "multiple": one or more are. */
  kind: 'single' | 'multiple';
  /** The question; at most 250 characters so it fits an LMS interaction description. */
  prompt: string;
  options: QuestionOption[];
  /** Knowledge-check questions: the learning outcome the question assesses. */
  outcome?: string;
  /** Knowledge-check questions: why the right answer is right, naming it; shown once the learner got it right or has no attempt left. */
  explanation?: string;
  sources?: string[];
}

/** One answer option. */
export interface QuestionOption {
  /** Option id, unique within its question. */
  id: string;
  text: string;
  correct: boolean;
  /** Shown after the learner chooses this option. For a wrong option it explains why it is not the best answer without naming the right one (that waits for the question's explanation). */
  feedback: string;
  sources?: string[];
}

/** One learning outcome. */
export interface LearningOutcome {
  id: string;
  /** Completes "By the end you will be able to…", starting with a verb in lower case. */
  text: string;
}

/** A published source the course cites. */
export interface Source {
  id: string;
  title: string;
  /** Who published it (the authors, for a journal article). */
  publisher: string;
  year: number;
  /** an https address where the source can be read */
  url?: string;
  /** What the course takes from it. */
  note?: string;
}

/** A term and its plain-words meaning. */
export interface GlossaryEntry {
  term: string;
  definition: string;
}

/** A national service anyone in the UK can reach. */
export interface NationalSupport {
  name: string;
  description: string;
  /** the number as people write it, digits and spaces (e.g. "116 123") */
  phone?: string;
  sms?: {
    /** the number to text, digits only */
    number: string;
    word: string;
  };
  /** an https address */
  url?: string;
  hours?: string;
}

/** A timed plan for one kind of session. */
export interface SessionPlan {
  id: string;
  title: string;
  forWhom: string;
  steps: {
    minutes: number;
    text: string;
  }[];
}

/** The facilitator's guide: a printable resource page reached from the course, not a section every learner must complete. */
export interface SupervisionGuide {
  title: string;
  intro: string;
  groundRules: string[];
  plans: SessionPlan[];
  wellbeing: string;
  sources?: string[];
}

/** Every screen type, in the order of the schema's screen union. */
export const SCREEN_TYPES = ['welcome', 'film', 'voices', 'scenario', 'knowledge-check', 'reflection', 'confidence', 'summary'] as const;
