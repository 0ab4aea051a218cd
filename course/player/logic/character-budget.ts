// Reflection text cut to a prompt's maxLength, for the reducer and for a restored state (the reflection screen stops
// longer input before it gets here: logic/reflection-budget.ts). Characters are counted as a textarea counts them
// (UTF-16 code units, a line break as one).

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
