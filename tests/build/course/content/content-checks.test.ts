// The content checks (build/course/content/) on the shipped course: it passes them all, and each defect issue 11
// found, put back into a copy, gives one line naming the file and the field. The last test runs the whole course
// checker on a copy of the real course folder, as the build does before Vite.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Course } from '../../../../course/model/types.ts';
import { checkCourse, formatProblems, type CourseProblem } from '../../../../build/course/index.ts';
import { checkAnswerPositions } from '../../../../build/course/content/answer-position.ts';
import { checkOutcomeCoverage } from '../../../../build/course/content/outcome-coverage.ts';
import { checkSourcedNumbers, statisticIn } from '../../../../build/course/content/sourced-numbers.ts';
import { checkStatedDuration, estimateDuration } from '../../../../build/course/content/duration-estimate.ts';
import { checkCuePointGaps, checkCuePointsAgainstCaptions } from '../../../../build/course/content/cue-gaps.ts';
import { checkAudioDescriptionOffers, offersAudioDescription } from '../../../../build/course/content/audio-description.ts';
import { parseVtt } from '../../../../course/player/logic/webvtt.ts';
import { REPO, removeTempDirs, tempDir } from '../fixtures.ts';

const COURSE_DIR = join(REPO, 'course', 'content');
const shipped = JSON.parse(await readFile(join(COURSE_DIR, 'course.json'), 'utf8')) as Course;
const copy = (): Course => structuredClone(shipped);
const lines = (problems: Omit<CourseProblem, 'file'>[]): string[] => problems.map((p) => formatProblems([{ file: 'course/content/course.json', ...p }]));
const scenarios = (course: Course) => course.sections.flatMap((s) => s.screens).flatMap((s) => (s.type === 'scenario' ? [s] : []));
const check = (course: Course) => course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check')!;

afterAll(removeTempDirs);

describe('the shipped course', () => {
  it('passes every content check', async () => {
    expect(checkOutcomeCoverage(shipped)).toEqual([]);
    expect(checkAnswerPositions(shipped)).toEqual([]);
    expect(checkSourcedNumbers(shipped)).toEqual([]);
    expect(checkStatedDuration(shipped)).toEqual([]);
    expect(await checkCuePointsAgainstCaptions(shipped, COURSE_DIR)).toEqual([]);
    expect(checkAudioDescriptionOffers(shipped)).toEqual([]);
  });

  it('branches with consequences: in at least 5 of 7 scenarios, different first choices lead to different next steps', () => {
    const branching = scenarios(shipped).filter((scenario) => {
      const first = scenario.steps.find((step) => step.id === scenario.start)!;
      return new Set(first.choices.map((choice) => choice.next)).size > 1;
    });
    expect(scenarios(shipped).length).toBeGreaterThanOrEqual(7);
    expect(branching.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the summary, the privacy note and the safety details (defects 5, 6 and 8)', () => {
  const all = shipped.sections.flatMap((s) => s.screens);
  it('8. never says "Well done" or "You have finished" to a learner who may not have', () => {
    const summary = all.find((s) => s.type === 'summary')!;
    expect(`${summary.title} ${summary.body}`).not.toMatch(/well done|you have finished/i);
  });

  it('5. says plainly what the learning system records, naming everything the player reports', () => {
    const welcome = all.find((s) => s.type === 'welcome');
    if (welcome?.type !== 'welcome') throw new Error('no welcome screen');
    for (const reported of [/scenarios/, /film's questions/, /knowledge check/, /confidence ratings/, /score/, /completed/, /film you played/]) expect(welcome.trackingNote).toMatch(reported);
    expect(welcome.privacyNote.private).not.toMatch(/records that you finished/);
  });

  it('6. keeps the safety details sound', () => {
    const text = JSON.stringify(shipped);
    expect(shipped.supervisionGuide.groundRules[0]).toMatch(/with one exception\. If anything said suggests that someone is at risk of harm, or raises a safeguarding concern/);
    expect(text).not.toMatch(/as much as medication does/);
    expect(text).not.toMatch(/kindly and at the time/);
    expect(text).not.toMatch(/declines until his physical checks are done/);
  });
});

describe('each defect, put back, gives one line naming the field', () => {
  it('1. the helpful choice first and longest in every scenario step', () => {
    const course = copy();
    for (const scenario of scenarios(course)) {
      for (const step of scenario.steps) {
        const helpful = step.choices.find((c) => c.quality === 'helpful')!;
        helpful.text = `${helpful.text} ${'and then some more words to make it the longest'}`;
        step.choices = [helpful, ...step.choices.filter((c) => c !== helpful)];
      }
    }
    const found = lines(checkAnswerPositions(course));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^course\/content\/course\.json: \/sections\/\d+\/screens\/0\/steps\/0\/choices: the helpful choice is the first option in 20 of 20 scenario steps, so its position gives it away \(allowed: /);
    expect(found[1]).toMatch(/the helpful choice is the longest option in 20 of 20 scenario steps/);
  });

  it('1. the right answer first in the film questions and the check', () => {
    const course = copy();
    for (const question of [...course.film.cuePoints.map((c) => c.question), ...check(course).type === 'knowledge-check' ? (check(course) as { questions: Course['film']['cuePoints'][0]['question'][] }).questions : []]) {
      question.options = [...question.options.filter((o) => o.correct), ...question.options.filter((o) => !o.correct)];
    }
    const found = lines(checkAnswerPositions(course));
    expect(found.some((line) => /\/film\/cuePoints\/0\/question\/options: the right answer is the first option in 2 of 2 film questions/.test(line))).toBe(true);
    expect(found.some((line) => /the right answer is the first option in 15 of 15 knowledge-check questions/.test(line))).toBe(true);
  });

  it('3. a learning outcome that nothing assesses', () => {
    const course = copy();
    course.outcomes.push({ id: 'o-unassessed', text: 'do something no question asks about' });
    const found = lines(checkOutcomeCoverage(course));
    expect(found).toEqual([
      'course/content/course.json: /outcomes/5: learning outcome "o-unassessed" is not assessed: no knowledge-check question, no scenario, no confidence item names it (allowed: at least one knowledge-check question ("outcome") and one scenario ("outcomes") that assess it, and a confidence item ("outcome") that matches it)',
    ]);
  });

  it('2. a question that assesses no outcome, and a bank too small for a retake to differ', () => {
    const course = copy();
    const screen = check(course);
    if (screen.type !== 'knowledge-check') throw new Error('no check');
    delete screen.questions[0]!.outcome;
    screen.questions = screen.questions.filter((q, i) => i === 0 || q.outcome !== 'o-language' || q.id === 'kc-handover-label');
    const found = lines(checkOutcomeCoverage(course));
    expect(found.some((line) => line.includes('question "kc-new-headache" assesses no learning outcome'))).toBe(true);
    expect(found.some((line) => line.includes('only 1 question assesses "o-language", so a retake asks it again'))).toBe(true);
  });

  it('2 and 5. a statistic with no source (the old "about 10 years earlier")', () => {
    const course = copy();
    const screen = check(course);
    if (screen.type !== 'knowledge-check') throw new Error('no check');
    screen.questions[0]!.options[0]!.feedback = 'On average, people with mental illness die about 10 years earlier.';
    const found = lines(checkSourcedNumbers(course));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^course\/content\/course\.json: \/sections\/\d+\/screens\/0\/questions\/0\/options\/0\/feedback: "10" reads as a statistic or research figure, and no source backs it \(allowed: /);
  });

  it('a statistic in words ("one in three") needs a source too, and times, dates, ages and places do not', () => {
    expect(statisticIn('Yet one in three people report stigma.')).toBe('one in three');
    expect(statisticIn('They are four times more likely to be detained.')).toBe('times more likely');
    expect(statisticIn('It is 10 pm. Marcus, aged 34, waits 40 minutes in bay 3 since October 2015.')).toBeNull();
    expect(statisticIn('Answer 5 questions; question 2 of 5.')).toBeNull();
    expect(statisticIn('About 30% of people.')).toBe('30%');
  });

  it('a citation of a source that does not exist, and a source cited nowhere', () => {
    const course = copy();
    course.sources.push({ id: 'never-cited', title: 'T', publisher: 'P', year: 2020 });
    scenarios(course)[0]!.sources = ['no-such-source'];
    const found = lines(checkSourcedNumbers(course));
    expect(found.some((line) => /\/sources\/0: cites "no-such-source", which is not in the course's "sources"/.test(line))).toBe(true);
    expect(found.some((line) => /\/sources\/\d+\/id: source "never-cited" is cited nowhere in the course/.test(line))).toBe(true);
  });

  it('7. a quoted voice with no source', () => {
    const course = copy();
    const voices = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'voices');
    if (voices?.type !== 'voices') throw new Error('no voices screen');
    const quoted = voices.voices.find((v) => v.kind === 'quoted')!;
    delete quoted.sources;
    expect(lines(checkSourcedNumbers(course))).toEqual([
      expect.stringMatching(new RegExp(`/voices/\\d+/sources: the quoted voice "${quoted.id}" names no source`)),
    ]);
  });

  it('9. a film question inside a caption cue (mid-sentence)', async () => {
    const course = copy();
    const captions = parseVtt(await readFile(join(COURSE_DIR, course.film.captions[0]!.src), 'utf8'));
    const inside = captions[5]!;
    course.film.cuePoints[0]!.at = (inside.start + inside.end) / 2;
    const found = lines(checkCuePointGaps(course, new Map([[course.film.captions[0]!.src, captions]])));
    expect(found).toHaveLength(1);
    const suggested = Number(/such as ([\d.]+) s\)$/.exec(found[0]!)?.[1]);
    expect(captions.some((cue) => suggested >= cue.start && suggested < cue.end), 'the suggested moment is in a gap').toBe(false);
    expect(found[0]).toMatch(/^course\/content\/course\.json: \/film\/cuePoints\/0\/at: cue point "cue-overshadowing" at [\d.]+ s falls inside the caption ".+" \([\d.]+–[\d.]+ s in media\/film\/captions\.en-GB\.vtt\), so the film would stop mid-sentence \(allowed: a moment in a gap between caption cues, such as [\d.]+ s\)$/);
  });

  it('12. a stated time far from the estimate (the old "25 minutes")', () => {
    const course = copy();
    course.durationMinutes = 25;
    const estimate = Math.round(estimateDuration(course).minutes);
    expect(lines(checkStatedDuration(course))).toEqual([
      expect.stringMatching(new RegExp(`^course/content/course\\.json: /durationMinutes: the course says it takes 25 minutes, but its own estimate is ${estimate} \\(\\d+ words on the shortest way through`)),
    ]);
  });
});

describe('words that offer audio description the film does not have (issue 15.7)', () => {
  it('tells an offer from a statement that there is none', () => {
    expect(offersAudioDescription('You can turn on captions or audio description, change the speed.')).toBe(true);
    expect(offersAudioDescription('Audio-described version available.')).toBe(true);
    expect(offersAudioDescription('This film has no audio description. The transcript describes what is shown.')).toBe(false);
    expect(offersAudioDescription('It comes without audio description, but the transcript says what is shown.')).toBe(false);
    expect(offersAudioDescription('There is no sound. Audio description is on the AD button.')).toBe(true);
    expect(offersAudioDescription('Turn on captions.')).toBe(false);
  });

  it('a film without descriptions: the film screen\'s offer is one line naming the field; with descriptions, none', () => {
    const course = copy();
    expect(checkAudioDescriptionOffers(course)).toEqual([]);
    delete course.film.descriptions;
    const found = lines(checkAudioDescriptionOffers(course));
    const s = course.sections.findIndex((section) => section.screens.some((screen) => screen.type === 'film'));
    const i = course.sections[s]!.screens.findIndex((screen) => screen.type === 'film');
    expect(found).toEqual([
      expect.stringMatching(new RegExp(`^course/content/course\\.json: /sections/${s}/screens/${i}/body: offers audio description, but the film has none \\(film\\.descriptions is not set\\) \\(allowed: words that promise only what the film has`)),
    ]);
  });
});

describe('in the build', () => {
  it('the course checker stops a copy of the real course with a defect, one line per problem, and passes the real one', async () => {
    expect((await checkCourse(COURSE_DIR)).problems).toEqual([]);
    const dir = await tempDir();
    await cp(COURSE_DIR, dir, { recursive: true, filter: (source) => !source.includes(`${join(COURSE_DIR, 'player')}`) && !source.includes(join(COURSE_DIR, 'runtime')) });
    const course = copy();
    course.durationMinutes = 25;
    course.outcomes.push({ id: 'o-unassessed', text: 'do something no question asks about' });
    await writeFile(join(dir, 'course.json'), JSON.stringify(course, null, 2));
    const { problems } = await checkCourse(dir);
    const text = formatProblems(problems).split('\n');
    expect(text).toHaveLength(2);
    expect(text.every((line) => line.startsWith(join(dir, 'course.json')))).toBe(true);
  });
});
