// The real course, and the minimal fixture, pass every check; the course content meets the brief it was written to.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Course } from '../../../course/model/types.ts';
import { checkCourse, loadCourse, mediaReferences } from '../../../build/course/index.ts';
import { MINIMAL, REPO, removeTempDirs, tempDir } from './fixtures.ts';

afterAll(removeTempDirs);

const REAL_COURSE_DIR = join(REPO, 'course', 'content');

/** The real course.json in a temp folder with a small dummy file for every media reference. */
async function realCourseWithDummyMedia(): Promise<string> {
  const dir = await tempDir();
  const text = await readFile(join(REAL_COURSE_DIR, 'course.json'), 'utf8');
  await writeFile(join(dir, 'course.json'), text);
  for (const reference of mediaReferences(JSON.parse(text) as Course)) {
    const path = join(dir, reference.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, reference.kind === 'webvtt' ? 'WEBVTT\n' : 'dummy\n');
  }
  return dir;
}

describe('the real course', () => {
  it('passes the schema and every cross-check (with dummy media)', async () => {
    const course = await loadCourse(await realCourseWithDummyMedia());
    expect(course.id).toBe('common-ground');
  });

  it('in place, passes too, or fails only because the film files are not there yet', async () => {
    const { problems } = await checkCourse(REAL_COURSE_DIR);
    for (const problem of problems) {
      expect(problem.pointer).toMatch(/^\/film\//);
      expect(problem.message).toMatch(/does not exist/);
    }
  });

  describe('content', () => {
    const course = JSON.parse(readFileSync(join(REAL_COURSE_DIR, 'course.json'), 'utf8')) as Course;
    const screens = course.sections.flatMap((section) => section.screens);
    const scenarios = screens.flatMap((screen) => (screen.type === 'scenario' ? [screen] : []));
    const questions = screens.flatMap((screen) => (screen.type === 'knowledge-check' ? screen.questions : []));
    const prompts = screens.flatMap((screen) => (screen.type === 'reflection' ? screen.prompts : []));

    it('points editors at its schema, as the default variant does', () => {
      expect(existsSync(join(REAL_COURSE_DIR, course.$schema ?? 'missing'))).toBe(true);
      const variant = JSON.parse(readFileSync(join(REAL_COURSE_DIR, 'variants/default.json'), 'utf8')) as { $schema?: string };
      expect(existsSync(join(REAL_COURSE_DIR, 'variants', variant.$schema ?? 'missing'))).toBe(true);
    });

    it('has its identity, completion rules and limits as agreed', () => {
      expect(course).toMatchObject({
        id: 'common-ground',
        version: '1.1.0',
        iri: 'https://commonground.example.org/courses/common-ground',
        language: 'en-GB',
        publisher: 'Common Ground (open-source project)',
        completion: { passMark: 80, filmWatchedPercent: 90, allowSkipAhead: true, rule: 'all-sections-and-pass' },
        limits: { reflectionMaxLength: 2000, maxAttemptsPerQuestion: 3 },
      });
    });

    it('has the sections in order, each its own menu entry', () => {
      expect(course.sections.map((section) => section.title)).toEqual([
        'Welcome',
        'Before you start',
        'The film',
        'In their own words',
        'Scenarios',
        'Knowledge check',
        'Reflections',
        'Your confidence now',
        'Summary and certificate',
      ]);
    });

    it('has at least seven branching scenarios with real choices and 2-4 discussion questions each', () => {
      expect(scenarios.length).toBeGreaterThanOrEqual(7);
      for (const scenario of scenarios) {
        for (const step of scenario.steps) expect(step.choices.length, `${scenario.id}/${step.id}`).toBeGreaterThanOrEqual(3);
        expect(scenario.discussion.length).toBeGreaterThanOrEqual(2);
        expect(scenario.discussion.length).toBeLessThanOrEqual(4);
      }
      // Branching is real: some scenario has two steps, and choices of one step lead to different places.
      expect(scenarios.some((scenario) => scenario.steps.length >= 2)).toBe(true);
      expect(scenarios.some((scenario) => scenario.steps.some((step) => new Set(step.choices.map((choice) => choice.next)).size > 1))).toBe(true);
    });

    it('draws each attempt from a bank of at least 12 application questions covering every outcome, with the key facts', () => {
      const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
      if (check?.type !== 'knowledge-check') throw new Error('no knowledge check');
      expect(questions.length).toBeGreaterThanOrEqual(12);
      expect(check.attempts).toBeGreaterThan(1);
      expect(check.questionsPerAttempt).toBeGreaterThanOrEqual(course.outcomes.length);
      for (const outcome of course.outcomes) expect(questions.filter((q) => q.outcome === outcome.id).length, outcome.id).toBeGreaterThanOrEqual(2);
      for (const question of questions) {
        // A vignette, not a recall item: a situation of at least a sentence before the question.
        expect(question.prompt.split(/\s+/).length, question.id).toBeGreaterThanOrEqual(14);
        expect(question.explanation, question.id).toBeTruthy();
      }
      const text = JSON.stringify(course);
      expect(text).toContain('1 in 3');
      expect(text).toContain('15 to 20 years earlier');
      expect(text).toMatch(/diagnostic overshadowing/i);
      expect(text).toMatch(/eye contact/i);
    });

    it('has at least four reflection prompts with hints, within the limit', () => {
      expect(prompts.length).toBeGreaterThanOrEqual(4);
      for (const prompt of prompts) {
        expect(prompt.hint).toBeTruthy();
        expect(prompt.maxLength).toBeLessThanOrEqual(course.limits.reflectionMaxLength);
      }
    });

    it('has five confidence statements of our own on a five-point scale', () => {
      expect(course.confidence.scaleLabels).toHaveLength(5);
      expect(course.confidence.items).toHaveLength(5);
      for (const item of course.confidence.items) expect(item.statement).toMatch(/^I feel confident to /);
    });

    it('has the film with its tracks and two cue points', () => {
      expect(course.film).toMatchObject({
        id: 'film',
        src: 'media/film/common-ground-film.mp4',
        type: 'video/mp4',
        poster: 'media/film/poster.png',
        captions: [{ src: 'media/film/captions.en-GB.vtt', srclang: 'en-GB', label: 'English', default: true }],
        chapters: 'media/film/chapters.vtt',
        descriptions: 'media/film/descriptions.en-GB.vtt',
        transcript: 'media/film/transcript.txt',
      });
      expect(course.film.cuePoints.map((cue) => cue.question.kind)).toEqual(['single', 'single']);
    });
  });
});

describe('the minimal fixture course', () => {
  it('passes every check', async () => {
    const course = await loadCourse(MINIMAL);
    expect(course.sections).toHaveLength(3);
  });
});
