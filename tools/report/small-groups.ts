// The small-numbers rule: no figure is shown for fewer than five people, since a team of three's completion or
// answers could point at a person. Groups under five are combined into "Other (small groups)". If that combined
// group is itself under five, the smallest shown group joins it (repeatedly) — otherwise its figures could be
// worked out by subtracting the shown groups from the total. If everyone together is under five, nothing is shown.

export const MIN_GROUP_SIZE = 5;
export const OTHER_GROUP = 'Other (small groups)';

export interface GroupPlan {
  /** Groups shown under their own name, largest first. */
  shown: string[];
  /** Groups under the minimum, combined into Other. */
  small: string[];
  /** Groups of the minimum or more that had to join Other to bring it up to the minimum. */
  addedToOther: string[];
  /** People in Other. */
  otherSize: number;
  /** Whether everyone together is under the minimum, so no group (and no total) is shown. */
  allSuppressed: boolean;
}

export function planGroups(sizes: ReadonlyMap<string, number>, minimum = MIN_GROUP_SIZE): GroupPlan {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  // Largest first, then by name, so the plan does not depend on the order the input came in.
  const ordered = [...sizes.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = ordered.filter(([, n]) => n >= minimum);
  const small = ordered.filter(([, n]) => n < minimum).map(([name]) => name);
  let otherSize = ordered.filter(([, n]) => n < minimum).reduce((a, [, n]) => a + n, 0);
  const addedToOther: string[] = [];
  while (otherSize > 0 && otherSize < minimum && shown.length > 0) {
    const [name, n] = shown.pop()!;
    addedToOther.push(name);
    otherSize += n;
  }
  return { shown: shown.map(([name]) => name), small, addedToOther, otherSize, allSuppressed: total < minimum };
}

/** The group a learner's figures are counted under, once the plan is made. */
export function plannedGroup(plan: GroupPlan, group: string): string {
  return plan.shown.includes(group) ? group : OTHER_GROUP;
}

export interface MeasurePlan {
  /** Teams whose figure for this measure is withheld. */
  withheld: Set<string>;
  /** Whether the all-teams figure is withheld too (fewer than the minimum counted in all). */
  totalWithheld: boolean;
}

/**
 * The same rule for a figure that counts only some of a team (the learners with a knowledge-check result, say, or
 * who rated their confidence twice): a team where fewer than the minimum are counted has that figure withheld, and
 * so does the next smallest until the withheld teams together count the minimum or more, since the all-teams figure
 * is shown and the withheld ones could otherwise be worked out from it. Teams counting nobody have no figure to hide.
 */
export function planMeasure(counts: ReadonlyMap<string, number>, minimum = MIN_GROUP_SIZE): MeasurePlan {
  const plan = planGroups(counts, minimum);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return { withheld: new Set([...plan.small, ...plan.addedToOther]), totalWithheld: total > 0 && total < minimum };
}
