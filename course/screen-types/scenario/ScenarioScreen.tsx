// A branching scenario. The steps already taken stay on the page (situation, the choice made, what happened and the
// feedback), and the step now waiting for a choice is a form below them. Each choice's quality is told in words and
// with an icon, never by colour alone.
import { useRef, useState } from 'preact/hooks';
import type { ScenarioChoice, ScenarioScreen as ScenarioData } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { useStrings } from '../../player/app/use-strings.ts';
import { replayPath, type TakenStep } from '../../player/logic/scenario.ts';
import { ChoiceGroup, inputId } from '../../player/components/ChoiceGroup.tsx';
import { ErrorSummary } from '../../player/components/ErrorSummary.tsx';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { Icon, type IconName } from '../../player/components/Icon.tsx';
import { useRespond } from '../../player/components/respond.ts';
import { SourcesNote, citedIn } from '../../player/components/SourcesNote.tsx';
import '../../player/styles/questions.css';

const QUALITY_ICON: Record<ScenarioChoice['quality'], IconName> = { helpful: 'tick', 'partly-helpful': 'partly', unhelpful: 'cross' };

export function ScenarioScreen({ screen }: { screen: ScenarioData }) {
  const { session } = usePlayer();
  const respond = useRespond();
  const t = useStrings();
  const progress = replayPath(screen, session.state.scenarioPaths[screen.id] ?? []);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const lastOutcomeRef = useRef<HTMLHeadingElement>(null);
  const current = progress.current;
  const name = `scenario-${screen.id}-${current?.id ?? 'end'}`;

  const submit = (event: Event): void => {
    event.preventDefault();
    if (!current) return;
    const choice = current.choices.find((c) => c.id === selected);
    if (!choice) {
      setError(t.form.chooseOne);
      return;
    }
    setError(null);
    setSelected(null);
    session.dispatch({ type: 'scenario-choose', screenId: screen.id, choiceId: choice.id, latencyMs: Math.round(performance.now() - shownAt.current) });
    shownAt.current = performance.now();
    // The form goes (the next step, or the end, replaces it): focus moves to the outcome's heading, which names
    // it, and the learner reads on from there. Nothing is announced as well.
    respond({ focus: lastOutcomeRef, message: [t.quality[choice.quality], choice.consequence, choice.feedback] });
  };

  return (
    <>
      <p class="caption-l">{t.scenario.setting(screen.setting)}</p>
      <Paragraphs text={screen.body} />
      <ol class="scenario-steps">
        {progress.taken.map((taken, i) => (
          <TakenStepView key={`${taken.step.id}-${i}`} taken={taken} number={i + 1} headingRef={i === progress.taken.length - 1 ? lastOutcomeRef : undefined} />
        ))}
        {current && (
          <li class="scenario-step">
            <h2 class="scenario-step__heading">{t.scenario.stepHeading(progress.taken.length + 1)}</h2>
            <Paragraphs text={current.situation} class="scenario-step__situation" />
            <form onSubmit={submit} noValidate>
              {error && <ErrorSummary errors={[{ fieldId: inputId(name, current.choices[0]?.id ?? ''), message: error }]} />}
              <ChoiceGroup
                key={current.id}
                name={name}
                type="radio"
                legend={current.question}
                options={current.choices.map((c) => ({ value: c.id, label: c.text }))}
                selected={selected ? [selected] : []}
                onChange={([value]) => {
                  setSelected(value ?? null);
                  if (error) setError(null);
                }}
                error={error}
              />
              <button type="submit" class="button">
                {t.scenario.choose}
              </button>
            </form>
          </li>
        )}
      </ol>
      {progress.ended && (
        <div class="scenario-end">
          <p class="body-strong">
            {t.scenario.ended}
          </p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              session.dispatch({ type: 'scenario-restart', screenId: screen.id });
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.scenario-step input')?.focus());
            }}
          >
            {t.scenario.restart}
          </button>
        </div>
      )}
      <SourcesNote ids={citedIn(screen)} />
    </>
  );
}

function TakenStepView({ taken, number, headingRef }: { taken: TakenStep; number: number; headingRef: { current: HTMLHeadingElement | null } | undefined }) {
  const t = useStrings();
  const { step, choice } = taken;
  return (
    <li class="scenario-step scenario-step--taken">
      <h2 class="scenario-step__heading">{t.scenario.stepHeading(number)}</h2>
      <Paragraphs text={step.situation} class="scenario-step__situation" />
      <p class="scenario-step__question">{step.question}</p>
      <p>
        <span class="body-strong">{t.scenario.youChose}</span> {choice.text}
      </p>
      <div class={`outcome outcome--${choice.quality}`}>
        <h3 class="outcome__title" tabIndex={-1} ref={headingRef}>
          <Icon name={QUALITY_ICON[choice.quality]} />
          {t.quality[choice.quality]}
        </h3>
        <p>
          <span class="body-strong">{t.scenario.whatHappened}</span> {choice.consequence}
        </p>
        <p>
          <span class="body-strong">{t.scenario.feedback}</span> {choice.feedback}
        </p>
      </div>
    </li>
  );
}
