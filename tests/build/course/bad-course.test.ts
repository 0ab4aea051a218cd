// Each kind of broken course input yields a problem naming the file, the JSON pointer and what is wrong,
// and nothing else fails: no stack traces, no noise from the schema's structure.
import { symlink, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse, type CourseProblem } from '../../../build/course/index.ts';
import { FIXTURES, minimalWith, problemsOf, removeTempDirs, tempDir } from './fixtures.ts';

afterAll(removeTempDirs);

/** Load a changed copy of the minimal course and return its problems. */
async function problemsAfter(change: Parameters<typeof minimalWith>[0]): Promise<{ file: string; problems: CourseProblem[] }> {
  const dir = await minimalWith(change);
  return { file: join(dir, 'course.json'), problems: await problemsOf(loadCourse(dir)) };
}

/** Exactly one problem, at this pointer, in this file. */
async function onlyProblem(change: Parameters<typeof minimalWith>[0], pointer: string): Promise<CourseProblem> {
  const { file, problems } = await problemsAfter(change);
  expect(problems.map((problem) => problem.pointer)).toEqual([pointer]);
  const [problem] = problems;
  expect(problem?.file).toBe(file);
  return problem as CourseProblem;
}

const SCENARIO = '/sections/1/screens/1';

describe('schema problems', () => {
  it('wrong type', async () => {
    const problem = await onlyProblem((course) => (course.durationMinutes = '5'), '/durationMinutes');
    expect(problem.message).toBe('must be a whole number, not the string "5"');
  });

  it('too few items', async () => {
    const problem = await onlyProblem((course) => course.sections.splice(0), '/sections');
    expect(problem.message).toMatch(/has 0 items, which is too few/);
    expect(problem.allowed).toBe('at least 1 item');
  });

  it('missing required property', async () => {
    const problem = await onlyProblem((course) => delete course.film.transcript, '/film');
    expect(problem.message).toBe('missing the required property "transcript"');
  });

  it('a misspelt required property is one problem, not "unknown" plus "missing"', async () => {
    const problem = await onlyProblem((course) => {
      const screen = course.sections[0].screens[0];
      screen.activites = screen.activities;
      delete screen.activities;
    }, '/sections/0/screens/0/activites');
    expect(problem.message).toBe('unknown property "activites" (did you mean "activities"? it is required)');
    expect(problem.allowed).toBe('type, id, title, body, privacyNote, sources, activities, trackingNote');
  });

  it('unknown property on its own', async () => {
    const problem = await onlyProblem((course) => (course.film.subtitles = []), '/film/subtitles');
    expect(problem.message).toBe('unknown property "subtitles"');
    expect(problem.allowed).toBe('id, title, src, type, poster, durationSeconds, captions, chapters, descriptions, transcript, cuePoints, sources');
  });

  it('a misspelt property name gets a "did you mean"', async () => {
    const { problems } = await problemsAfter((course) => (course.sections[0].screens[0].privcyNote = 'x'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.pointer).toBe('/sections/0/screens/0/privcyNote');
    expect(problems[0]?.message).toBe('unknown property "privcyNote" (did you mean "privacyNote"?)');
  });

  it('bad enum value lists the allowed values', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[1].steps[0].choices[0].quality = 'great'), `${SCENARIO}/steps/0/choices/0/quality`);
    expect(problem.message).toBe('"great" is not one of the allowed values');
    expect(problem.allowed).toBe('"helpful", "partly-helpful", "unhelpful"');
  });

  it('unknown screen type: one problem, not one per kind of screen', async () => {
    const problem = await onlyProblem((course) => (course.sections[0].screens[1].type = 'confidance'), '/sections/0/screens/1/type');
    expect(problem.message).toBe('"confidance" is not a known screen type');
    expect(problem.allowed).toContain('"confidence"');
    expect(problem.allowed).toContain('"voices"');
  });

  it('a screen is checked only against the branch its type names', async () => {
    // A scenario screen given a welcome screen's field: the error talks about scenario fields only.
    const problem = await onlyProblem((course) => (course.sections[1].screens[1].privacyNote = 'x'), `${SCENARIO}/privacyNote`);
    expect(problem.allowed).toBe('type, id, title, body, setting, start, steps, discussion, sources, outcomes, whatGoodLooksLike');
  });

  it('bad id pattern says what a slug is', async () => {
    const problem = await onlyProblem((course) => (course.sections[0].id = 'Start Here'), '/sections/0/id');
    expect(problem.message).toBe('"Start Here" is not in the required form');
    expect(problem.allowed).toMatch(/^a slug: lower-case letters a-z, digits and single hyphens/);
  });

  it('number out of range gives the range', async () => {
    const problem = await onlyProblem((course) => (course.completion.passMark = 120), '/completion/passMark');
    expect(problem.message).toBe('120 is out of range');
    expect(problem.allowed).toBe('a number from 0 to 100');
  });

  it('text too long gives the limit', async () => {
    const problem = await onlyProblem((course) => (course.sections[0].title = 'x'.repeat(121)), '/sections/0/title');
    expect(problem.message).toBe('is 121 characters long, which is too long');
    expect(problem.allowed).toBe('at most 120 characters');
  });

  it('bad version, language and IRI each say the form they need', async () => {
    const { problems } = await problemsAfter((course) => {
      course.version = 'v1';
      course.language = 'english';
      course.iri = 'https://example.org/course/';
    });
    expect(problems.map((problem) => problem.pointer)).toEqual(['/version', '/iri', '/language']);
    expect(problems[0]?.allowed).toMatch(/^a semantic version/);
    expect(problems[1]?.allowed).toMatch(/no trailing slash/);
    expect(problems[2]?.allowed).toMatch(/^a BCP 47 language tag/);
  });

  it('an http(s) IRI with no host ("https:///courses/x") is refused (issue 17.5)', async () => {
    const problem = await onlyProblem((course) => (course.iri = 'https:///courses/common-ground'), '/iri');
    expect(problem.message).toMatch(/not in the required form/);
  });

  it('a language the player has no words in is refused, not shown in English (issue 14.7)', async () => {
    const problem = await onlyProblem((course) => (course.language = 'cy'), '/language');
    expect(problem.message).toMatch(/the player has no words in "cy"/);
    expect(problem.allowed).toMatch(/en-GB/);
  });

  it('path traversal in a media path is refused before anything is read', async () => {
    const problem = await onlyProblem((course) => (course.film.captions[0].src = '../../secret.vtt'), '/film/captions/0/src');
    expect(problem.message).toBe('"../../secret.vtt" is not in the required form');
    expect(problem.allowed).toMatch(/no '\.' or '\.\.' parts/);
  });

  it('an absolute media path and a URL are refused', async () => {
    const { problems } = await problemsAfter((course) => {
      course.film.transcript = '/etc/passwd';
      course.film.src = 'https://cdn.example.org/film.mp4';
    });
    expect(problems.map((problem) => problem.pointer).sort()).toEqual(['/film/src', '/film/transcript']);
  });

  it('a track that is not .vtt', async () => {
    const problem = await onlyProblem((course) => (course.film.chapters = 'media/film/chapters.txt'), '/film/chapters');
    expect(problem.allowed).toMatch(/ending in "\.vtt"/);
  });
});

describe('JSON syntax', () => {
  it('reports file, line, column and where in the document it stopped', async () => {
    const dir = join(FIXTURES, 'syntax-error');
    const problems = await problemsOf(loadCourse(dir));
    expect(problems).toEqual([
      {
        file: join(dir, 'course.json'),
        pointer: '/sections/0',
        message: 'invalid JSON at line 8, column 7: expected "," or "}" after the value of "title" but found another property (is a comma missing?)',
        line: 8,
        column: 7,
      },
    ]);
  });

  it('reports a duplicate key with its line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'course.json'), '{\n  "id": "a",\n  "id": "b"\n}\n');
    const problems = await problemsOf(loadCourse(dir));
    expect(problems[0]).toMatchObject({ pointer: '/id', line: 3, column: 3 });
    expect(problems[0]?.message).toMatch(/appears twice/);
  });

  it('a missing course folder is a problem, not a crash', async () => {
    const dir = join(await tempDir(), 'nowhere');
    const problems = await problemsOf(loadCourse(dir));
    expect(problems).toEqual([{ file: join(dir, 'course.json'), pointer: '', message: 'cannot read the file: it does not exist' }]);
  });
});

describe('cross-reference problems', () => {
  it('duplicate id across kinds', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[0].id = 'start'), '/sections/1/screens/0/id');
    expect(problem.message).toBe('duplicate id "start": the section at /sections/0/id already uses it');
  });

  it('duplicate question id between a cue point and the knowledge check', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[2].questions[0].id = 'film-question'), '/sections/1/screens/2/questions/0/id');
    expect(problem.message).toBe('duplicate id "film-question": the question at /film/cuePoints/0/question/id already uses it');
  });

  it('duplicate step id within a scenario', async () => {
    const { problems } = await problemsAfter((course) => (course.sections[1].screens[1].steps[1].id = 'first'));
    expect(problems[0]).toMatchObject({ pointer: `${SCENARIO}/steps/1/id`, message: 'duplicate id "first": the step at /sections/1/screens/1/steps/0/id already uses it' });
  });

  it('duplicate option id within a question', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[2].questions[0].options[2].id = 'a'), '/sections/1/screens/2/questions/0/options/2/id');
    expect(problem.message).toMatch(/^duplicate id "a"/);
  });

  it('dangling branch', async () => {
    const { problems } = await problemsAfter((course) => (course.sections[1].screens[1].steps[0].choices[1].next = 'third'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      pointer: `${SCENARIO}/steps/0/choices/1/next`,
      message: '"next" names "third", which is not a step of this scenario',
      allowed: '"first", "second", or null to end the scenario',
    });
  });

  it('start that names no step', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[1].start = 'begin'), `${SCENARIO}/start`);
    expect(problem.message).toBe('"start" names "begin", which is not a step of this scenario');
  });

  it('a step no path reaches', async () => {
    const problem = await onlyProblem((course) => {
      for (const choice of course.sections[1].screens[1].steps[0].choices) choice.next = null;
    }, `${SCENARIO}/steps/1`);
    expect(problem.message).toBe('step "second" is never reached: neither "start" nor any choice\'s "next" leads to it');
  });

  it('a loop with no way out', async () => {
    const problem = await onlyProblem((course) => {
      for (const choice of course.sections[1].screens[1].steps[1].choices) choice.next = 'second';
    }, `${SCENARIO}/steps/1`);
    expect(problem.message).toMatch(/can never end/);
  });

  it('a choice list without a helpful option', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[1].steps[1].choices[0].quality = 'partly-helpful'), `${SCENARIO}/steps/1/choices`);
    expect(problem.message).toBe('none of the choices of step "second" is "helpful"');
  });

  it('single-choice question with two correct options', async () => {
    const problem = await onlyProblem((course) => (course.film.cuePoints[0].question.options[1].correct = true), '/film/cuePoints/0/question/options');
    expect(problem.message).toBe('question "film-question" is "single" but 2 options are marked correct ("right", "wrong")');
  });

  it('a question with no correct option', async () => {
    const problem = await onlyProblem((course) => {
      for (const option of course.sections[1].screens[2].questions[0].options) option.correct = false;
    }, '/sections/1/screens/2/questions/0/options');
    expect(problem.message).toBe('no option of question "kc-one" is marked correct');
  });

  it('reflection maxLength above the limit', async () => {
    const problem = await onlyProblem((course) => (course.sections[1].screens[3].prompts[0].maxLength = 501), '/sections/1/screens/3/prompts/0/maxLength');
    expect(problem.message).toBe("maxLength 501 is above the course's limits.reflectionMaxLength (500)");
    expect(problem.allowed).toBe('a whole number from 1 to 500');
  });

  it('cue point after the end of the film', async () => {
    const problem = await onlyProblem((course) => (course.film.cuePoints[0].at = 60), '/film/cuePoints/0/at');
    expect(problem.message).toBe('cue point "cue-one" at 60 s is not before the end of the film (film.durationSeconds is 60)');
  });

  it('cue points out of order', async () => {
    const problem = await onlyProblem((course) => {
      const second = structuredClone(course.film.cuePoints[0]);
      second.id = 'cue-two';
      second.question.id = 'film-question-two';
      second.at = 10;
      course.film.cuePoints.push(second);
    }, '/film/cuePoints/1/at');
    expect(problem.message).toMatch(/does not come after the one before it/);
  });

  it('two default caption tracks', async () => {
    const problem = await onlyProblem((course) => course.film.captions.push({ ...course.film.captions[0], srclang: 'cy', label: 'Cymraeg' }), '/film/captions/1/default');
    expect(problem.message).toMatch(/more than one caption track is marked default/);
  });

  it('confidence screen missing for "after"', async () => {
    const problem = await onlyProblem((course) => course.sections[2].screens.splice(1, 1), '/sections');
    expect(problem.message).toBe('no confidence screen with "phase": "after"');
  });

  it('confidence screens in the wrong order', async () => {
    const problem = await onlyProblem((course) => {
      course.sections[0].screens[1].phase = 'after';
      course.sections[2].screens[1].phase = 'before';
    }, '/sections/0/screens/1/phase');
    expect(problem.message).toMatch(/the "after" confidence screen comes before the "before" one/);
  });

  it('no film screen', async () => {
    const problem = await onlyProblem((course) => course.sections[1].screens.splice(0, 1), '/sections');
    expect(problem.message).toBe('no screen shows the film');
  });

  it('a pass rule with no knowledge check', async () => {
    const problem = await onlyProblem((course) => course.sections[1].screens.splice(2, 1), '/completion/rule');
    expect(problem.message).toMatch(/needs a knowledge check/);
  });
});

describe('media on disk', () => {
  it('missing caption file', async () => {
    const { file, problems } = await problemsAfter((course) => (course.film.captions[0].src = 'media/film/captions.fr.vtt'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, pointer: '/film/captions/0/src' });
    expect(problems[0]?.message).toMatch(/^file "media\/film\/captions\.fr\.vtt" does not exist \(looked for .*captions\.fr\.vtt\)$/);
  });

  it('a track that is not WebVTT inside', async () => {
    const dir = await minimalWith(() => {});
    await writeFile(join(dir, 'media/film/chapters.vtt'), '1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n');
    const problems = await problemsOf(loadCourse(dir));
    expect(problems).toEqual([
      { file: join(dir, 'course.json'), pointer: '/film/chapters', message: 'file "media/film/chapters.vtt" is not a WebVTT file: its first line must be "WEBVTT"' },
    ]);
  });

  it('an empty media file', async () => {
    const dir = await minimalWith(() => {});
    await writeFile(join(dir, 'media/film/poster.png'), '');
    const problems = await problemsOf(loadCourse(dir));
    expect(problems.map((problem) => problem.pointer)).toEqual(['/film/poster']);
    expect(problems[0]?.message).toMatch(/is empty/);
  });

  it('a folder where a file should be', async () => {
    const dir = await minimalWith((course) => (course.film.transcript = 'media/film'));
    const problems = await problemsOf(loadCourse(dir));
    expect(problems.map((problem) => problem.pointer)).toEqual(['/film/transcript']);
    expect(problems[0]?.message).toMatch(/is not a file/);
  });

  it('a symbolic link out of the course folder', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'not course material\n');
    const dir = await minimalWith((course) => (course.film.transcript = 'media/film/linked.txt'));
    await symlink(join(outside, 'secret.txt'), join(dir, 'media/film/linked.txt'));
    const problems = await problemsOf(loadCourse(dir));
    expect(problems.map((problem) => problem.message)).toEqual(['file "media/film/linked.txt" links to a file outside the course folder']);
  });

  it('every problem is collected in one run', async () => {
    const dir = await minimalWith((course) => {
      course.film.captions[0].src = 'media/film/nope.vtt';
      course.sections[1].screens[1].start = 'nope';
      course.film.cuePoints[0].question.options[1].correct = true;
    });
    await mkdir(join(dir, 'unused'), { recursive: true });
    const problems = await problemsOf(loadCourse(dir));
    expect(problems.map((problem) => problem.pointer)).toEqual([`${SCENARIO}/start`, '/film/cuePoints/0/question/options', '/film/captions/0/src']);
  });
});
