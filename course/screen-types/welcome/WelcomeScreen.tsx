// The first screen: what the course is for, the learning outcomes ("By the end you will be able to…"), what the
// learner will do, who can read their reflections, what the learning system records, support and the resources.
import type { WelcomeScreen as WelcomeData } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { Icon } from '../../player/components/Icon.tsx';
import { ResourceLinks } from '../../player/components/ResourceLinks.tsx';
import { privacyNoteFor } from '../../player/logic/privacy-note.ts';
import { useLazy } from '../../player/app/use-lazy.ts';
import { nextScreenId } from '../../player/logic/course-map.ts';

export function WelcomeScreen({ screen }: { screen: WelcomeData }) {
  const { t, session, goTo } = usePlayer();
  const { course, variant } = session.config;
  // The course gives its privacy note in two versions; only the one true for this package is shown, so a promise
  // of privacy never stands beside sharing.
  const shared = variant.reflections === 'shared';
  // A learner who has not started gets the way in straight after the introduction (a start page's pattern), not only
  // at the foot of a long page on a phone. The page's own Next stays at the foot.
  const next = nextScreenId(session.map, screen.id);
  const notStarted = session.state.completedScreens.every((id) => id === screen.id);
  return (
    <>
      <p class="lead">{course.description}</p>
      {next && notStarted && (
        <p>
          <button type="button" class="button welcome__start" onClick={() => goTo(next)}>
            {t.welcome.start} <Icon name="arrow-right" />
          </button>
        </p>
      )}
      <Paragraphs text={screen.body} />
      <p class="body-strong">{t.welcome.timeNeeded(course.durationMinutes)}</p>
      <h2>{t.welcome.outcomesHeading}</h2>
      <ul class="list list--bullet">
        {course.outcomes.map((outcome) => (
          <li key={outcome.id}>{outcome.text}</li>
        ))}
      </ul>
      <h2>{t.welcome.activitiesHeading}</h2>
      <ul class="list list--bullet">
        {screen.activities.map((activity, i) => (
          <li key={i}>{activity}</li>
        ))}
      </ul>
      <div class="card card--feature">
        <h2 class="card__heading">
          <Icon name="info" /> {shared ? t.welcome.privacyHeadingShared : t.welcome.privacyHeading}
        </h2>
        <Paragraphs text={privacyNoteFor(screen.privacyNote, variant)} />
        <h3>{t.welcome.trackingHeading}</h3>
        <Paragraphs text={screen.trackingNote} />
        <p>{t.welcome.savedTo(session.trackerSession.storage)}</p>
      </div>
      <FoldedSupport />
      <ResourceLinks />
    </>
  );
}

const loadSupport = () => import('../../player/components/SupportPanel.tsx').then((m) => m.SupportPanel);

/** The support contacts, folded away; fetched once the screen is up, since the first load is kept small. */
function FoldedSupport() {
  const support = useLazy('support-panel', loadSupport);
  return support.kind === 'ready' ? <support.component folded /> : null;
}
