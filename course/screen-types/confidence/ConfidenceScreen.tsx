// The confidence self-rating, before or after: one fieldset per statement, a radio per point of the scale with its
// label. Each choice is saved as it is made; there is nothing to submit.
import { useRef } from 'preact/hooks';
import type { ConfidenceScreen as ConfidenceData } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { useStrings } from '../../player/app/use-strings.ts';
import { ChoiceGroup } from '../../player/components/ChoiceGroup.tsx';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';

export function ConfidenceScreen({ screen }: { screen: ConfidenceData }) {
  const { session } = usePlayer();
  const t = useStrings();
  const { confidence } = session.config.course;
  const ratings = session.state.confidence[screen.phase];
  const shownAt = useRef(performance.now());
  const options = confidence.scaleLabels.map((label, i) => ({ value: String(i + 1), label }));
  return (
    <>
      <p class="lead">{t.confidence.intro[screen.phase]}</p>
      <Paragraphs text={screen.body} />
      {confidence.items.map((item) => {
        const rating = ratings[item.id];
        return (
          <ChoiceGroup
            key={item.id}
            name={`${screen.id}-${item.id}`}
            type="radio"
            legend={item.statement}
            legendSize="s"
            options={options}
            selected={rating === undefined ? [] : [String(rating)]}
            onChange={([value]) =>
              session.dispatch({
                type: 'rate-confidence',
                phase: screen.phase,
                itemId: item.id,
                rating: Number(value),
                latencyMs: Math.round(performance.now() - shownAt.current),
              })
            }
          />
        );
      })}
    </>
  );
}
