// `npm run bench:build`: the Vite build once, then a synthetic many-variant × 5-standard run (the figures are in
// build-figures.ts, imported only once the command line is read).
import { defineCommand, integerOption } from '../tools/cli/command-line.ts';
import { runMain } from '../tools/cli/run-command.ts';

export const BENCH_BUILD_COMMAND = defineCommand({
  name: 'bench:build',
  invocation: 'npm run bench:build --',
  usage: ['[--variants <n>]'],
  summary:
    'The Vite build time, then a synthetic run of <n> variants × 5 standards against the goal of 1,000 packages in\n' +
    'under 60 s after the Vite build (2 cores), with the time per package, memory and zip sizes. Figures only.',
  options: {
    variants: { type: 'string', value: '<n>', help: 'how many synthetic variants (default 200, or $BENCH_VARIANTS)' },
  },
});

runMain(BENCH_BUILD_COMMAND, async ({ values }) => {
  const variants = integerOption(values.variants, 'variants', 1, 100_000);
  if (variants !== undefined) process.env.BENCH_VARIANTS = String(variants);
  await import('./build-figures.ts');
});
