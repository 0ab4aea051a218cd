// One multiple-choice question: radios for single choice, checkboxes for multiple, a check button, and feedback per
// option. While attempts remain, a wrong answer shows only the feedback for what was chosen; once the question is
// settled (right, or no attempts left) every option shows whether it is correct, in words and with an icon.
import { useRef, useState } from 'preact/hooks';
import type { Question } from '../../model/types.ts';
import { usePlayer } from '../app/player-context.ts';
import { useStrings } from '../app/use-strings.ts';
import { canAttempt, isSettled, questionStatus } from '../logic/knowledge.ts';
import { ChoiceGroup, inputId } from './ChoiceGroup.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { Icon } from './Icon.tsx';
import { useRespond } from './respond.ts';
import '../styles/questions.css';

export interface QuestionBlockProps {
  question: Question;
  /** Shown above the prompt, e.g. "Question 2 of 5". */
  caption?: string;
  /** Heading level of the feedback, to fit the page outline. */
  headingLevel?: 2 | 3;
  /** Called after an answer was recorded (film questions continue playback from here). */
  onAnswered?(): void;
}

export function QuestionBlock({ question, caption, headingLevel = 3, onAnswered }: QuestionBlockProps) {
  const { session } = usePlayer();
  const respond = useRespond();
  const t = useStrings();
  const maxAttempts = session.config.course.limits.maxAttemptsPerQuestion;
  const status = questionStatus(question, session.state, maxAttempts);
  const saved = session.state.answers[question.id] ?? [];
  const [selected, setSelected] = useState<string[]>(saved);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const feedbackRef = useRef<HTMLHeadingElement>(null);
  const name = `question-${question.id}`;
  const open = canAttempt(status);
  const answered = status.kind !== 'unanswered';

  const submit = (event: Event): void => {
    event.preventDefault();
    if (selected.length === 0) {
      setError(question.kind === 'single' ? t.form.chooseOne : t.form.chooseAtLeastOne);
      return;
    }
    setError(null);
    session.dispatch({ type: 'answer', questionId: question.id, optionIds: selected, latencyMs: Math.round(performance.now() - shownAt.current) });
    const after = questionStatus(question, session.state, maxAttempts);
    const chosen = question.options.filter((o) => selected.includes(o.id));
    const verdict = after.kind === 'correct' ? t.question.correct : t.question.incorrect;
    shownAt.current = performance.now();
    // The check button goes away once the question is settled: focus moves to the result, whose heading names it.
    // While attempts remain, focus stays on the button and the live region says the result. Never both.
    respond({
      focus: isSettled(after) ? feedbackRef : undefined,
      message: [
        verdict,
        ...chosen.map((o) => o.feedback),
        after.kind === 'try-again' && `${t.question.attemptsLeft(after.attemptsLeft)} ${t.question.tryAgain}`,
        after.kind === 'incorrect' && t.question.noAttemptsLeft,
      ],
    });
    onAnswered?.();
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const settled = isSettled(status);
  const correctIds = new Set(question.options.filter((o) => o.correct).map((o) => o.id));

  return (
    <form class="question" onSubmit={submit} noValidate>
      {error && <ErrorSummary errors={[{ fieldId: inputId(name, question.options[0]?.id ?? ''), message: error }]} />}
      <ChoiceGroup
        name={name}
        type={question.kind === 'single' ? 'radio' : 'checkbox'}
        legend={
          <>
            {caption && <span class="caption">{caption}</span>}
            {question.prompt}
          </>
        }
        options={question.options.map((o) => ({ value: o.id, label: o.text }))}
        selected={selected}
        onChange={(values) => {
          setSelected(values);
          if (error) setError(null);
        }}
        error={error}
        disabled={!open}
      />
      {open && (
        <button type="submit" class="button">
          {t.question.check}
        </button>
      )}
      {answered && (
        <div class={`feedback feedback--${status.kind === 'correct' ? 'correct' : 'incorrect'}`}>
          <Heading class="feedback__title" tabIndex={-1} ref={feedbackRef}>
            <Icon name={status.kind === 'correct' ? 'tick' : 'cross'} />
            {status.kind === 'correct' ? t.question.correct : t.question.incorrect}
          </Heading>
          {status.kind === 'try-again' && (
            <p>
              {t.question.attemptsLeft(status.attemptsLeft)} {t.question.tryAgain}
            </p>
          )}
          {status.kind === 'incorrect' && <p>{t.question.noAttemptsLeft}</p>}
          <ul class="feedback__options">
            {question.options
              .filter((option) => settled || saved.includes(option.id))
              .map((option) => (
                <li key={option.id} class="feedback__option">
                  <p class="feedback__option-title">
                    <strong>{option.text}</strong>
                    {saved.includes(option.id) && <span class="tag tag--grey">{t.question.yourAnswer}</span>}
                  </p>
                  {settled && (
                    <p class={`mark mark--${correctIds.has(option.id) ? 'correct' : 'incorrect'}`}>
                      <Icon name={correctIds.has(option.id) ? 'tick' : 'cross'} />
                      {correctIds.has(option.id) ? t.question.correctAnswer : t.question.notCorrect}
                    </p>
                  )}
                  <p>{option.feedback}</p>
                </li>
              ))}
          </ul>
        </div>
      )}
    </form>
  );
}
