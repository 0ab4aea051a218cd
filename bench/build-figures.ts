// The figures of `npm run bench:build` (build.bench.ts reads the command line, then imports this): the Vite build once,
// then a synthetic 200-variant × 5-standard run.
// Goal (issue 2): after the one Vite build, 1,000 packages in under 60 s on a 2-core machine.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackages, type PackageResult } from '../build/build-packages.ts';
import { buildPlayer, REPO_ROOT } from '../build/player-build.ts';
import { formatBytes } from '../build/console-report.ts';

const VARIANT_COUNT = Number(process.env.BENCH_VARIANTS ?? 200);
const GOAL_SECONDS = 60;

const work = await mkdtemp(join(tmpdir(), 'cg-bench-'));
try {
  const variantsDir = join(work, 'variants');
  await mkdir(variantsDir);
  const { $schema: _schema, ...template } = JSON.parse(await readFile(join(REPO_ROOT, 'course', 'content', 'variants', 'default.json'), 'utf8')) as Record<string, unknown>;
  for (let i = 1; i <= VARIANT_COUNT; i++) {
    const id = `trust-${String(i).padStart(3, '0')}`;
    const variant = { ...template, id, displayName: `Common Ground (Example Trust ${i})`, organisation: `Example NHS Trust ${i}` };
    await writeFile(join(variantsDir, `${id}.json`), JSON.stringify(variant));
  }

  const player = await buildPlayer(join(work, 'player'));
  console.log(`Vite build of the player: ${player.seconds.toFixed(2)} s (${player.files.size} files)`);

  const memoryBefore = process.memoryUsage().rss;
  const result = await buildPackages({
    courseDir: join(REPO_ROOT, 'course', 'content'),
    variantsDir,
    outDir: join(work, 'packages'),
    player,
  });
  const count = result.packages.length;
  const invalid = result.packages.filter((pkg) => !pkg.report.valid).length;
  const perPackageMs = (result.packagingSeconds * 1000) / count;

  console.log(`\nPackages: ${count} (${VARIANT_COUNT} variants × ${count / VARIANT_COUNT} standards), ${invalid} invalid`);
  console.log(`Packaging time after the Vite build: ${result.packagingSeconds.toFixed(2)} s (goal for 1,000: < ${GOAL_SECONDS} s) — ${result.packagingSeconds * (1000 / count) < GOAL_SECONDS ? 'MET' : 'MISSED'}`);
  console.log(`Time per package: ${perPackageMs.toFixed(1)} ms; packages per second: ${(count / result.packagingSeconds).toFixed(1)}`);
  console.log(`Resident memory grew by ${formatBytes(Math.max(0, process.memoryUsage().rss - memoryBefore))}`);

  const sizes = new Map<string, number[]>();
  for (const pkg of result.packages) sizes.set(pkg.standard, [...(sizes.get(pkg.standard) ?? []), pkg.bytes]);
  console.log('\nZip size per standard (min – max over variants):');
  for (const [standard, list] of sizes) console.log(`  ${standard.padEnd(14)} ${formatBytes(Math.min(...list))} – ${formatBytes(Math.max(...list))}`);
  const first = result.packages.filter((pkg: PackageResult) => pkg.variant === 'trust-001');
  console.log('\nEach zip of one variant:');
  for (const pkg of first) console.log(`  ${pkg.variant}/${pkg.standard}: ${pkg.bytes.toLocaleString('en-GB')} bytes`);
} finally {
  await rm(work, { recursive: true, force: true });
}
