// The facilitator's guide, made from the course data: the film and its chapters, each scenario with its discussion
// questions, and the reflection prompts. Printing it prints just the guide (the print stylesheet hides the rest).
import type { ScenarioScreen, SupervisionGuideScreen as GuideData } from '../../types.ts';
import { usePlayer } from '../app/player-context.ts';
import { useStrings } from '../app/use-strings.ts';
import { screensOfType } from '../logic/course-map.ts';
import { findStep } from '../logic/scenario.ts';
import { formatClock } from '../logic/webvtt.ts';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { PrintButton } from '../components/PrintButton.tsx';
import { useChapters } from '../components/use-chapters.ts';

export function SupervisionGuideScreen({ screen }: { screen: GuideData }) {
  const { session } = usePlayer();
  const t = useStrings();
  const { course } = session.config;
  const chapters = useChapters(course.film.chapters);
  const scenarios = screensOfType(session.map, 'scenario');
  const reflections = screensOfType(session.map, 'reflection');
  return (
    <div class="guide">
      <p class="lead">{t.guide.intro}</p>
      <Paragraphs text={screen.body} />
      <PrintButton label={t.guide.print} />

      <h2>{t.guide.aboutHeading}</h2>
      <p>{course.description}</p>

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
    </div>
  );
}

function GuideScenario({ scenario }: { scenario: ScenarioScreen }) {
  const t = useStrings();
  const opening = findStep(scenario, scenario.start);
  return (
    <section class="guide__scenario" aria-labelledby={`guide-${scenario.id}`}>
      <h3 id={`guide-${scenario.id}`}>{scenario.title}</h3>
      <p class="secondary-text">{t.scenario.setting(scenario.setting)}</p>
      {opening && <p>{opening.situation}</p>}
      {scenario.discussion.length > 0 && (
        <>
          <h4>{t.guide.discussionHeading}</h4>
          <ul class="list list--bullet">
            {scenario.discussion.map((question, i) => (
              <li key={i}>{question}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
