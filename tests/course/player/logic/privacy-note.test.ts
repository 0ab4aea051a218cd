import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Course, PrivacyNote, ReflectionScreen, WelcomeScreen } from '../../../../course/model/types.ts';
import { privacyNoteFor } from '../../../../course/player/logic/privacy-note.ts';
import { checkAgainstSchema } from '../../../../build/course/schema-check.ts';

const COURSE_FILE = new URL('../../../../course/content/course.json', import.meta.url);
const readCourse = (): Course => JSON.parse(readFileSync(COURSE_FILE, 'utf8')) as Course;
const screens = (course: Course) => course.sections.flatMap((section) => section.screens);

/** Words that promise privacy: none may appear where reflections are shared, or in text shown in both modes. */
const PROMISE = /\bprivate\b|\bprivately\b|only you|not sent to your manager|aren't sent/i;

describe('privacyNoteFor', () => {
  const note: PrivacyNote = { private: 'Only you read these.', shared: '{organisation} reads these, and {organisation} keeps them.' };

  it('gives the private wording where reflections stay private', () => {
    expect(privacyNoteFor(note, { reflections: 'private', organisation: 'Example NHS Trust' })).toBe('Only you read these.');
  });

  it('gives the shared wording, with every mention of the organisation filled in, where they are shared', () => {
    expect(privacyNoteFor(note, { reflections: 'shared', organisation: 'Example NHS Trust' })).toBe(
      'Example NHS Trust reads these, and Example NHS Trust keeps them.',
    );
  });

  it('puts the organisation in as written, even with characters replace() treats as patterns', () => {
    expect(privacyNoteFor(note, { reflections: 'shared', organisation: "St $& Mary's $1" })).toBe("St $& Mary's $1 reads these, and St $& Mary's $1 keeps them.");
  });
});

describe('the course data on who reads the reflections', () => {
  const course = readCourse();
  const welcome = screens(course).find((screen): screen is WelcomeScreen => screen.type === 'welcome');
  const reflections = screens(course).filter((screen): screen is ReflectionScreen => screen.type === 'reflection');

  it('passes the schema, which asks for both versions of each note', () => {
    expect(checkAgainstSchema('course', course, 'course.json')).toEqual([]);
    const onlyOne = readCourse();
    const screen = screens(onlyOne).find((s) => s.type === 'welcome') as unknown as { privacyNote: unknown };
    screen.privacyNote = 'Your reflections are private.';
    expect(checkAgainstSchema('course', onlyOne, 'course.json').map((p) => p.pointer).join(' ')).toMatch(/privacyNote/);
    screen.privacyNote = { private: 'Your reflections are private.' };
    expect(checkAgainstSchema('course', onlyOne, 'course.json').length).toBeGreaterThan(0);
  });

  it('words the description and the outcomes so that they hold in both modes', () => {
    expect(course.description).not.toMatch(PROMISE);
    expect(welcome?.activities.join(' ')).not.toMatch(PROMISE);
    expect(course.outcomes.map((o) => o.text).join(' ')).not.toMatch(PROMISE);
    expect(welcome?.trackingNote ?? '').not.toMatch(PROMISE);
    expect(welcome?.body ?? '').not.toMatch(PROMISE);
    expect(reflections.length).toBeGreaterThan(0);
    for (const screen of reflections) expect(screen.body ?? '').not.toMatch(PROMISE);
  });

  it('says in the shared version, with the organisation named, that reflections are not private', () => {
    const notes = [welcome!.privacyNote, ...reflections.map((screen) => screen.privacyNote!)];
    for (const note of notes) {
      const shared = privacyNoteFor(note, { reflections: 'shared', organisation: 'Example NHS Trust' });
      expect(shared).toContain('Example NHS Trust');
      expect(shared).not.toContain('{organisation}');
      expect(shared.replace(/\bnot private\b/i, '')).not.toMatch(PROMISE);
      expect(privacyNoteFor(note, { reflections: 'private', organisation: 'Example NHS Trust' })).toMatch(/\bprivate\b/);
    }
    expect(privacyNoteFor(reflections[0]!.privacyNote!, { reflections: 'shared', organisation: 'X' })).toMatch(/not private/);
  });
});
