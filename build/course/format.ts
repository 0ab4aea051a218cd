// Problems as text: one line each, so a build log or CI output lists them plainly.
import type { CourseProblem } from './problems.ts';

/** One line per problem: `file: /json/pointer: what is wrong (allowed: …)`. */
export function formatProblems(problems: CourseProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

function formatProblem(problem: CourseProblem): string {
  // The root pointer is the empty string; show it as "/" so the line keeps its three parts.
  const pointer = problem.pointer === '' ? '/' : problem.pointer;
  const allowed = problem.allowed === undefined ? '' : ` (allowed: ${problem.allowed})`;
  // Messages and values come from user files: never let a stray newline split one problem over two lines.
  return oneLine(`${problem.file}: ${pointer}: ${problem.message}${allowed}`);
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}

/** A value as JSON, cut short so one problem stays one readable line. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
