// `npm run conformance`: each built package walked in Debian's Chromium against the strictest test LMS (the preview
// with Moodle's SCORM checks and ADL's cmi5 rules, tools/preview/lms-profile.ts), by a keyboard learner who passes and
// one who fails for good; prints, per standard, what the LMS recorded and every call it refused. Exit 0 when nothing
// was refused, 1 when something was (or a walk could not run, or there is nothing to walk), 2 for a usage error.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import { defineCommand, UsageError } from '../cli/command-line.ts';
import { CommandError, isMainModule, runCommand, runMain, type CommandIo } from '../cli/run-command.ts';

export const CONFORMANCE_COMMAND = defineCommand({
  name: 'conformance',
  invocation: 'npm run conformance --',
  usage: ['[--packages <dir>] [--standard <id>]… [--walk passing|failing|both]'],
  summary:
    "Each built package walked in Debian's Chromium against the strictest test LMS (Moodle's SCORM checks, ADL's cmi5\n" +
    'rules), by a keyboard learner who passes and one who fails for good: prints, per standard, what the LMS recorded\n' +
    'and every call it refused. Exit 1 when anything was refused.',
  options: {
    packages: { type: 'string', value: '<dir>', help: 'the built packages of one variant (default dist/packages/default: run npm run build first)' },
    standard: { type: 'string', multiple: true, value: '<id>', help: `only this standard (repeatable): ${STANDARD_IDS.join(', ')}` },
    walk: { type: 'string', value: '<which>', help: 'which learner: passing, failing or both (default both)' },
  },
});

export type Output = CommandIo;

export function runConformance(argv: readonly string[], output: Output = console): Promise<number> {
  return runCommand(CONFORMANCE_COMMAND, argv, ({ values }) => conformance(values, output), { io: output });
}

async function conformance(values: { packages: string | undefined; standard: string[]; walk: string | undefined }, output: Output): Promise<number> {
  const unknown = values.standard.filter((id) => !(STANDARD_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new UsageError(`--standard must be one of ${STANDARD_IDS.join(', ')} (got "${unknown.join('", "')}")`);
  const walk = values.walk ?? 'both';
  if (walk !== 'passing' && walk !== 'failing' && walk !== 'both') throw new UsageError(`--walk must be passing, failing or both (got "${walk}")`);
  const folder = resolve(values.packages ?? 'dist/packages/default');
  const standards = values.standard.length > 0 ? (values.standard as StandardId[]) : [...STANDARD_IDS];
  const zips = standards.map((standard) => ({ standard, zip: join(folder, `common-ground-${standard}.zip`) })).filter(({ zip }) => existsSync(zip));
  if (zips.length === 0) throw new CommandError(`no packages in ${folder} (common-ground-<standard>.zip): run npm run build, or give --packages`);
  // The browser, the walker and the report load only now: --help and a wrong command line answer at once.
  const { CHROMIUM_PATH, hasChromium, launchChromium } = await import('../../tests/support/chromium.ts');
  if (!hasChromium) throw new CommandError(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const { judge, summaryTable, walkBlock } = await import('./report.ts');
  const { runWalk } = await import('./walks.ts');
  const kinds = walk === 'both' ? (['passing', 'failing'] as const) : ([walk] as const);
  const judged: Awaited<ReturnType<typeof judge>>[] = [];
  const browser = await launchChromium();
  try {
    for (const { standard, zip } of zips) {
      for (const kind of kinds) {
        const result = judge(await runWalk(browser, standard, zip, kind));
        judged.push(result);
        for (const line of walkBlock(result, basename(zip))) output.log(line);
        output.log('');
      }
    }
  } finally {
    await browser.close();
  }
  for (const line of summaryTable(judged)) output.log(line);
  const failed = judged.filter((j) => !j.ok).length;
  output.log(failed === 0 ? `\nEvery walk conforms: the strict LMS refused nothing.` : `\n${failed} of ${judged.length} walks did not conform (see above).`);
  return failed === 0 ? 0 : 1;
}

if (isMainModule(import.meta.url)) runMain(CONFORMANCE_COMMAND, ({ values }) => conformance(values, console));
