// Reading the beginning of a JSON array whose end was lost: the elements that arrived whole, and, when the cut fell
// inside a string element, that string's beginning (a reflection cut short is still the learner's words).

export interface ArrayPrefix {
  /** Elements that arrived whole, parsed. */
  elements: unknown[];
  /** The beginning of a string element that was cut, or null. */
  cutString: string | null;
}

/** Null when the text is not the beginning of a JSON array. */
export function readArrayPrefix(text: string): ArrayPrefix | null {
  if (!text.startsWith('[')) return null;
  const elements: unknown[] = [];
  let start = 1;
  let depth = 0;
  let inString = false;
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
    if (depth < 0 || (depth === 0 && char === ',')) {
      if (depth < 0 && elements.length === 0 && text.slice(start, i).trim() === '') return { elements, cutString: null };
      const element = parse(text.slice(start, i));
      if (element === undefined) return null;
      elements.push(element);
      if (depth < 0) return { elements, cutString: null };
      start = i + 1;
    }
  }
  const tail = text.slice(start).trimStart();
  return { elements, cutString: depth === 0 && tail.startsWith('"') ? cutStringValue(tail) : null };
}

/** The characters of a string literal cut before its closing quote, without a half-written escape at the end. */
function cutStringValue(literal: string): string | null {
  for (let keep = literal.length; keep >= Math.max(1, literal.length - 6); keep--) {
    const value = parse(literal.slice(0, keep) + '"');
    if (typeof value === 'string') return value;
  }
  return null;
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
