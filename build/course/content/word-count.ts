// Words as the time estimate counts them: runs of non-space that hold a letter or a digit (a lone dash is no word).

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The words of several texts together; a missing one (an optional field) counts none. */
export function wordsIn(...texts: (string | undefined)[]): number {
  return texts.reduce((sum, text) => sum + (text ? countWords(text) : 0), 0);
}
