// What the course knows about each question an answer can come from: its options in course order (SCORM 1.2 names
// them by position, xAPI lists them in the interaction's definition). Answers are found by the ids the player gives
// them ("<screen>.<question>", "<film>.<cue point>", "<screen>.<step>", "<confidence screen>.<item>"), or failing
// that by the question's own id or text, so a change of id scheme degrades reporting instead of breaking it.
import type { Course } from '../types.ts';
import type { AnswerRecord } from './tracker.ts';

export interface InteractionChoices {
  kind: 'choice' | 'likert';
  /** Option ids and texts in course order (for likert: "1".."n" and the scale labels). */
  choices: { id: string; text: string }[];
}

interface Catalogue {
  byId: Map<string, InteractionChoices>;
  byText: Map<string, InteractionChoices>;
}

export function choicesFor(course: Course, answer: Pick<AnswerRecord, 'id' | 'description'>): InteractionChoices | null {
  const catalogue = catalogueOf(course);
  return catalogue.byId.get(answer.id) ?? catalogue.byText.get(answer.description.trim()) ?? null;
}

// Made afresh for each answer, never kept: the course's words arrive section by section (issue 16), so a catalogue
// made at an earlier answer would hold blanks for sections that had not come yet. A few hundred entries at most.
function catalogueOf(course: Course): Catalogue {
  const catalogue: Catalogue = { byId: new Map(), byText: new Map() };
  // A section whose part has not come has no words yet (undefined, whatever the type says): found by id only.
  const add = (ids: string[], text: string | undefined, entry: InteractionChoices) => {
    for (const id of ids) if (!catalogue.byId.has(id)) catalogue.byId.set(id, entry);
    const key = (text ?? '').trim();
    if (key !== '' && !catalogue.byText.has(key)) catalogue.byText.set(key, entry);
  };
  const likert: InteractionChoices = {
    kind: 'likert',
    choices: course.confidence.scaleLabels.map((label, i) => ({ id: String(i + 1), text: label })),
  };
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type === 'knowledge-check') {
        for (const q of screen.questions) add([`${screen.id}.${q.id}`, q.id], q.prompt, { kind: 'choice', choices: q.options.map((o) => ({ id: o.id, text: o.text })) });
      } else if (screen.type === 'scenario') {
        for (const step of screen.steps) add([`${screen.id}.${step.id}`], step.question, { kind: 'choice', choices: step.choices.map((c) => ({ id: c.id, text: c.text })) });
      } else if (screen.type === 'confidence') {
        for (const item of course.confidence.items) add([`${screen.id}.${item.id}`], item.statement, likert);
      }
    }
  }
  for (const cue of course.film.cuePoints) {
    const q = cue.question;
    add([`${course.film.id}.${cue.id}`, q.id], q.prompt, { kind: 'choice', choices: q.options.map((o) => ({ id: o.id, text: o.text })) });
  }
  return catalogue;
}
