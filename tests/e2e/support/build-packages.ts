// `node --import tsx tests/e2e/support/build-packages.ts <folder>`: the build's own steps (player build, then every
// package of the default variant), with both outputs under <folder>: <folder>/player and <folder>/packages.
import { join } from 'node:path';
import { buildPackages } from '../../../build/build-packages.ts';
import { REPO_ROOT, buildPlayer } from '../../../build/player-build.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: build-packages.ts <folder>');
  process.exit(2);
}
const player = await buildPlayer(join(folder, 'player'));
const result = await buildPackages({
  courseDir: join(REPO_ROOT, 'course', 'content'),
  variantsDir: join(REPO_ROOT, 'course', 'content', 'variants'),
  outDir: join(folder, 'packages'),
  variants: ['default'],
  player,
});
const refused = result.packages.filter((pkg) => pkg.path === null);
if (refused.length > 0) {
  for (const pkg of refused) console.error(`${pkg.standard}: ${pkg.report.problems.map((p) => p.message).join('; ')}`);
  process.exit(1);
}
console.log(result.packages.map((pkg) => pkg.path).join('\n'));
