// Generated from course/schema/variant.schema.json by `npm run generate-types` (build/course/schema-types.ts). Do not edit:
// change the schema and run the command again (a test fails while this file is stale).

/** A trust's (or the default) build variant: course/content/variants/<id>.json. The code's Variant type (course/schema/variant.types.ts) is generated from this schema by npm run generate-types; the build also checks it against the course, reads its logo and checks its colour contrast (build/course/README.md lists every check). A variant with "branding" must also give "accessibility": a branded variant is the trust's own publication, and its accessibility statement must name who at the trust answers. */
export interface Variant {
  /** Relative path from this file to variant.schema.json, so editors can check and complete the file. */
  $schema?: string;
  /** Variant slug: the folder name under dist/packages/ and part of each package's file name. Unique among the variants. */
  id: string;
  /** Name shown to learners and in manifests, e.g. "Common Ground (Example NHS Trust)". */
  displayName: string;
  /** Organisation the variant is built for. */
  organisation: string;
  /** Tracking standards to package this variant for; each becomes one zip. */
  standards: ('scorm12' | 'scorm2004-3rd' | 'scorm2004-4th' | 'xapi' | 'cmi5')[];
  /** "private" (the default to choose): reflection text stays in the learner's own resume state; "shared": also reported to the LMS/LRS. Reflections can be special category data: choose "shared" only with a DPIA. */
  reflections: 'private' | 'shared';
  /** The language of the player's own words (buttons, notices, messages) in this variant's packages, as a BCP 47 tag such as "en-GB". Absent: the course's language. The build refuses a language the player has no words for, and one other than the course's own (the course's text is written in one language), except the pseudo-locale "en-XA": the player's words accented, lengthened and bracketed, to show that every one of them comes from a catalogue (course/player/README.md). */
  language?: string;
  /** Optional overrides of the course's completion rules. */
  completion?: {
    /** Minimum knowledge-check score, as a percentage 0..100, to pass. */
    passMark?: number;
    /** Minimum share of the film actually played, as a percentage 0..100. */
    filmWatchedPercent?: number;
    /** Whether the learner may seek past the furthest point they have watched. */
    allowSkipAhead?: boolean;
  };
  /** Which family of LMS the packages are made for, so the runtime allows for its known quirks (course/runtime/lms-profiles.ts). Absent means "standard". Each profile lists the standards that LMS plays properly; the build refuses a variant whose "standards" ask for another (ESR, for example, takes SCORM 1.2 and SCORM 2004 3rd Edition only). */
  lmsProfile?: 'standard' | 'moodle' | 'scorm-cloud' | 'minimal' | 'esr';
  branding?: Branding;
  /** Local support and signposting shown to learners: the trust's staff support line, Freedom to Speak Up guardian, occupational health and the like, in the order listed. Absent: the course shows no local contacts. */
  contacts?: SupportContact[];
  accessibility?: AccessibilityContact;
}

/** The trust's logo and colours. Absent: the NHS defaults (no logo, NHS Blue header and accent). A variant with branding must also give "accessibility". */
export interface Branding {
  logo?: Logo;
  colours?: Colours;
}

/** The trust's logo, shown in the course header. The build copies it into each package as branding/logo.svg or branding/logo.png. */
export interface Logo {
  /** a path relative to the variant file, inside the variants folder, naming an .svg or .png file (e.g. "logos/example-trust.svg"). Checked: the file exists, its content matches its extension, at most 100 KB; a PNG is 40 to 400 pixels high and at most 1000 wide; any logo is at most 6 times as wide as it is high and at least half as wide; an SVG is inert and self-contained (no script, event attributes, foreignObject, animation, DOCTYPE or entities, no links other than #fragments). */
  file: string;
  /** Text alternative for the logo, read out by screen readers: usually the organisation's name, e.g. "Northmoor Valley NHS Foundation Trust" (not "logo"). */
  alt: string;
}

/** Colours from the NHS identity palette (any case). The header text is white, so the header colour needs a contrast of at least 4.5:1 with white; the accent colour is used for buttons (white text) and links (on white), so it needs 4.5:1 with white too (WCAG 2.2 AA, 1.4.3). */
export interface Colours {
  /** Header band background, e.g. "#003087" (NHS Dark Blue). */
  header: string;
  /** Buttons and links, e.g. "#005EB8" (NHS Blue). */
  accent: string;
}

/** One local contact. It must give at least one way to reach it: phone, email or url. */
export interface SupportContact {
  /** What kind of support it is, so the player can group and label it. */
  role: 'staff-support' | 'freedom-to-speak-up' | 'occupational-health' | 'wellbeing' | 'other';
  /** e.g. "Staff Support Line", "Freedom to Speak Up Guardian". */
  name: string;
  /** One line on what they help with. */
  description?: string;
  phone?: string;
  email?: string;
  url?: string;
  /** When they can be reached, e.g. "Monday to Friday, 9am to 5pm". */
  hours?: string;
}

/** Who answers accessibility problems with this course and requests for an accessible format: goes into the accessibility statement (accessibility.html in each package, accessibility-statement.html beside the zips). Required when "branding" is present. Without it the statement directs people to the organisation's learning and development team. */
export interface AccessibilityContact {
  email: string;
  phone?: string;
  /** Working days within which the trust answers a request, stated in the accessibility statement (1 to 30). */
  responseDays?: number;
}

/** The tracking standards the build can package for. */
export const STANDARD_IDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th', 'xapi', 'cmi5'] as const;

/** The LMS quirk profiles (course/runtime/lms-profiles.ts holds their settings). */
export const LMS_PROFILE_IDS = ['standard', 'moodle', 'scorm-cloud', 'minimal', 'esr'] as const;
