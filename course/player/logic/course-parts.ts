// The course arrives in parts (issue 16): config.js holds the first section whole and every other section as a
// skeleton (ids, types, links, rules and titles: all that progress, resume and the state codec read) with its
// learner-facing text blank; course/section-<n>.js and course/resources.js hold the rest. A part is merged into the
// objects already in place, never swapped for new ones, so everything that holds a screen or a section (the course
// map, a screen on show) sees the text once its part has come.

/** Writes every value of `whole` into `into`, recursing into objects and arrays that both have; returns `into`. */
export function mergePart<T>(into: T, whole: T): T {
  if (!isContainer(into) || !isContainer(whole)) return whole;
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(whole as Record<string, unknown>)) {
    const current = target[key];
    target[key] = isContainer(current) && isContainer(value) && Array.isArray(current) === Array.isArray(value) ? mergePart(current, value) : value;
  }
  return into;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
