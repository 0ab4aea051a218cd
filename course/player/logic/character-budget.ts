// The visible character budget under each reflection box. Characters are counted as the browser's maxlength counts
// them (UTF-16 code units of the value, a line break as one), so the count and the limit can never disagree.

export interface CharacterBudget {
  used: number;
  max: number;
  /** Characters still allowed; 0 at the limit. */
  remaining: number;
  /** Within the last tenth of the budget (or the last 50 characters of a long one): worth announcing. */
  nearLimit: boolean;
  atLimit: boolean;
}

export function countCharacters(text: string): number {
  // Textareas report line breaks as "\n"; pasted or restored text may carry "\r\n", which the browser counts as one.
  return text.replace(/\r\n/g, '\n').length;
}

export function characterBudget(text: string, max: number): CharacterBudget {
  const used = countCharacters(text);
  const remaining = Math.max(0, max - used);
  const warnAt = Math.min(50, Math.ceil(max / 10));
  return { used, max, remaining, nearLimit: remaining <= warnAt, atLimit: remaining === 0 };
}

/**
 * Text cut to the budget. A cut never splits a surrogate pair (an emoji would become a broken character in the
 * saved state and the exported page).
 */
export function clampReflection(text: string, max: number): string {
  const normalised = text.replace(/\r\n/g, '\n');
  if (normalised.length <= max) return normalised;
  let end = Math.max(0, max);
  const last = normalised.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return normalised.slice(0, end);
}
