// Ids that must be unique within a scope (the course's LMS ids, a scenario's steps, a question's options): each
// reuse is one problem at the later place, naming the earlier one.
import type { CourseProblem } from './problems.ts';

export interface IdEntry {
  id: string;
  /** What the id names, for the message ("cue point", "step"). */
  kind: string;
  pointer: string;
}

export function duplicateIds(entries: readonly IdEntry[], allowed: string): Omit<CourseProblem, 'file'>[] {
  const first = new Map<string, IdEntry>();
  const problems: Omit<CourseProblem, 'file'>[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      problems.push({ pointer: entry.pointer, message: `duplicate id "${entry.id}": the ${earlier.kind} at ${earlier.pointer} already uses it`, allowed });
    } else {
      first.set(entry.id, entry);
    }
  }
  return problems;
}
