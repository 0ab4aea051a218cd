// A small course and variant for the manifest tests: only the fields the generators read matter, the rest are
// minimal but type-correct, so the fixture keeps compiling as course/model/types.ts grows.
import type { Course, StandardId, Variant } from '../../course/model/types.ts';
import { describePackage, type PackageInput } from '../../manifests/index.ts';

export const PLAYER_FILES = ['index.html', 'config.js', 'assets/player-3f9a1c.js', 'assets/player-77b2e0.css', 'media/film/film.mp4', 'media/film/captions en.vtt'];

export function testCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: 'common-ground',
    version: '1.4.2',
    iri: 'https://learning.example.nhs.uk/xapi/courses/common-ground',
    language: 'en-GB',
    title: 'Common Ground: tackling stigma',
    description: 'Film, scenarios and reflection for mental health staff.',
    durationMinutes: 45,
    publisher: 'Example NHS England',
    completion: { passMark: 80, filmWatchedPercent: 90, allowSkipAhead: false, rule: 'all-sections-and-pass' },
    limits: { reflectionMaxLength: 2000, maxAttemptsPerQuestion: 3 },
    film: {
      id: 'film',
      title: 'The film',
      src: 'media/film/film.mp4',
      type: 'video/mp4',
      durationSeconds: 600,
      captions: [{ src: 'media/film/captions en.vtt', srclang: 'en', label: 'English' }],
      chapters: 'media/film/chapters.vtt',
      transcript: 'media/film/transcript.md',
      cuePoints: [],
    },
    outcomes: [],
    sources: [],
    glossary: [],
    support: [],
    supervisionGuide: { title: 'Guide', intro: 'For facilitators.', groundRules: ['Be kind.'], plans: [], wellbeing: 'Check in.' },
    confidence: { scaleLabels: ['1', '2', '3', '4', '5'], items: [] },
    sections: [{ id: 'welcome', title: 'Welcome', screens: [] }],
    ...overrides,
  };
}

export function testVariant(overrides: Partial<Variant> = {}): Variant {
  return {
    id: 'default',
    displayName: 'Common Ground',
    organisation: 'NHS England',
    standards: ['scorm12', 'scorm2004-3rd', 'scorm2004-4th', 'xapi', 'cmi5'],
    reflections: 'private',
    ...overrides,
  };
}

export function packageInput(standard: StandardId, course = testCourse(), variant = testVariant()): PackageInput {
  return { standard, course, variant, launch: 'index.html', files: [...PLAYER_FILES] };
}

const encoder = new TextEncoder();

/** A whole in-memory package as the build would zip it: content files plus everything describePackage returns. */
export function buildPackage(input: PackageInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>(input.files.map((path) => [path, encoder.encode(`content of ${path}`)]));
  for (const { path, contents } of describePackage(input)) files.set(path, typeof contents === 'string' ? encoder.encode(contents) : contents);
  return files;
}

/** The descriptor text of a package built by buildPackage. */
export function descriptorText(files: ReadonlyMap<string, Uint8Array>, path: string): string {
  return new TextDecoder().decode(files.get(path));
}
