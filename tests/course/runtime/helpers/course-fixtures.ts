// The real course (course/content/course.json) and learner states built from it by walking its structure, so the tests
// follow the course as its authors change it instead of hard-coding its ids.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Course, RuntimeConfig, StandardId } from '../../../../course/model/types.ts';
import { encodeState } from '../../../../course/runtime/state/codec.ts';
import type { LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { drawQuestions } from '../../../../course/player/logic/knowledge-draw.ts';

const COURSE_FILE = fileURLToPath(new URL('../../../../course/content/course.json', import.meta.url));

/** A fresh copy each call, so a test may change it freely. */
export function loadCourse(): Course {
  return JSON.parse(readFileSync(COURSE_FILE, 'utf8')) as Course;
}

export function runtimeConfig(standard: StandardId, reflections: 'private' | 'shared' = 'private', course = loadCourse()): RuntimeConfig {
  return {
    standard,
    build: { courseVersion: course.version, variant: 'default' },
    variant: { id: 'default', displayName: 'Common Ground', organisation: 'Example NHS Trust', reflections },
    course,
  };
}

/** Reflections of the length a learner typically writes (our own words, about 250 characters each). */
export const TYPICAL_REFLECTIONS = [
  'A patient with a psychosis history came in breathless and we waited for the liaison team before examining him. Next time I will do the same checks I would do for anyone else, then involve mental health colleagues.',
  'I will introduce myself by name and explain how long the wait is likely to be, especially for people who seem anxious. It takes a minute and it changes how the rest of the appointment goes.',
  'In handover I sometimes hear labels instead of names. I want to ask calmly for the person to be described by what is happening for them now, not by their diagnosis or how often they come in.',
  'I would like supervision time to talk about how we record risk without letting an old entry shape every new contact, and how to challenge a colleague without it feeling like blame.',
];

/** English prose for capacity checks: our own words, varied enough not to compress unusually well. */
export const LONG_PROSE = [
  'When I think about the people we see on the ward, I notice how quickly a note in the record becomes the whole story.',
  'Someone arrives with chest pain and the first question in the room is about their medication for depression rather than their heart.',
  'I have done this myself when the department was busy, and I did not like what it said about the care we give.',
  'What helped most in the film was hearing people describe small moments: being called by their name, being told how long they would wait, being asked what they needed.',
  'None of those things cost money or time we do not have; they cost attention.',
  'In my team I would like us to agree a habit of checking physical symptoms first and documenting why, so that nobody feels they must argue for a basic examination.',
  'I also want to be braver when a colleague makes a joke about a frequent attender, because the joke sets the tone for the next shift.',
  'For supervision I will bring one example where I got it right and one where I did not, and ask what made the difference on each day.',
  'Perhaps it was tiredness, perhaps it was the way the referral was written, perhaps it was simply that nobody stopped to ask.',
  'I would rather learn that now than after someone has been sent home with a problem we missed.',
].join(' ');

export function typicalRun(course: Course): LearnerState {
  const state: LearnerState = {
    location: '',
    completedScreens: [],
    scenarioPaths: {},
    answers: {},
    attempts: {},
    reflections: {},
    confidence: { before: {}, after: {} },
    film: { position: Math.floor(course.film.durationSeconds), played: [[0, Math.floor(course.film.durationSeconds)]] },
    secondsSpent: 2700,
    seed: 1_234_567_891,
    checkAttempts: {},
  };
  let promptIndex = 0;
  for (const section of course.sections) {
    for (const screen of section.screens) {
      state.completedScreens.push(screen.id);
      state.location = screen.id;
      if (screen.type === 'scenario') {
        const path: [string, string][] = [];
        let step = screen.steps.find((s) => s.id === screen.start);
        while (step) {
          const choice = step.choices[path.length % step.choices.length];
          if (!choice) break;
          path.push([step.id, choice.id]);
          step = choice.next === null ? undefined : screen.steps.find((s) => s.id === choice.next);
        }
        state.scenarioPaths[screen.id] = path;
      } else if (screen.type === 'knowledge-check') {
        // The questions the learner's seed draws for their attempt, after one retake, all answered right.
        const attempt = screen.attempts > 1 ? 2 : 1;
        if (attempt > 1) state.checkAttempts[screen.id] = attempt;
        for (const question of drawQuestions(screen, state.seed, attempt)) {
          state.answers[question.id] = question.options.filter((o) => o.correct).map((o) => o.id);
          state.attempts[question.id] = 1;
        }
      } else if (screen.type === 'reflection') {
        for (const prompt of screen.prompts) {
          state.reflections[prompt.id] = TYPICAL_REFLECTIONS[promptIndex++ % TYPICAL_REFLECTIONS.length] as string;
        }
      } else if (screen.type === 'confidence') {
        for (const item of course.confidence.items) state.confidence[screen.phase][item.id] = screen.phase === 'before' ? 2 : 4;
      }
    }
  }
  for (const cue of course.film.cuePoints) {
    state.answers[cue.question.id] = [cue.question.options[0]?.id as string];
    state.attempts[cue.question.id] = 1;
  }
  return state;
}

/** The typical run part-way, encoded as the LMS holds it: its first `screens` screens done, the next one open, no reflections yet. */
export function typicalStateAt(course: Course, screens: number): string {
  const run = typicalRun(course);
  return encodeState({ ...run, completedScreens: run.completedScreens.slice(0, screens), location: run.completedScreens[screens] as string, reflections: {} }, course);
}

/** The id of the section holding a screen of the given type. */
export function sectionWith(course: Course, type: string): string {
  const section = course.sections.find((s) => s.screens.some((screen) => screen.type === type));
  if (!section) throw new Error(`no ${type} screen in the course`);
  return section.id;
}
