// `npm run conformance`: each built package walked in Debian's Chromium against the strictest test LMS (the preview
// with Moodle's SCORM checks and ADL's cmi5 rules, tools/preview/lms-profile.ts), by a keyboard learner who passes and
// one who fails for good; prints, per standard, what the LMS recorded and every call it refused. Exit 0 when nothing
// was refused, 1 when something was (or a walk could not run, or there is nothing to walk), 2 for a usage error.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { STANDARD_IDS, type StandardId } from '../../course/types.ts';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../tests/support/chromium.ts';
import { judge, summaryTable, walkBlock, type Judged } from './report.ts';
import { runWalk, type WalkKind } from './walks.ts';

const USAGE = `usage: npm run conformance [-- --packages <dir>] [--standard <id>]... [--walk passing|failing|both]
  --packages DIR   the built packages of one variant (default dist/packages/default: run npm run build first)
  --standard ID    only this standard (repeatable): ${STANDARD_IDS.join(', ')}
  --walk W         which learner: passing, failing or both (default both)
  -h, --help       this text`;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export async function runConformance(argv: readonly string[], output: Output = console): Promise<number> {
  let values: { packages?: string; standard?: string[]; walk?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { packages: { type: 'string' }, standard: { type: 'string', multiple: true }, walk: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    output.error(`conformance: ${(error as Error).message}`);
    output.error(USAGE);
    return 2;
  }
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  const unknown = (values.standard ?? []).filter((id) => !(STANDARD_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    output.error(`conformance: --standard must be one of ${STANDARD_IDS.join(', ')} (got "${unknown.join('", "')}")`);
    return 2;
  }
  const walk = values.walk ?? 'both';
  if (walk !== 'passing' && walk !== 'failing' && walk !== 'both') {
    output.error(`conformance: --walk must be passing, failing or both (got "${walk}")`);
    return 2;
  }
  const folder = resolve(values.packages ?? 'dist/packages/default');
  const standards = (values.standard as StandardId[] | undefined) ?? [...STANDARD_IDS];
  const zips = standards.map((standard) => ({ standard, zip: join(folder, `common-ground-${standard}.zip`) })).filter(({ zip }) => existsSync(zip));
  if (zips.length === 0) {
    output.error(`conformance: no packages in ${folder} (common-ground-<standard>.zip): run npm run build, or give --packages`);
    return 1;
  }
  if (!hasChromium) {
    output.error(`conformance: Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return 1;
  }
  const kinds: WalkKind[] = walk === 'both' ? ['passing', 'failing'] : [walk];
  const judged: Judged[] = [];
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runConformance(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`conformance: an unexpected error (a bug): ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
