import type { WelcomeScreen as WelcomeData } from '../../types.ts';
import { usePlayer } from '../app/player-context.ts';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { Icon } from '../components/Icon.tsx';

export function WelcomeScreen({ screen }: { screen: WelcomeData }) {
  const { t, session } = usePlayer();
  const { course, variant } = session.config;
  // The course's privacy note describes the default, private reflections. A variant that shares them gets the
  // catalogue's plain account instead: a note promising privacy must never stand beside sharing.
  const shared = variant.reflections === 'shared';
  return (
    <>
      <p class="lead">{course.description}</p>
      <Paragraphs text={screen.body} />
      <p class="body-strong">{t.welcome.timeNeeded(course.durationMinutes)}</p>
      {screen.outcomes.length > 0 && (
        <>
          <h2>{t.welcome.outcomesHeading}</h2>
          <ul class="list list--bullet">
            {screen.outcomes.map((outcome, i) => (
              <li key={i}>{outcome}</li>
            ))}
          </ul>
        </>
      )}
      <div class="card card--feature">
        <h2 class="card__heading">
          <Icon name="info" /> {shared ? t.welcome.privacyHeadingShared : t.welcome.privacyHeading}
        </h2>
        {shared ? <p>{t.welcome.privacyShared(variant.organisation)}</p> : <Paragraphs text={screen.privacyNote} />}
        <p>{t.welcome.savedTo(session.trackerSession.storageDescription)}</p>
      </div>
    </>
  );
}
