// The facilitator's guide: a printable resource page, reached from the welcome screen, the reflection screen and the
// summary, never a section a learner must complete. Made from the course data: the ground rules (with the
// safeguarding exception), a one-to-one and a team plan, the film's chapters, each scenario with its discussion
// questions and what good looks like, and the reflection prompts. One heading per scenario, with the scenario's
// name in its sub-headings, so a screen reader's list of headings tells them apart; no region per scenario, so the
// landmarks stay few.
import type { ScenarioScreen } from '../../model/types.ts';
import { useHeadingFocus, usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';
import { screensOfType } from '../logic/course-map.ts';
import { findStep } from '../logic/scenario.ts';
import { formatClock } from '../logic/webvtt.ts';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { PrintButton } from '../components/PrintButton.tsx';
import { BackToCourse } from './BackToCourse.tsx';
import { useChapters } from '../components/use-chapters.ts';
import '../styles/documents.css';

export function SupervisionGuide({ onClose }: { onClose(): void }) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const { course } = session.config;
  const guide = course.supervisionGuide;
  const chapters = useChapters(course.film.chapters);
  const scenarios = screensOfType(session.map, 'scenario');
  const reflections = screensOfType(session.map, 'reflection');
  return (
    <article class="printable guide" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1} ref={heading}>
        {guide.title}
      </h1>
      <Paragraphs text={guide.intro} />
      <PrintButton label={t.guide.print} />

      <h2>{t.guide.groundRulesHeading}</h2>
      <ul class="list list--bullet">
        {guide.groundRules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
      </ul>

      {guide.plans.map((plan) => (
        <div key={plan.id}>
          <h2 id={`plan-${plan.id}`}>{plan.title}</h2>
          <p>{plan.forWhom}</p>
          <ol class="list list--number">
            {plan.steps.map((step, i) => (
              <li key={i}>
                <span class="body-strong">{t.guide.minutes(step.minutes)}</span> {step.text}
              </li>
            ))}
          </ol>
        </div>
      ))}

      <h2>{t.guide.filmHeading}</h2>
      <p>{t.guide.filmLine(course.film.title, formatClock(course.film.durationSeconds))}</p>
      {chapters.kind === 'loading' && <p class="hint">{t.guide.chaptersLoading}</p>}
      {chapters.kind === 'failed' && <p class="hint">{t.guide.chaptersFailed}</p>}
      {chapters.kind === 'ready' && chapters.cues.length > 0 && (
        <ol class="list list--number">
          {chapters.cues.map((cue, i) => (
            <li key={i}>
              {cue.text} <span class="secondary-text">({t.film.chapterAt(formatClock(cue.start))})</span>
            </li>
          ))}
        </ol>
      )}

      <h2>{t.guide.scenariosHeading}</h2>
      {scenarios.map((scenario) => (
        <GuideScenario key={scenario.id} scenario={scenario} />
      ))}

      <h2>{t.guide.reflectionsHeading}</h2>
      <p>{session.config.variant.reflections === 'shared' ? t.guide.reflectionsIntroShared : t.guide.reflectionsIntro}</p>
      <ol class="list list--number">
        {reflections.flatMap((reflection) =>
          reflection.prompts.map((prompt) => (
            <li key={prompt.id}>
              {prompt.prompt}
              {prompt.hint && <span class="secondary-text"> {prompt.hint}</span>}
            </li>
          )),
        )}
      </ol>

      <h2>{t.guide.wellbeingHeading}</h2>
      <Paragraphs text={guide.wellbeing} />
      <BackToCourse onClose={onClose} />
    </article>
  );
}

function GuideScenario({ scenario }: { scenario: ScenarioScreen }) {
  const t = usePageStrings();
  const opening = findStep(scenario, scenario.start);
  return (
    <div class="guide__scenario">
      <h3 id={`guide-${scenario.id}`}>{scenario.title}</h3>
      <p class="secondary-text">{t.scenario.setting(scenario.setting)}</p>
      {opening && <p>{opening.situation}</p>}
      <h4>{t.guide.discussionHeading(scenario.title)}</h4>
      <ul class="list list--bullet">
        {scenario.discussion.map((question, i) => (
          <li key={i}>{question}</li>
        ))}
      </ul>
      <h4>{t.guide.goodHeading(scenario.title)}</h4>
      <p>{scenario.whatGoodLooksLike}</p>
    </div>
  );
}
