// `npm run bench:state`: the learner's saved state in characters per standard, against its limit and the goal for a
// typical run (the figures are in state-figures.ts, imported only once the command line is read).
import { defineCommand } from '../tools/cli/command-line.ts';
import { runMain } from '../tools/cli/run-command.ts';

export const BENCH_STATE_COMMAND = defineCommand({
  name: 'bench:state',
  invocation: 'npm run bench:state --',
  usage: [''],
  summary:
    "The learner's saved state in characters (start, half-way, typical full run, long prose, worst case) per standard,\n" +
    "against its limit and the ≤ 1,000-character goal for a typical run, and what the build's state budget decided.\n" +
    'Figures only, never a pass or fail.',
  options: {},
});

runMain(BENCH_STATE_COMMAND, async () => {
  await import('./state-figures.ts');
});
