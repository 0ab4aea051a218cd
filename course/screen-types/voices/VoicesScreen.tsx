// "In their own words": first-person accounts from people who use services and from staff. Each says plainly what it
// is: words a real person published in the campaign (with the source), or an account written for this course (a
// composite, not a real person). Done on visit, like any page that is only read.
import type { VoicesScreen as VoicesData } from '../../model/types.ts';
import { usePageStrings } from '../../player/app/use-page-strings.ts';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { SourcesNote, citedIn } from '../../player/components/SourcesNote.tsx';

export function VoicesScreen({ screen }: { screen: VoicesData }) {
  const t = usePageStrings();
  return (
    <>
      <Paragraphs text={screen.body} />
      {screen.voices.map((voice) => (
        <figure class={`voice voice--${voice.perspective}`} key={voice.id} aria-labelledby={`voice-${voice.id}`}>
          <h2 class="voice__speaker" id={`voice-${voice.id}`}>
            {voice.speaker}
          </h2>
          <p class="voice__kind secondary-text">
            {t.voices[voice.perspective]}. {voice.kind === 'quoted' ? t.voices.quoted : t.voices.composite}.
          </p>
          <blockquote class="voice__text">
            <Paragraphs text={voice.text} />
          </blockquote>
        </figure>
      ))}
      <SourcesNote ids={citedIn(screen)} />
    </>
  );
}
