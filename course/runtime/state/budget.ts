// How much saved state each standard can hold, and the rule that keeps the learner state inside it.
//
// The rule: when a course's worst case (worst-case.ts) fits a standard's limit, nothing is restricted. When it does
// not (SCORM 1.2 with long reflections), progress keeps its full worst case and the reflections share the room that
// is left, measured in saved characters rather than typed ones. Each prompt is guaranteed a floor (the same share of
// its maxLength for every prompt) of any text at all; above its floor a reflection may grow while the saved
// reflections, with every other prompt still able to reach its own floor, fit the room. The player asks
// reflectionSpace / fitReflection before keeping a change, so the saved state never passes the limit whatever is
// typed, and ordinary prose, which compresses well, gets several times its floor. The build refuses the standard
// when a floor would fall below MIN_GUARANTEED_REFLECTION_CHARS or progress alone does not fit.
import type { Course, StandardId } from '../../model/types.ts';
import { layoutOf, type PromptLayout } from './course-layout.ts';
import { costOf, reflectionsBody } from './format-v1.ts';
import { incompressibleReflections, incompressibleText, worstCaseBreakdown } from './worst-case.ts';
import { SUSPEND_DATA_LIMITS } from './limits.ts';

export { SUSPEND_DATA_LIMITS };

/** Fewer guaranteed characters than this would not hold a few honest sentences: the build refuses instead. */
export const MIN_GUARANTEED_REFLECTION_CHARS = 200;

export type StateBudget =
  | {
      ok: true;
      standard: StandardId;
      limit: number;
      worstCase: number;
      /** Saved characters the reflections may use together; null when any text up to every maxLength fits. */
      reflectionRoom: number | null;
      /** Characters of any text each reflection is sure to hold, by prompt id; null when unrestricted. */
      guaranteedReflectionChars: Record<string, number> | null;
      summary: string;
    }
  | { ok: false; standard: StandardId; limit: number; worstCase: number; message: string };

const plans = new WeakMap<Course, Map<StandardId, StateBudget>>();

/** The budget for a course packaged for a standard: what the build checks and the player enforces. */
export function planStateBudget(course: Course, standard: StandardId): StateBudget {
  let byStandard = plans.get(course);
  if (!byStandard) plans.set(course, (byStandard = new Map()));
  let plan = byStandard.get(standard);
  if (!plan) byStandard.set(standard, (plan = computePlan(course, standard)));
  return plan;
}

function computePlan(course: Course, standard: StandardId): StateBudget {
  const limit = SUSPEND_DATA_LIMITS[standard];
  const worst = worstCaseBreakdown(course);
  const base = { standard, limit, worstCase: worst.total };
  if (worst.total <= limit) {
    return { ok: true, ...base, reflectionRoom: null, guaranteedReflectionChars: null, summary: `${standard}: worst-case state ${fmt(worst.total)} of ${fmt(limit)} characters` };
  }
  const prompts = layoutOf(course).prompts;
  const room = limit - worst.progress;
  if (prompts.length === 0 || room <= 0) {
    return {
      ok: false,
      ...base,
      message:
        `${standard}: the learner state can reach ${fmt(worst.total)} characters and the limit is ${fmt(limit)}; ` +
        `progress alone (without reflections) can take ${fmt(worst.progress)}. Use a standard with more room (SCORM 2004 3rd edition or cmi5) or shorten the course.`,
    };
  }
  const longest = Math.max(...prompts.map((p) => p.maxLength));
  const floorsAt = (t: number): number[] => prompts.map((p) => Math.floor((t * p.maxLength) / Math.max(1, longest)));
  const best = largestThatFits(longest, (t) => costOf(reflectionsBody(incompressibleReflections(prompts, floorsAt(t)))) <= room);
  const floors = floorsAt(best);
  const guaranteed = Object.fromEntries(prompts.map((p, i) => [p.id, floors[i] as number]));
  const least = Math.min(...floors);
  if (least < MIN_GUARANTEED_REFLECTION_CHARS) {
    return {
      ok: false,
      ...base,
      message:
        `${standard}: the learner state can reach ${fmt(worst.total)} characters and the limit is ${fmt(limit)}. Sharing the ` +
        `${fmt(room)} characters left after progress between ${prompts.length} reflections would guarantee only ${least} characters of a reflection ` +
        `(at least ${MIN_GUARANTEED_REFLECTION_CHARS} are needed). Use SCORM 2004 3rd edition or cmi5, or lower the prompts' maxLength or their number.`,
    };
  }
  return {
    ok: true,
    ...base,
    reflectionRoom: room,
    guaranteedReflectionChars: guaranteed,
    summary:
      `${standard}: worst-case state ${fmt(worst.total)} characters exceeds the ${fmt(limit)} limit, so the ${prompts.length} reflections ` +
      `share the ${fmt(room)} characters left after progress; each holds at least ${least} characters of any text (ordinary prose: several times more)`,
  };
}

export interface ReflectionSpace {
  /** Whether the reflections may be kept as they are. */
  fits: boolean;
  /** Share of the reflections' room (or of this prompt's maxLength, if more) in use: 0..1, above 1 when it does not fit. */
  used: number;
}

/**
 * Whether a reflection's new text may be kept, given all the learner's reflections (including this new text).
 * Other prompts still short of their floor are counted as if filled to it with the costliest text, so writing here
 * never takes away what another reflection was promised.
 */
export function reflectionSpace(course: Course, standard: StandardId, reflections: Readonly<Record<string, string>>, promptId: string): ReflectionSpace {
  const prompts = layoutOf(course).prompts;
  const prompt = prompts.find((p) => p.id === promptId);
  if (!prompt) return { fits: false, used: Infinity };
  const text = reflections[promptId] ?? '';
  const byLength = prompt.maxLength > 0 ? text.length / prompt.maxLength : text.length > 0 ? Infinity : 0;
  const plan = planStateBudget(course, standard);
  if (!plan.ok || plan.reflectionRoom === null || plan.guaranteedReflectionChars === null) return { fits: byLength <= 1, used: byLength };
  const floors = plan.guaranteedReflectionChars;
  let padding = 0;
  const entries = prompts.map((p): [PromptLayout, string] => {
    const own = reflections[p.id] ?? '';
    const short = p.id === promptId ? 0 : Math.max(0, (floors[p.id] ?? 0) - own.length);
    // Padding starts beyond the characters the worst case uses, so it never repeats them.
    const pad = short > 0 ? incompressibleText(short, 1_000_000 + padding) : '';
    padding += short;
    return [p, own + pad];
  });
  const used = Math.max(byLength, costOf(reflectionsBody(entries)) / plan.reflectionRoom);
  return { fits: used <= 1, used };
}

/** The longest beginning of a reflection's text that may be kept (never splitting a surrogate pair): for a paste. */
export function fitReflection(course: Course, standard: StandardId, reflections: Readonly<Record<string, string>>, promptId: string): string {
  const text = reflections[promptId] ?? '';
  const fits = (n: number) => reflectionSpace(course, standard, { ...reflections, [promptId]: text.slice(0, n) }, promptId).fits;
  if (fits(text.length)) return text;
  const cut = largestThatFits(text.length, fits);
  const last = text.charCodeAt(cut - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut);
}

/** Largest n in 0..max with fits(n), assuming fits is true up to some point and false after it (a binary search). */
export function largestThatFits(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}
