// What the course should report for the walk-through, worked out from the course data and the learner's plan alone
// (not from the runtime's code): the answers in the order the learner gives them, the section progress as it changes,
// the score against the pass mark, and how each standard writes them down.
import type { Course, Question, ScenarioScreen, Screen } from '../../../course/model/types.ts';
import type { LearnerPlan } from './plan.ts';

export interface ExpectedAnswer {
  /** "<screen>.<question or step or item>", or "<film id>.<cue point>". */
  id: string;
  kind: 'choice' | 'likert';
  /** Option ids chosen (likert: the rating), in option order. */
  response: string[];
  /** Correct option ids in option order (scenarios: the helpful choices); none for likert. */
  correct: string[] | null;
  result: 'correct' | 'incorrect' | 'neutral';
  /** The question's text (the interaction's description). */
  description: string;
  /** All option ids in course order (SCORM 1.2 names options by position). */
  options: string[];
}

/** One thing the course reports, in order: an answer, a section's progress, or the course outcome changing. */
export type ExpectedReport =
  | { kind: 'answer'; answer: ExpectedAnswer }
  | { kind: 'progress'; sectionId: string; progress: number }
  | { kind: 'passed'; scaled: number }
  | { kind: 'completed' };

export interface ExpectedOutcome {
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
}

/** The score of the knowledge check's last attempt in the walk, against the course's pass mark. */
export function expectedOutcome(course: Course, plan: LearnerPlan): ExpectedOutcome {
  return attemptOutcome(course, plan.asked.at(-1) ?? []);
}

function attemptOutcome(course: Course, asked: LearnerPlan['asked'][number]): ExpectedOutcome {
  const bank = new Map(course.sections.flatMap((s) => s.screens).flatMap((s) => (s.type === 'knowledge-check' ? s.questions : [])).map((q) => [q.id, q]));
  const correct = asked.filter(({ questionId, answer }) => isRight(bank.get(questionId)!, answer)).length;
  const total = asked.length;
  return { correct, total, scaled: total === 0 ? 0 : correct / total, passed: total > 0 && correct * 100 >= course.completion.passMark * total };
}

/**
 * Every report of a walk through all screens in order with the plan. A section's progress is reported when one more
 * of its screens is done: read-only screens on arrival, the film once watched, a scenario at its end, a rating screen
 * once every item has a rating, a check once decided (passed, or the last attempt below the mark). "completed" comes
 * with the arrival on the last screen, and "passed" with it: a pass is reported only once the course's completion rule
 * is met (issue 12.5); an attempt below the mark reports nothing but its answers (not failed while another is left).
 */
export function expectedReports(course: Course, plan: LearnerPlan): ExpectedReport[] {
  const reports: ExpectedReport[] = [];
  const done = new Set<string>();
  const outcome = expectedOutcome(course, plan);
  const sectionOf = (screen: Screen) => course.sections.find((s) => s.screens.includes(screen))!;
  const markDone = (screen: Screen): void => {
    done.add(screen.id);
    const section = sectionOf(screen);
    reports.push({ kind: 'progress', sectionId: section.id, progress: section.screens.filter((s) => done.has(s.id)).length / section.screens.length });
  };
  const screens = course.sections.flatMap((s) => s.screens);
  for (const screen of screens) {
    switch (screen.type) {
      case 'welcome':
      case 'voices':
      case 'reflection':
        markDone(screen);
        break;
      case 'summary':
        markDone(screen);
        if (outcome.passed || course.completion.rule === 'all-sections') reports.push({ kind: 'completed' });
        if (outcome.passed) reports.push({ kind: 'passed', scaled: outcome.scaled });
        break;
      case 'confidence': {
        const items = course.confidence.items;
        // The LMS hears the rating each item settled on (not the points arrowed through on the way), then the
        // screen's progress, all when the learner moves on.
        for (const item of items) {
          reports.push({ kind: 'answer', answer: likert(`${screen.id}.${item.id}`, item.statement, plan.confidence[screen.phase][item.id]!, course.confidence.scaleLabels.length) });
        }
        markDone(screen);
        break;
      }
      case 'film':
        for (const cue of [...course.film.cuePoints].sort((a, b) => a.at - b.at)) {
          for (const attempt of plan.attempts[cue.question.id] ?? []) reports.push({ kind: 'answer', answer: questionAnswer(`${course.film.id}.${cue.id}`, cue.question, attempt) });
        }
        markDone(screen);
        break;
      case 'scenario':
        reports.push(...scenarioAnswers(screen, plan.scenarios[screen.id] ?? []).map((answer) => ({ kind: 'answer' as const, answer })));
        markDone(screen);
        break;
      case 'knowledge-check':
        // Each attempt's answers as asked; the check is done once decided (passed, or the last attempt below the mark).
        plan.asked.forEach((asked, attempt) => {
          asked.forEach(({ questionId, answer }, n) => {
            const question = screen.questions.find((q) => q.id === questionId)!;
            reports.push({ kind: 'answer', answer: questionAnswer(`${screen.id}.${question.id}`, question, answer) });
            if (n !== asked.length - 1) return;
            if (attemptOutcome(course, asked).passed || attempt === screen.attempts - 1) markDone(screen);
          });
        });
        break;
    }
  }
  return reports;
}

export function expectedAnswers(course: Course, plan: LearnerPlan): ExpectedAnswer[] {
  return expectedReports(course, plan).flatMap((report) => (report.kind === 'answer' ? [report.answer] : []));
}

function likert(id: string, statement: string, rating: number, points: number): ExpectedAnswer {
  return { id, kind: 'likert', response: [String(rating)], correct: null, result: 'neutral', description: statement, options: Array.from({ length: points }, (_, i) => String(i + 1)) };
}

function questionAnswer(id: string, question: Question, attempt: string[]): ExpectedAnswer {
  const options = question.options.map((o) => o.id);
  return {
    id,
    kind: 'choice',
    response: options.filter((o) => attempt.includes(o)),
    correct: question.options.filter((o) => o.correct).map((o) => o.id),
    result: isRight(question, attempt) ? 'correct' : 'incorrect',
    description: question.prompt,
    options,
  };
}

function scenarioAnswers(screen: ScenarioScreen, path: readonly string[]): ExpectedAnswer[] {
  const answers: ExpectedAnswer[] = [];
  let stepId: string | null = screen.start;
  for (const choiceId of path) {
    const step = screen.steps.find((s) => s.id === stepId)!;
    const choice = step.choices.find((c) => c.id === choiceId)!;
    answers.push({
      id: `${screen.id}.${step.id}`,
      kind: 'choice',
      response: [choice.id],
      correct: step.choices.filter((c) => c.quality === 'helpful').map((c) => c.id),
      // A helpful choice is the right one, an unhelpful one wrong; a partly helpful one is neither.
      result: choice.quality === 'helpful' ? 'correct' : choice.quality === 'unhelpful' ? 'incorrect' : 'neutral',
      description: step.question,
      options: step.choices.map((c) => c.id),
    });
    stepId = choice.next;
  }
  return answers;
}

function isRight(question: Question, attempt: readonly string[]): boolean {
  const correct = question.options.filter((o) => o.correct).map((o) => o.id);
  return attempt.length === correct.length && attempt.every((id) => correct.includes(id));
}

// --- SCORM's written forms ------------------------------------------------------------------------------------------

/** SCORM 1.2 identifiers (CMIIdentifier): letters, digits, "-" and "_" only. */
export function scorm12Id(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** SCORM 1.2 choice responses name options by position: a, b, c … (CMIFeedback for "choice"). */
export function scorm12Letters(answer: ExpectedAnswer, ids: readonly string[]): string {
  return ids.map((id) => 'abcdefghijklmnopqrstuvwxyz0123456789'[answer.options.indexOf(id)]).join(',');
}

/** A score 0..1 as SCORM writes it: scaled to four places, raw 0..100 to two, without trailing zeros. */
export function scoreStrings(scaled: number): { scaled: string; raw: string } {
  return { scaled: String(Number(scaled.toFixed(4))), raw: String(Number((scaled * 100).toFixed(2))) };
}

/** Seconds in a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS), or null when it is not one. */
export function scorm12Seconds(value: string): number | null {
  const match = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(value);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(`${match[3]}${match[4] ?? ''}`) : null;
}

/** Seconds in an ISO 8601 duration of the form SCORM 2004 and xAPI use (PnYnMnDTnHnMnS, no weeks), or null. */
export function isoSeconds(value: string): number | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [, y, mo, d, h, mi, s] = match;
  if (Number(y ?? 0) > 0 || Number(mo ?? 0) > 0) return null; // a course session is never that long
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0);
}
