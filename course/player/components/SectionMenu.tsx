// The section menu: each section with its status in words and an icon (not colour alone), the current one marked.
// Choosing a section goes to its first screen not yet done. The frame draws it twice (a narrow frame's panel and a
// wide frame's column), only one of them displayed, so its heading's id is given.
import type { Section } from '../../model/types.ts';
import { usePlayer } from '../app/player-context.ts';
import { menuDoneScreens, sectionStatus, type SectionStatus } from '../logic/course-map.ts';
import { Icon, type IconName } from './Icon.tsx';
import { tickedOnceCourseComplete } from '../../screen-types/view.ts';
import { coursePartsOf } from '../app/course-parts.ts';
import { courseRules } from '../state/rules.ts';

const STATUS_ICON: Record<SectionStatus, IconName> = { completed: 'tick', 'in-progress': 'partly', 'not-started': 'circle' };

export function SectionMenu({ headingId, currentSectionId, onGo }: { headingId: string; currentSectionId: string; onGo(screenId: string): void }) {
  const { t, session } = usePlayer();
  const { sections } = session.config.course;
  const { state } = session;
  // The rules for a started or completed screen (state/rules.ts) come with the course's structure. Until it has come (a first launch, moments
  // after its first screen) the learner has done nothing yet, so nothing is started or completed.
  const structured = coursePartsOf(session.config).hasStructure();
  const done = menuDoneScreens(sections, state.completedScreens, structured && session.outcome.completed, tickedOnceCourseComplete);
  const started = new Set(structured ? session.map.entries.filter((e) => courseRules().isScreenStarted(e.screen, state)).map((e) => e.screen.id) : []);
  const completedCount = sections.filter((s) => sectionStatus(s, done, started, state.location) === 'completed').length;
  const statusText: Record<SectionStatus, string> = {
    completed: t.sectionStatus.completed,
    'in-progress': t.sectionStatus.inProgress,
    'not-started': t.sectionStatus.notStarted,
  };
  const target = (section: Section): string => (section.screens.find((s) => !done.has(s.id)) ?? section.screens[0])?.id ?? '';
  return (
    <nav class="section-menu" aria-labelledby={headingId}>
      <h2 class="section-menu__heading" id={headingId}>
        {t.app.menuLabel}
      </h2>
      <p class="section-menu__count">{t.app.sectionsDone(completedCount, sections.length)}</p>
      <ol class="section-menu__list">
        {sections.map((section) => {
          const status = sectionStatus(section, done, started, state.location);
          const current = section.id === currentSectionId;
          return (
            <li key={section.id} class={`section-menu__item section-menu__item--${status}${current ? ' section-menu__item--current' : ''}`}>
              <button type="button" class="section-menu__link" aria-current={current ? 'step' : undefined} onClick={() => onGo(target(section))}>
                <Icon name={STATUS_ICON[status]} class="section-menu__icon" />
                <span class="section-menu__title">{section.title}</span>
                <span class="section-menu__status">{current ? t.app.currentSection(statusText[status]) : statusText[status]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
