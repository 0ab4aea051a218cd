// The knowledge check: each question answered and checked on its own (so attempts are per question), then the score
// against the pass mark once all are answered. A failed check can be taken again.
import { useState } from 'preact/hooks';
import type { KnowledgeCheckScreen as CheckData } from '../../types.ts';
import { usePlayer } from '../app/player-context.ts';
import { useStrings } from '../app/use-strings.ts';
import { isAnswerCorrect, questionStatus, canAttempt, percent } from '../logic/knowledge.ts';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { QuestionBlock } from '../components/QuestionBlock.tsx';
import { Icon } from '../components/Icon.tsx';
import '../styles/questions.css';

export function KnowledgeCheckScreen({ screen }: { screen: CheckData }) {
  const { session, announce } = usePlayer();
  const t = useStrings();
  const { course } = session.config;
  const state = session.state;
  const total = screen.questions.length;
  const answered = screen.questions.filter((q) => (state.attempts[q.id] ?? 0) > 0);
  const correct = answered.filter((q) => isAnswerCorrect(q, state.answers[q.id] ?? [])).length;
  const allAnswered = answered.length === total && total > 0;
  const passed = allAnswered && correct * 100 >= course.completion.passMark * total;
  const [round, setRound] = useState(0);
  const canImprove = screen.questions.some((q) => canAttempt(questionStatus(q, state, course.limits.maxAttemptsPerQuestion)));

  return (
    <>
      <Paragraphs text={screen.body} />
      <p class="body-strong">{t.knowledge.passMark(course.completion.passMark)}</p>
      {screen.questions.map((question, i) => (
        // Keyed by the round as well, so a retake starts each question with a clean form.
        <QuestionBlock
          key={`${question.id}:${round}`}
          question={question}
          caption={t.knowledge.questionNumber(i + 1, total)}
          headingLevel={2}
        />
      ))}
      <div class="score" role="status">
        {!allAnswered && <p>{t.knowledge.scoreSoFar(answered.length, total)}</p>}
        {allAnswered && (
          <div class={`callout ${passed ? 'callout--success' : 'callout--warning'}`}>
            <p class="callout__title">
              <Icon name={passed ? 'tick' : 'warning'} />
              {passed ? t.knowledge.passed : t.knowledge.notPassed}
            </p>
            <p>
              {t.knowledge.score(correct, total, percent(correct / total))} {t.knowledge.passMark(course.completion.passMark)}
            </p>
          </div>
        )}
      </div>
      {allAnswered && !passed && !canImprove && (
        <div class="retake">
          <p class="hint">{t.knowledge.retakeHint}</p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              session.dispatch({ type: 'retake-check', screenId: screen.id });
              setRound(round + 1);
              announce(t.knowledge.retakeHint);
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.question input')?.focus());
            }}
          >
            {t.knowledge.retake}
          </button>
        </div>
      )}
    </>
  );
}
