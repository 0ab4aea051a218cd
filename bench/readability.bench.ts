// `npx tsx bench/readability.bench.ts [course folder]`: the Flesch–Kincaid grade level of the course's learner-facing
// text (build/course/content/readability.ts), by part and overall, against the goal of grade 8 or below (plain English
// for NHS staff of every role). The words quoted from real people are shown apart and left out of the overall figure:
// they are not ours to simplify. Figures only, no assertions; also lists the ten hardest texts to rewrite first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Course } from '../course/model/types.ts';
import { learnerTexts } from '../build/course/content/learner-text.ts';
import { measure, textsByPart } from '../build/course/content/readability.ts';
import { defineCommand } from '../tools/cli/command-line.ts';
import { runMain } from '../tools/cli/run-command.ts';

const GOAL = 8;

export const BENCH_READABILITY_COMMAND = defineCommand({
  name: 'bench:readability',
  invocation: 'npm run bench:readability --',
  usage: ['[<course folder>]'],
  summary:
    "The Flesch–Kincaid grade of the course's own learner-facing words, by part and overall, against the goal of grade 8\n" +
    'or below, with the hardest texts listed (words quoted from real people are shown apart). Figures only.',
  options: {},
  positionals: { name: 'course folder', max: 1 },
});

runMain(BENCH_READABILITY_COMMAND, async ({ positionals }) => {
  report(positionals[0] ?? 'course/content');
  return 0;
});

function report(dir: string): void {
  const course = JSON.parse(readFileSync(join(dir, 'course.json'), 'utf8')) as Course;
  const parts = textsByPart(course);
  const fmt = (n: number): string => (Number.isNaN(n) ? '-' : n.toFixed(1));

  console.log(`Flesch–Kincaid grade of ${join(dir, 'course.json')} (goal: ${GOAL} or below)`);
  console.log(`${'part'.padEnd(44)} ${'words'.padStart(6)} ${'grade'.padStart(6)}`);
  const ours: string[] = [];
  for (const [part, texts] of [...parts].sort(([a], [b]) => a.localeCompare(b))) {
    const result = measure(texts);
    console.log(`${part.padEnd(44)} ${String(result.words).padStart(6)} ${fmt(result.grade).padStart(6)}`);
    if (!part.startsWith('quoted')) ours.push(...texts);
  }
  const overall = measure(ours);
  console.log(`${'overall (our own words)'.padEnd(44)} ${String(overall.words).padStart(6)} ${fmt(overall.grade).padStart(6)}  ${overall.grade <= GOAL ? 'met' : `over by ${fmt(overall.grade - GOAL)}`}`);

  const hardest = learnerTexts(course)
    .filter(({ text }) => text.split(/\s+/).length >= 12)
    .map(({ pointer, text }) => ({ pointer, grade: measure([text]).grade }))
    .sort((a, b) => b.grade - a.grade)
    .slice(0, 10);
  console.log('\nHardest texts of 12 words or more:');
  for (const { pointer, grade } of hardest) console.log(`  ${fmt(grade).padStart(5)}  ${pointer}`);
}
