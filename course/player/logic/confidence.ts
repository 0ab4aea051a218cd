// The before/after confidence self-rating: the change per item, for the summary screen.
import type { ConfidenceScale } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';

export interface ConfidenceChange {
  itemId: string;
  statement: string;
  before: number | null;
  after: number | null;
  /** after − before in scale points, or null when either rating is missing. */
  change: number | null;
}

export function confidenceChanges(scale: ConfidenceScale, state: LearnerState): ConfidenceChange[] {
  return scale.items.map((item) => {
    const before = state.confidence.before[item.id] ?? null;
    const after = state.confidence.after[item.id] ?? null;
    return { itemId: item.id, statement: item.statement, before, after, change: before !== null && after !== null ? after - before : null };
  });
}

/** Mean change over the items rated both times, or null when none was. */
export function averageChange(changes: readonly ConfidenceChange[]): number | null {
  const rated = changes.filter((c): c is ConfidenceChange & { change: number } => c.change !== null);
  if (rated.length === 0) return null;
  return rated.reduce((sum, c) => sum + c.change, 0) / rated.length;
}

/** The label of a rating (1-based), or null when there is none. */
export function ratingLabel(scale: ConfidenceScale, rating: number | null): string | null {
  return rating === null ? null : (scale.scaleLabels[rating - 1] ?? null);
}
