// The course-logic tier's registry: each screen type's rules (<type>/rules.ts), and who applies each action. The
// reducer (player/state/reduce.ts), the completion checks (player/logic/screen-completion.ts) and the report's
// question list (tools/report/course-questions.ts) read the types through it alone. Both tables are typed whole, so
// a screen type without rules or an action without its rule is a type error.
import type { Course } from '../model/types.ts';
import type { ListedInteraction, ReportedInteractions } from './interactions.ts';
import type { ActionRules, ScreenAction, ScreenRules } from './screen-type-rules.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';
import { answerRule } from './question-rules.ts';
import { welcomeRules } from './welcome/rules.ts';
import { filmActions, filmInteractions, filmQuestions, filmRules } from './film/rules.ts';
import { voicesRules } from './voices/rules.ts';
import { scenarioActions, scenarioInteractions, scenarioRules } from './scenario/rules.ts';
import { knowledgeCheckActions, knowledgeCheckInteractions, knowledgeCheckQuestions, knowledgeCheckRules } from './knowledge-check/rules.ts';
import { reflectionActions, reflectionRules } from './reflection/rules.ts';
import { confidenceActions, confidenceInteractions, confidenceRules } from './confidence/rules.ts';
import { summaryRules } from './summary/rules.ts';

export const screenRules: { [T in ScreenType]: ScreenRules<T> } = {
  welcome: welcomeRules,
  film: filmRules,
  voices: voicesRules,
  scenario: scenarioRules,
  'knowledge-check': knowledgeCheckRules,
  reflection: reflectionRules,
  confidence: confidenceRules,
  summary: summaryRules,
};

/** Every action on a screen, applied by the type that owns it; an answer, by whichever type asked the question. */
export const screenActions: ActionRules<ScreenAction['type']> = {
  ...scenarioActions,
  ...knowledgeCheckActions,
  ...filmActions,
  ...reflectionActions,
  ...confidenceActions,
  answer: answerRule({ 'knowledge-check': knowledgeCheckQuestions, film: filmQuestions }),
};

/** The rules of a screen's own type (the table pairs each type with its rules, which TypeScript cannot follow). */
export function rulesOf<T extends ScreenType>(screen: ScreenOf<T>): ScreenRules<T> {
  return screenRules[screen.type as T];
}

/**
 * The interactions each type reports, as the report lists them (the player makes each one as it is answered); null
 * for a type that reports none.
 */
export const reportedInteractions: { [T in ScreenType]: ReportedInteractions<T> | null } = {
  welcome: null,
  film: filmInteractions,
  voices: null,
  scenario: scenarioInteractions,
  'knowledge-check': knowledgeCheckInteractions,
  // A reflection's answers are the learner's own words: never an interaction, and never in a report.
  reflection: null,
  confidence: confidenceInteractions,
  summary: null,
};

/** Every interaction the course reports, in the order a report lists them: screen by screen, then the course's own. */
export function courseInteractions(course: Course): ListedInteraction[] {
  const ofScreens = course.sections.flatMap((section) =>
    section.screens.flatMap((screen) => (reportedInteractions[screen.type] as ReportedInteractions<ScreenType> | null)?.ofScreen(course, screen) ?? []),
  );
  const ofCourse = Object.values<{ ofCourse?(course: Course): ListedInteraction[] } | null>(reportedInteractions).flatMap((list) => list?.ofCourse?.(course) ?? []);
  return [...ofScreens, ...ofCourse];
}
