// How soon the LMS hears of a saved state (course/runtime/README.md, "Commits"): a move at once, a pause in typing
// at once, other work on the same screen with the next move (or after a while on the screen). One rule for every
// standard, so a full run costs about one commit per screen change, plus one at the end.
import type { LmsProfile } from '../lms-profiles.ts';
import type { SaveKind } from '../tracker.ts';

/** The kind of a save: as the player says, or (for a caller that does not) a move when the location changed. */
export function saveKindOf(kind: SaveKind | undefined, location: string, committedLocation: string | null): SaveKind {
  if (location !== committedLocation) return 'move';
  return kind ?? 'work';
}

/** Milliseconds within which a save of this kind is committed. */
export function commitDelay(kind: SaveKind, commit: LmsProfile['commit']): number {
  if (kind === 'move' || kind === 'leave') return commit.screenChangeMs;
  return kind === 'typing' ? commit.typingMs : commit.sameScreenMs;
}
