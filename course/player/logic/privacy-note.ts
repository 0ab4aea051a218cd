// The course data says who can read the reflections in two versions (types.ts PrivacyNote); the package's variant
// decides which one is true. Kept apart from the screens so the choice, and the organisation's name in it, is tested.
import type { PrivacyNote, RuntimeConfig } from '../../model/types.ts';

/** Where the variant sends reflections too, the shared wording with its organisation named; else the private one. */
export function privacyNoteFor(note: PrivacyNote, variant: Pick<RuntimeConfig['variant'], 'reflections' | 'organisation'>): string {
  return variant.reflections === 'shared' ? note.shared.replaceAll('{organisation}', () => variant.organisation) : note.private;
}
