// ADL's API discovery: look for the LMS's API object in this window, then up through its parents, then in the
// window that opened this one and its parents. A frame from another origin throws on access; that branch is skipped.

export type ScormApiName = 'API' | 'API_1484_11';

/** ADL's sample code gives up after this many levels; real LMS frame stacks are a handful deep. */
const MAX_DEPTH = 500;

export function findScormApi(win: Window, name: ScormApiName): object | null {
  return searchUp(win, name) ?? searchUp(openerOf(win), name);
}

function searchUp(start: Window | null, name: ScormApiName): object | null {
  let current = start;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    const api = readApi(current, name);
    if (api) return api;
    const parent = parentOf(current);
    if (!parent || parent === current) return null;
    current = parent;
  }
  return null;
}

function readApi(win: Window, name: ScormApiName): object | null {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return typeof api === 'object' && api !== null ? api : null;
  } catch {
    return null; // another origin's frame: the LMS must serve the course from its own origin
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent ?? null;
  } catch {
    return null;
  }
}

function openerOf(win: Window): Window | null {
  try {
    return (win.opener as Window | null) ?? null;
  } catch {
    return null;
  }
}
