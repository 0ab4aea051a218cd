// How British English writes a number ("1,500") and picks a noun's form for a count, for every en-GB words file: the
// catalogue parts here and each screen type's words (course/screen-types/<type>/words.ts).

export const number = (n: number): string => n.toLocaleString('en-GB');

export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
