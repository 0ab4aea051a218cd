// The knowledge check, one question at a time (GOV.UK's "one thing per page"). Each attempt asks the questions the
// learner's seed draws for it, options in the learner's own order. After "Check your answer" the question shows
// feedback for the chosen option only (never a page of every option's feedback), and focus moves to it: one event,
// one focus move, nothing also said in the live region. A wrong answer's feedback says why it is not the best answer
// without naming the right one, until the question can no longer be retaken (the check is passed, or this is the
// last attempt). After the attempt's last question comes the result; below the pass mark, the next attempt draws
// new questions, until the attempts run out.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KnowledgeCheckScreen as CheckData, Question } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { usePageStrings } from '../../player/app/use-page-strings.ts';
import { correctOptionIds, isAnswerCorrect, percent } from '../../player/logic/knowledge.ts';
import { checkStatus, optionOrder, type CheckStatus } from '../../player/logic/knowledge-draw.ts';
import { ChoiceGroup, inputId } from '../../player/components/ChoiceGroup.tsx';
import { ErrorSummary } from '../../player/components/ErrorSummary.tsx';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { Icon } from '../../player/components/Icon.tsx';
import { SourcesNote } from '../../player/components/SourcesNote.tsx';
import '../../player/styles/questions.css';

export function KnowledgeCheckScreen({ screen }: { screen: CheckData }) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const { course } = session.config;
  const status = checkStatus(course, screen, session.state);
  // The question whose feedback is on show: it stays until the learner moves on with "Next question".
  const [reviewing, setReviewing] = useState<string | null>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const next = status.questions.find((q) => (session.state.attempts[q.id] ?? 0) === 0) ?? null;
  const current = status.questions.find((q) => q.id === reviewing) ?? next;
  const showResult = current === null && status.complete;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (showResult ? resultHeading : questionHeading).current?.focus();
  }, [current?.id, showResult, status.attempt]);

  const moveOn = (): void => {
    moved.current = true;
    setReviewing(null);
  };
  const passCount = Math.ceil((course.completion.passMark * status.questions.length) / 100);
  return (
    <>
      <Paragraphs text={screen.body} />
      <p class="body-strong">{t.knowledge.rules(status.questions.length, passCount, status.maxAttempts)}</p>
      {current && (
        <QuestionPage
          key={`${status.attempt}:${current.id}`}
          question={current}
          status={status}
          headingRef={questionHeading}
          onAnswered={() => setReviewing(current.id)}
          onNext={moveOn}
        />
      )}
      {showResult && (
        <Result
          status={status}
          headingRef={resultHeading}
          onRetake={() => {
            moved.current = true;
            session.dispatch({ type: 'retake-check', screenId: screen.id });
          }}
        />
      )}
      <SourcesNote ids={screen.questions.flatMap((q) => q.sources ?? [])} />
    </>
  );
}

interface QuestionPageProps {
  question: Question;
  status: CheckStatus;
  headingRef: { current: HTMLHeadingElement | null };
  onAnswered(): void;
  onNext(): void;
}

function QuestionPage({ question, status, headingRef, onAnswered, onNext }: QuestionPageProps) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const saved = session.state.answers[question.id];
  const answered = saved !== undefined && (session.state.attempts[question.id] ?? 0) > 0;
  const [selected, setSelected] = useState<string[]>(saved ?? []);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const feedbackRef = useRef<HTMLHeadingElement>(null);
  const [justAnswered, setJustAnswered] = useState(false);
  const options = optionOrder(question, session.state.seed);
  const name = `question-${question.id}`;
  const index = status.questions.indexOf(question);

  useEffect(() => {
    if (justAnswered) feedbackRef.current?.focus();
  }, [justAnswered]);

  const submit = (event: Event): void => {
    event.preventDefault();
    if (answered) return;
    if (selected.length === 0) {
      setError(question.kind === 'single' ? t.form.chooseOne : t.form.chooseAtLeastOne);
      return;
    }
    setError(null);
    session.dispatch({ type: 'answer', questionId: question.id, optionIds: selected, latencyMs: Math.round(performance.now() - shownAt.current) });
    onAnswered();
    setJustAnswered(true);
  };

  const headingId = `${name}-heading`;
  const last = index === status.questions.length - 1;
  return (
    <form class="question" onSubmit={submit} noValidate>
      {error && <ErrorSummary errors={[{ fieldId: inputId(name, options[0]?.id ?? ''), message: error }]} />}
      <ChoiceGroup
        name={name}
        type={question.kind === 'single' ? 'radio' : 'checkbox'}
        legend={
          <>
            <span class="caption">{t.knowledge.position(status.attempt, status.maxAttempts, index + 1, status.questions.length)}</span>
            <h2 class="fieldset__heading" id={headingId} tabIndex={-1} ref={headingRef}>
              {question.prompt}
            </h2>
          </>
        }
        options={options.map((o) => ({ value: o.id, label: o.text }))}
        selected={selected}
        onChange={(values) => {
          setSelected(values);
          if (error) setError(null);
        }}
        error={error}
        disabled={answered}
      />
      {!answered && (
        <button type="submit" class="button">
          {t.knowledge.check}
        </button>
      )}
      {answered && saved && <Feedback question={question} chosen={saved} status={status} headingRef={feedbackRef} />}
      {answered && (
        <button type="button" class="button" onClick={onNext}>
          {last ? t.knowledge.seeResult : t.knowledge.next}
        </button>
      )}
    </form>
  );
}

/** Whether a question of this check may show its right answer: the check is over, or this is its last attempt. */
function mayReveal(status: CheckStatus): boolean {
  return status.passed || status.attempt >= status.maxAttempts;
}

interface FeedbackProps {
  question: Question;
  chosen: string[];
  status: CheckStatus;
  /** Where focus goes after "Check your answer"; without it (the review list) the verdict is not a heading, so the
   * page does not repeat one "Correct" heading per question. */
  headingRef?: { current: HTMLHeadingElement | null };
}

function Feedback({ question, chosen, status, headingRef }: FeedbackProps) {
  const t = usePageStrings();
  const right = isAnswerCorrect(question, chosen);
  const picked = question.options.filter((o) => chosen.includes(o.id));
  const best = question.options.filter((o) => correctOptionIds(question).includes(o.id));
  const answerText = picked.map((o) => o.text).join('; ');
  // The right answer once it can no longer be retaken: when right, or on the last attempt (or once passed).
  const reveal = right || mayReveal(status);
  return (
    <div class={`feedback feedback--${right ? 'correct' : 'incorrect'}`}>
      {headingRef ? (
        <h3 class="feedback__title" tabIndex={-1} ref={headingRef}>
          <Icon name={right ? 'tick' : 'cross'} />
          {right ? t.knowledge.correct : t.knowledge.incorrect}
        </h3>
      ) : (
        <p class="feedback__title body-strong">
          <Icon name={right ? 'tick' : 'cross'} />
          {right ? t.knowledge.correct : t.knowledge.incorrect}
        </p>
      )}
      <p>{picked.length > 1 ? t.knowledge.yourAnswers(answerText) : t.knowledge.yourAnswer(answerText)}</p>
      {picked.map((option) => (
        <p key={option.id}>{option.feedback}</p>
      ))}
      {!right && reveal && <p class="body-strong">{t.knowledge.bestAnswer(best.map((o) => o.text).join('; '))}</p>}
      {reveal && question.explanation && <p>{question.explanation}</p>}
      {!right && !reveal && <p class="secondary-text">{t.knowledge.notYet}</p>}
    </div>
  );
}

function Result({ status, headingRef, onRetake }: { status: CheckStatus; headingRef: { current: HTMLHeadingElement | null }; onRetake(): void }) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const { course } = session.config;
  const total = status.questions.length;
  return (
    <section class="result" aria-labelledby="check-result-heading">
      <div class={`callout ${status.passed ? 'callout--success' : 'callout--warning'}`}>
        <h2 class="callout__title" id="check-result-heading" tabIndex={-1} ref={headingRef}>
          <Icon name={status.passed ? 'tick' : 'warning'} />
          {t.knowledge.resultHeading}
        </h2>
        <p>{t.knowledge.score(status.correct, total, percent(status.correct / Math.max(1, total)))}</p>
        <p>{t.knowledge.passMark(course.completion.passMark)}</p>
        <p class="body-strong">
          {status.passed
            ? t.knowledge.passed
            : status.failedForGood
              ? t.knowledge.failedForGood(status.maxAttempts)
              : t.knowledge.notPassedRetake(status.maxAttempts - status.attempt)}
        </p>
      </div>
      {status.canRetake && !session.readOnly && (
        <button type="button" class="button" onClick={onRetake}>
          {t.knowledge.retake(status.attempt + 1, status.maxAttempts)}
        </button>
      )}
      {(status.passed || status.failedForGood) && (
        <>
          <h2>{t.knowledge.reviewHeading}</h2>
          <ol class="list list--number review">
            {status.questions.map((question) => (
              <li key={question.id}>
                <p class="body-strong">{question.prompt}</p>
                <Feedback question={question} chosen={session.state.answers[question.id] ?? []} status={status} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
