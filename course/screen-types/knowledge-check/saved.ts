// What a knowledge check keeps: the answers to its bank's questions (the "q" slot, shared with the film's questions),
// the attempt under way ("k"), and, in the first check's section, the learner's seed ("s"), from which each attempt's
// draw and option order follow.
import type { Section } from '../../model/types.ts';
import { questionLayout, type ScreenTypeSaved } from '../screen-type-saved.ts';

export const knowledgeCheckSaved: ScreenTypeSaved<'knowledge-check'> = {
  lay(screen, at) {
    for (const question of screen.questions) at.layout.questions.push(questionLayout(question, screen.id));
    at.layout.checks.push({ screenId: screen.id, attempts: screen.attempts, perAttempt: Math.min(screen.questionsPerAttempt, screen.questions.length) });
    if (at.claim('seed')) at.layout.ownsSeed = true;
  },
  // What a check draws depends on its settings and on which outcome each question assesses. Left out where there is
  // no check, so every other section keeps the tag it had before checks drew from a bank (its saved progress still
  // restores after that update).
  structure: ({ section, layout }) =>
    layout.checks.length > 0 ? [layout.checks.map((c) => [c.screenId, c.attempts, c.perAttempt]), checkOutcomes(section)] : undefined,
};

function checkOutcomes(section: Section): (string | null)[][] {
  return section.screens.flatMap((screen) => (screen.type === 'knowledge-check' ? [screen.questions.map((q) => q.outcome ?? null)] : []));
}
