// The end of the course: whether it is complete (and what is left if not), the knowledge check's result, how
// confidence changed from the start, the certificate, and finishing the attempt in the LMS. Nothing here says more
// than the learner's state holds: the heading comes from the state, never "Well done" to someone not finished.
import { useRef, useState } from 'preact/hooks';
import type { SummaryScreen as SummaryData } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { usePageStrings } from '../../player/app/use-page-strings.ts';
import { completionBlockers } from '../../player/logic/outcome.ts';
import { screensOfType } from '../../player/logic/course-map.ts';
import { checkProgress, percent } from '../../player/logic/knowledge.ts';
import { averageChange, confidenceChanges, ratingLabel } from '../../player/logic/confidence.ts';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { Icon } from '../../player/components/Icon.tsx';
import { SupportPanel } from '../../player/components/SupportPanel.tsx';
import { useRespond } from '../../player/components/respond.ts';
import { ResourceLinks } from '../../player/components/ResourceLinks.tsx';
import '../../player/styles/documents.css';

export function SummaryScreen({ screen }: { screen: SummaryData }) {
  const { session, openView, goTo, connection } = usePlayer();
  const respond = useRespond();
  const finishedRef = useRef<HTMLParagraphElement>(null);
  const t = usePageStrings();
  const standalone = connection.state === 'standalone';
  const finishedText = standalone ? t.summary.finishedStandalone : t.summary.finished;
  const { course } = session.config;
  const outcome = session.outcome;
  const blockers = completionBlockers(course, session.state);
  const checks = screensOfType(session.map, 'knowledge-check');
  const firstCheck = checks[0];
  const [finishing, setFinishing] = useState<'no' | 'busy' | 'done'>(session.ended ? 'done' : 'no');

  const finish = (): void => {
    if (finishing !== 'no') return;
    setFinishing('busy');
    void session.finish().finally(() => {
      setFinishing('done');
      // The button is replaced by the message: focus moves to it (never left to fall to the page's body).
      respond({ focus: finishedRef, message: [finishedText] });
    });
  };

  return (
    <>
      <div class={`callout ${outcome.completed ? 'callout--success' : 'callout--warning'}`}>
        <h2 class="callout__title">
          <Icon name={outcome.completed ? 'tick' : 'warning'} />
          {outcome.completed ? t.summary.completedTitle : blockers.failedForGood ? t.summary.failedTitle : t.summary.notCompletedTitle}
        </h2>
        {blockers.failedForGood && firstCheck && <p>{t.knowledge.failedForGood(firstCheck.attempts)}</p>}
        {!outcome.completed && !blockers.failedForGood && (blockers.sections.length > 0 || blockers.passNeeded) && (
          <>
            <p>{t.summary.stillToDo}</p>
            <ul class="list list--bullet">
              {blockers.passNeeded && firstCheck && (
                <li>
                  <button type="button" class="link-button" onClick={() => goTo(firstCheck.id)}>
                    {t.summary.passNeeded(course.completion.passMark)}
                  </button>
                </li>
              )}
              {blockers.sections.map((section) => {
                const firstOpen = section.screens.find((s) => !session.state.completedScreens.includes(s.id)) ?? section.screens[0];
                return (
                  <li key={section.id}>
                    <button type="button" class="link-button" onClick={() => firstOpen && goTo(firstOpen.id)}>
                      {t.summary.goTo(section.title)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <Paragraphs text={screen.body} />

      {checks.map((check) => {
        const status = checkProgress(course, check, session.state);
        const total = status.total;
        return (
          <div key={check.id}>
            <h2 id={`summary-${check.id}`}>{t.summary.scoreHeading}</h2>
            {!status.complete ? (
              <p>{status.answered === 0 && status.attempt === 1 ? t.summary.noScore : t.summary.attemptInProgress(status.attempt, status.maxAttempts, status.answered, total)}</p>
            ) : (
              <>
                <p>{t.knowledge.score(status.correct, total, percent(status.correct / Math.max(1, total)))}</p>
                <p>{t.knowledge.passMark(course.completion.passMark)}</p>
                <p class="body-strong">
                  {status.passed ? t.knowledge.passed : status.failedForGood ? t.summary.failedTitle : t.knowledge.notPassedRetake(status.maxAttempts - status.attempt)}
                </p>
              </>
            )}
          </div>
        );
      })}

      <ConfidenceChangeTable />

      <h2>{t.summary.certificateHeading}</h2>
      {outcome.completed ? (
        <>
          <p>{t.summary.certificateReady}</p>
          <button type="button" class="button button--secondary" onClick={() => openView('certificate')}>
            {t.summary.viewCertificate}
          </button>
        </>
      ) : (
        <p>{t.summary.certificateLater}</p>
      )}

      {outcome.completed && !session.readOnly && (
        <div class="finish">
          {finishing === 'done' ? (
            <p class="callout callout--success" tabIndex={-1} ref={finishedRef}>
              {finishedText}
            </p>
          ) : (
            <>
              <p class="hint">{standalone ? t.summary.finishHintStandalone : t.summary.finishHint}</p>
              {/* aria-disabled, not disabled: a browser may take focus off a disabled button, and it would fall to the page. */}
              <button type="button" class="button" onClick={finish} aria-disabled={finishing === 'busy' ? 'true' : undefined}>
                {finishing === 'busy' ? t.summary.finishing : t.summary.finish}
              </button>
            </>
          )}
        </div>
      )}
      <SupportPanel />
      <ResourceLinks />
    </>
  );
}

/** Before and after per statement. At narrow widths each row stacks, with its column names shown beside each value. */
function ConfidenceChangeTable() {
  const { session } = usePlayer();
  const t = usePageStrings();
  const { confidence } = session.config.course;
  const changes = confidenceChanges(confidence, session.state);
  const average = averageChange(changes);
  const rated = (n: number | null): string => (n === null ? t.summary.notRated : t.summary.rating(ratingLabel(confidence, n) ?? '', n));
  return (
    <>
      <h2>{t.summary.confidenceHeading}</h2>
      {average === null ? (
        <p>{t.summary.confidenceNone}</p>
      ) : (
        <>
          <p>{t.summary.averageChange(average)}</p>
          <table class="table table--responsive">
            <thead>
              <tr>
                <th scope="col">{t.summary.statement}</th>
                <th scope="col">{t.summary.before}</th>
                <th scope="col">{t.summary.after}</th>
                <th scope="col">{t.summary.change}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.itemId}>
                  <th scope="row">
                    <span class="table__heading" aria-hidden="true">
                      {t.summary.statement}
                    </span>
                    {change.statement}
                  </th>
                  <td>
                    <span class="table__heading" aria-hidden="true">
                      {t.summary.before}
                    </span>
                    {rated(change.before)}
                  </td>
                  <td>
                    <span class="table__heading" aria-hidden="true">
                      {t.summary.after}
                    </span>
                    {rated(change.after)}
                  </td>
                  <td>
                    <span class="table__heading" aria-hidden="true">
                      {t.summary.change}
                    </span>
                    {change.change === null ? t.summary.notRated : t.summary.changeText(change.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
