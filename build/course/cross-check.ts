// Checks that the schema cannot express: ids that must be unique, scenario branches that must lead somewhere,
// questions that must have a right answer, limits that must agree, screens the course cannot do without.
// Runs only on a course that already matches the schema. Pure: media on disk is media-check.ts's job.
import type { Course, Question, ScenarioScreen, Screen } from '../../course/types.ts';
import type { CourseProblem } from './problems.ts';
import { pointerOf } from './problems.ts';
import { analyseScenario } from './scenario-graph.ts';
import { show } from './format.ts';
import { PLAYER_LANGUAGES, playerLanguage } from '../../course/player/strings/languages.ts';

type Problem = Omit<CourseProblem, 'file'>;

interface PlacedScreen {
  screen: Screen;
  pointer: string;
}

export function crossCheckCourse(course: Course, file: string): CourseProblem[] {
  const screens = placedScreens(course);
  const problems: Problem[] = [
    ...checkCourseIds(course, screens),
    ...screens.flatMap(({ screen, pointer }) => (screen.type === 'scenario' ? checkScenario(screen, pointer) : [])),
    ...placedQuestions(course, screens).flatMap(({ question, pointer }) => checkQuestion(question, pointer)),
    ...checkReflectionLengths(course, screens),
    ...checkCuePoints(course),
    ...checkCaptions(course),
    ...checkRequiredScreens(course, screens),
    ...checkLanguage(course),
  ];
  return problems.map((problem) => ({ file, ...problem }));
}

/** The player's own words (buttons, notices, status) must be in the course's language: no silent English. */
function checkLanguage(course: Course): Problem[] {
  if (playerLanguage(course.language) !== null) return [];
  return [
    {
      pointer: '/language',
      message: `the player has no words in ${show(course.language)}: its buttons, notices and messages would be in another language than the course`,
      allowed: `a language the player has a catalogue for (${PLAYER_LANGUAGES.join(', ')}); a translation adds one in course/player/strings/`,
    },
  ];
}

function placedScreens(course: Course): PlacedScreen[] {
  return course.sections.flatMap((section, sectionIndex) =>
    section.screens.map((screen, screenIndex) => ({ screen, pointer: pointerOf(['sections', sectionIndex, 'screens', screenIndex]) })),
  );
}

function placedQuestions(course: Course, screens: PlacedScreen[]): { question: Question; pointer: string }[] {
  const fromFilm = course.film.cuePoints.map((cue, index) => ({ question: cue.question, pointer: pointerOf(['film', 'cuePoints', index, 'question']) }));
  const fromChecks = screens.flatMap(({ screen, pointer }) =>
    screen.type === 'knowledge-check' ? screen.questions.map((question, index) => ({ question, pointer: `${pointer}/questions/${index}` })) : [],
  );
  return [...fromFilm, ...fromChecks];
}

/**
 * Ids become stable LMS interaction ids and activity ids, so the course-level ones share one namespace: no section,
 * screen, film, cue point, question, reflection prompt or confidence item may reuse another's id. Steps, choices
 * and options are always reported under their parent's id, so they need only be unique within it.
 */
function checkCourseIds(course: Course, screens: PlacedScreen[]): Problem[] {
  const entries: { id: string; kind: string; pointer: string }[] = [
    { id: course.film.id, kind: 'film', pointer: '/film/id' },
    ...course.film.cuePoints.flatMap((cue, index) => [
      { id: cue.id, kind: 'cue point', pointer: pointerOf(['film', 'cuePoints', index, 'id']) },
      { id: cue.question.id, kind: 'question', pointer: pointerOf(['film', 'cuePoints', index, 'question', 'id']) },
    ]),
    ...course.confidence.items.map((item, index) => ({ id: item.id, kind: 'confidence item', pointer: pointerOf(['confidence', 'items', index, 'id']) })),
    ...course.sections.map((section, index) => ({ id: section.id, kind: 'section', pointer: pointerOf(['sections', index, 'id']) })),
    ...screens.flatMap(({ screen, pointer }) => [
      { id: screen.id, kind: 'screen', pointer: `${pointer}/id` },
      ...(screen.type === 'knowledge-check' ? screen.questions.map((question, index) => ({ id: question.id, kind: 'question', pointer: `${pointer}/questions/${index}/id` })) : []),
      ...(screen.type === 'reflection' ? screen.prompts.map((prompt, index) => ({ id: prompt.id, kind: 'reflection prompt', pointer: `${pointer}/prompts/${index}/id` })) : []),
    ]),
  ];
  return duplicateIds(entries, 'an id used nowhere else in the course, since ids become stable LMS interaction ids');
}

function duplicateIds(entries: { id: string; kind: string; pointer: string }[], allowed: string): Problem[] {
  const first = new Map<string, { kind: string; pointer: string }>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      problems.push({ pointer: entry.pointer, message: `duplicate id "${entry.id}": the ${earlier.kind} at ${earlier.pointer} already uses it`, allowed });
    } else {
      first.set(entry.id, entry);
    }
  }
  return problems;
}

function checkScenario(scenario: ScenarioScreen, pointer: string): Problem[] {
  const problems: Problem[] = duplicateIds(
    scenario.steps.map((step, index) => ({ id: step.id, kind: 'step', pointer: `${pointer}/steps/${index}/id` })),
    `a step id used once in scenario "${scenario.id}"`,
  );
  scenario.steps.forEach((step, stepIndex) => {
    const stepPointer = `${pointer}/steps/${stepIndex}`;
    problems.push(
      ...duplicateIds(
        step.choices.map((choice, index) => ({ id: choice.id, kind: 'choice', pointer: `${stepPointer}/choices/${index}/id` })),
        `a choice id used once in step "${step.id}"`,
      ),
    );
    if (!step.choices.some((choice) => choice.quality === 'helpful')) {
      problems.push({
        pointer: `${stepPointer}/choices`,
        message: `none of the choices of step "${step.id}" is "helpful"`,
        allowed: 'at least one choice with "quality": "helpful", so every step shows a good way forward',
      });
    }
  });

  const stepIds = scenario.steps.map((step) => `"${step.id}"`).join(', ');
  const graph = analyseScenario(scenario);
  if (!graph.startIsKnown) {
    problems.push({ pointer: `${pointer}/start`, message: `"start" names ${show(scenario.start)}, which is not a step of this scenario`, allowed: stepIds });
  }
  for (const { stepIndex, choiceIndex, next } of graph.danglingNext) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}/choices/${choiceIndex}/next`,
      message: `"next" names ${show(next)}, which is not a step of this scenario`,
      allowed: `${stepIds}, or null to end the scenario`,
    });
  }
  for (const stepIndex of graph.unreachable) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}`,
      message: `step "${scenario.steps[stepIndex]?.id}" is never reached: neither "start" nor any choice's "next" leads to it`,
    });
  }
  for (const stepIndex of graph.noWayOut) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}`,
      message: `from step "${scenario.steps[stepIndex]?.id}" the scenario can never end: every path loops back`,
      allowed: 'at least one path from every step to a choice with "next": null',
    });
  }
  return problems;
}

function checkQuestion(question: Question, pointer: string): Problem[] {
  const problems = duplicateIds(
    question.options.map((option, index) => ({ id: option.id, kind: 'option', pointer: `${pointer}/options/${index}/id` })),
    `an option id used once in question "${question.id}"`,
  );
  const correct = question.options.filter((option) => option.correct).map((option) => `"${option.id}"`);
  if (correct.length === 0) {
    problems.push({ pointer: `${pointer}/options`, message: `no option of question "${question.id}" is marked correct`, allowed: 'at least one option with "correct": true' });
  } else if (question.kind === 'single' && correct.length > 1) {
    problems.push({
      pointer: `${pointer}/options`,
      message: `question "${question.id}" is "single" but ${correct.length} options are marked correct (${correct.join(', ')})`,
      allowed: 'exactly one correct option for "kind": "single"; use "kind": "multiple" for more',
    });
  }
  return problems;
}

function checkReflectionLengths(course: Course, screens: PlacedScreen[]): Problem[] {
  const limit = course.limits.reflectionMaxLength;
  return screens.flatMap(({ screen, pointer }) =>
    screen.type !== 'reflection'
      ? []
      : screen.prompts.flatMap((prompt, index): Problem[] =>
          prompt.maxLength <= limit
            ? []
            : [
                {
                  pointer: `${pointer}/prompts/${index}/maxLength`,
                  message: `maxLength ${prompt.maxLength} is above the course's limits.reflectionMaxLength (${limit})`,
                  allowed: `a whole number from 1 to ${limit}`,
                },
              ],
        ),
  );
}

function checkCuePoints(course: Course): Problem[] {
  const { durationSeconds, cuePoints } = course.film;
  const problems: Problem[] = [];
  cuePoints.forEach((cue, index) => {
    const pointer = pointerOf(['film', 'cuePoints', index, 'at']);
    if (cue.at >= durationSeconds) {
      problems.push({
        pointer,
        message: `cue point "${cue.id}" at ${cue.at} s is not before the end of the film (film.durationSeconds is ${durationSeconds})`,
        allowed: `a time from 0 to less than ${durationSeconds} seconds`,
      });
    }
    const previous = cuePoints[index - 1];
    if (previous && cue.at <= previous.at) {
      problems.push({
        pointer,
        message: `cue point "${cue.id}" at ${cue.at} s does not come after the one before it ("${previous.id}" at ${previous.at} s)`,
        allowed: 'cue points in time order, no two at the same moment',
      });
    }
  });
  return problems;
}

function checkCaptions(course: Course): Problem[] {
  const defaults = course.film.captions.flatMap((track, index) => (track.default === true ? [index] : []));
  return defaults.slice(1).map((index) => ({
    pointer: pointerOf(['film', 'captions', index, 'default']),
    message: `more than one caption track is marked default (also track ${defaults[0]})`,
    allowed: 'at most one track with "default": true',
  }));
}

/** The player needs exactly one film screen, and a before and an after confidence screen, in that order. */
function checkRequiredScreens(course: Course, screens: PlacedScreen[]): Problem[] {
  const problems: Problem[] = [];
  const films = screens.filter(({ screen }) => screen.type === 'film');
  if (films.length === 0) problems.push({ pointer: '/sections', message: 'no screen shows the film', allowed: 'exactly one screen with "type": "film"' });
  for (const extra of films.slice(1)) {
    problems.push({ pointer: `${extra.pointer}/type`, message: `a second film screen (the first is ${films[0]?.pointer})`, allowed: 'exactly one screen with "type": "film"' });
  }

  const phaseAt = new Map<string, PlacedScreen & { order: number }>();
  screens.forEach((placed, order) => {
    if (placed.screen.type !== 'confidence') return;
    const phase = placed.screen.phase;
    const earlier = phaseAt.get(phase);
    if (earlier) {
      problems.push({ pointer: `${placed.pointer}/phase`, message: `a second confidence screen with phase "${phase}" (the first is ${earlier.pointer})`, allowed: 'one confidence screen per phase' });
    } else {
      phaseAt.set(phase, { ...placed, order });
    }
  });
  for (const phase of ['before', 'after'] as const) {
    if (!phaseAt.has(phase)) {
      problems.push({ pointer: '/sections', message: `no confidence screen with "phase": "${phase}"`, allowed: 'one confidence screen with "phase": "before" and one with "phase": "after", in that order' });
    }
  }
  const before = phaseAt.get('before');
  const after = phaseAt.get('after');
  if (before && after && after.order < before.order) {
    problems.push({ pointer: `${after.pointer}/phase`, message: `the "after" confidence screen comes before the "before" one (${before.pointer})`, allowed: 'the "before" screen first' });
  }

  if (course.completion.rule === 'all-sections-and-pass') {
    const hasQuestions = screens.some(({ screen }) => screen.type === 'knowledge-check' && screen.questions.length > 0);
    if (!hasQuestions) {
      problems.push({
        pointer: '/completion/rule',
        message: 'the rule "all-sections-and-pass" needs a knowledge check to pass, but the course has no knowledge-check screen',
        allowed: '"all-sections", or add a screen with "type": "knowledge-check"',
      });
    }
  }
  return problems;
}
