// What the film keeps, with the section of the course's first film screen: the position and the seconds played ("f"),
// and the answers to its cue point questions (the "q" slot, shared with the knowledge checks). The questions are
// asked on the film screen, so they are kept (and restarted) with its section, after that section's checks' questions.
import { questionLayout, type ScreenTypeSaved } from '../screen-type-saved.ts';

export const filmSaved: ScreenTypeSaved<'film'> = {
  lay(_screen, at) {
    if (at.claim('film')) at.layout.ownsFilm = true;
  },
  closeSection(at) {
    if (at.layout.ownsFilm) for (const cue of at.course.film.cuePoints) at.layout.questions.push(questionLayout(cue.question, null));
  },
  structure: ({ course, layout }) => (layout.ownsFilm ? [course.film.id, Math.ceil(course.film.durationSeconds)] : 0),
};
