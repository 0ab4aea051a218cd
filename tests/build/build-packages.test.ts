// The packaging steps of a build, with a small stand-in for the Vite build (a player of a few files with a chunk per
// tracking adapter), so each run takes seconds: what a package holds, what is refused before the player would be
// built, and what a failed run leaves in the output folder (issue 17.1-17.3).
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPackages, BuildStopped, type BuildOptions } from '../../build/build-packages.ts';
import type { PlayerBuild } from '../../build/player-build.ts';
import type { ViteManifest } from '../../build/package-files.ts';
import { ADAPTER_SOURCES } from '../../course/runtime/adapter-modules.ts';
import { STANDARD_IDS } from '../../course/model/types.ts';
import { openZipSafely } from '../../tools/zip/read-safely.ts';
import { bufferSource } from '../../tools/zip/source.ts';
import { REPO, removeTempDirs, tempDir } from './course/fixtures.ts';

afterAll(removeTempDirs);

/** A player build as Vite would give it: index.html, an entry chunk, and one chunk per adapter module. */
function standInPlayer(): PlayerBuild {
  const adapters = [...new Set(Object.values(ADAPTER_SOURCES).flat())];
  const manifest: ViteManifest = {
    'main.tsx': { file: 'assets/index-abc.js', isEntry: true, dynamicImports: adapters.map((source) => `../../${source}`) },
    ...Object.fromEntries(adapters.map((source) => [`../../${source}`, { file: `assets/${source.split('/').pop()!.replace('.ts', '')}-x.js`, isDynamicEntry: true }])),
  };
  const files = new Map<string, Uint8Array>([['index.html', new TextEncoder().encode('<!doctype html><title>player</title><script type="module" crossorigin src="./assets/index-abc.js"></script>')]]);
  for (const chunk of Object.values(manifest)) files.set(chunk.file, new TextEncoder().encode(`// ${chunk.file}`));
  return { files, manifest, rootFromRepo: 'course/player', seconds: 0 };
}

let course: string;
let out: string;
beforeEach(async () => {
  const root = await tempDir();
  course = join(root, 'course');
  out = join(root, 'out');
  // The real course data and variants (the stand-in replaces the player).
  await cp(join(REPO, 'course', 'content'), course, { recursive: true });
});

function options(extra: Partial<BuildOptions> = {}): BuildOptions {
  return { courseDir: course, variantsDir: join(course, 'variants'), outDir: out, player: standInPlayer(), ...extra };
}

async function editCourse(edit: (data: Record<string, any>) => void): Promise<void> {
  const file = join(course, 'course.json');
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
  edit(data);
  await writeFile(file, JSON.stringify(data, null, 2));
}

async function entries(path: string): Promise<string[]> {
  const opened = await openZipSafely(bufferSource(new Uint8Array(await readFile(path))));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.zip.entries.map((entry) => entry.name).sort();
}

async function stopped(promise: Promise<unknown>): Promise<BuildStopped> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BuildStopped);
  return error as BuildStopped;
}

describe('a package is exactly player + manifest + declared media', () => {
  it('holds nothing else from the course folder, whatever lies there', async () => {
    await writeFile(join(course, 'notes.txt'), 'private notes');
    await mkdir(join(course, 'assets'), { recursive: true });
    await writeFile(join(course, 'assets', 'index-abc.js'), 'alert("replaced")');
    await writeFile(join(course, 'media', 'film', 'unused.mp4'), 'not referenced');
    const result = await buildPackages(options({ variants: ['default'], standards: ['scorm12', 'cmi5'] }));
    const media = ['media/film/captions.en-GB.vtt', 'media/film/chapters.vtt', 'media/film/common-ground-film.mp4', 'media/film/descriptions.en-GB.vtt', 'media/film/poster.png', 'media/film/transcript.txt'];
    const player = ['index.html', 'assets/index-abc.js', 'assets/standalone-x.js'];
    // config.js holds the course's shell; its structure, every section after the first, and the resources, are parts beside it.
    const sections = (JSON.parse(await readFile(join(course, 'course.json'), 'utf8')) as { sections: unknown[] }).sections.length;
    const config = ['config.js', 'course/resources.js', 'course/structure.js', ...Array.from({ length: sections - 1 }, (_, i) => `course/section-${i + 1}.js`)];
    const cmi5 = await entries(result.packages.find((pkg) => pkg.standard === 'cmi5')!.path!);
    expect(cmi5).toEqual([...player, 'assets/cmi5-x.js', ...media, ...config, 'accessibility.html', 'cmi5.xml'].sort());
    const scorm12 = await entries(result.packages.find((pkg) => pkg.standard === 'scorm12')!.path!);
    expect(scorm12.filter((name) => !/\.(xsd|dtd)$/.test(name))).toEqual([...player, 'assets/scorm12-x.js', ...media, ...config, 'accessibility.html', 'imsmanifest.xml'].sort());
    // The player's main chunk is the player's, not the course folder's file of the same name.
    const { readFileSync } = await import('node:fs');
    const zipBytes = readFileSync(result.packages[0]!.path!);
    expect(Buffer.from(zipBytes).includes(Buffer.from('alert("replaced")'))).toBe(false);
  });
});

describe('refused before the player is built (issue 17.1, 17.2)', () => {
  it.each(['config.js', 'imsmanifest.xml', 'index.html', 'assets/index-abc.js'])('/film/transcript = %s: one problem naming the field, no Vite build', async (path) => {
    await mkdir(join(course, path, '..'), { recursive: true });
    await writeFile(join(course, path), 'text');
    await editCourse((data) => (data.film.transcript = path));
    let built = false;
    const error = await stopped(buildPackages(options({ player: undefined, onProgress: (event) => void (built ||= event.kind === 'player-built') })));
    expect(built).toBe(false);
    expect(error.message).toMatch(new RegExp(`/film/transcript: file "${path.replace('.', '\\.')}" is not in the course's media/ folder`));
  });

  it('a title the manifests cannot hold is refused with course.json named, not as an XML error after the build', async () => {
    await editCourse((data) => (data.film.title = 'Film\u0007'));
    const error = await stopped(buildPackages(options({ player: undefined })));
    expect(error.message).toMatch(/course\.json: \/film\/title: has the control character U\+0007/);
  });

  it('an output folder that cannot be written stops the run before the build', async () => {
    await writeFile(join(out, '..', 'a-file'), 'x');
    let built = false;
    const error = await buildPackages(options({ outDir: join(out, '..', 'a-file', 'packages'), player: undefined, onProgress: (event) => void (built ||= event.kind === 'player-built') })).catch((caught: unknown) => caught);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(built).toBe(false);
  });
});

describe('a failed build leaves nothing stale (issue 17.3)', () => {
  it('removes the zips and statement of a variant it could not rebuild, keeps the fresh ones, and says so', async () => {
    const first = await buildPackages(options());
    expect(first.packages.every((pkg) => pkg.path !== null)).toBe(true);
    const before = await readdir(join(out, 'example-acute-trust'));
    expect(before).toEqual(['accessibility-statement.html', 'common-ground-scorm12.zip']);

    // The trust's variant breaks; the other variants are rebuilt.
    const variantFile = join(course, 'variants', 'example-acute-trust.json');
    const variant = JSON.parse(await readFile(variantFile, 'utf8')) as Record<string, any>;
    await writeFile(variantFile, JSON.stringify({ ...variant, standards: ['scorm12', 'not-a-standard'] }));
    const error = await stopped(buildPackages(options()));
    expect(error.removed.map((path) => path.slice(out.length + 1)).sort()).toEqual(
      first.packages.map((pkg) => pkg.path!.slice(out.length + 1)).concat(first.statements.map((path) => path.slice(out.length + 1))).sort(),
    );
    expect(await readdir(join(out, 'example-acute-trust'))).toEqual([]);

    // Built by name, the others are fresh and the broken one is only noted.
    const named = await buildPackages(options({ variants: ['default'] }));
    expect(named.notes).toEqual([expect.stringMatching(/example-acute-trust\.json has 1 problem\(s\) and is not built by this run/)]);
    expect(named.packages.map((pkg) => pkg.standard)).toEqual([...STANDARD_IDS]);
  });

  it('a package that fails validation is not written and its older zip is removed', async () => {
    await buildPackages(options({ variants: ['default'], standards: ['scorm12'] }));
    const zip = join(out, 'default', 'common-ground-scorm12.zip');
    // A schema folder whose SCORM 1.2 set no longer allows scormtype="sco": every manifest of ours breaks it.
    const schemas = join(out, '..', 'schemas');
    await cp(join(REPO, 'manifests', 'schemas'), schemas, { recursive: true });
    const adlcp = join(schemas, 'scorm12', 'adlcp_rootv1p2.xsd');
    await writeFile(adlcp, (await readFile(adlcp, 'utf8')).replace('<xsd:enumeration value="sco"/>', '<xsd:enumeration value="sco-not"/>'));
    const error = await buildPackages(options({ variants: ['default'], standards: ['scorm12'], schemaDir: schemas })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildStopped);
    expect((error as BuildStopped).message).toMatch(/would make packages the validator refuses/);
    expect((error as BuildStopped).removed).toEqual([join(out, 'default', 'accessibility-statement.html'), zip]);
  });

  it('a schema folder that cannot be used stops the run, naming it', async () => {
    const error = await stopped(buildPackages(options({ variants: ['default'], standards: ['scorm12'], schemaDir: join(out, '..', 'no-schemas') })));
    expect(error.message).toMatch(/--schemas: schema folder .*no-schemas\/scorm12 does not exist/);
  });

  it('writes each zip whole: no temp file is left beside it', async () => {
    await mkdir(join(out, 'default'), { recursive: true });
    await writeFile(join(out, 'default', '.common-ground-xapi.zip.4242.partial'), 'left by a killed run');
    await buildPackages(options({ variants: ['default'], standards: ['xapi'] }));
    expect(await readdir(join(out, 'default'))).toEqual(['accessibility-statement.html', 'common-ground-xapi.zip']);
  });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true }).catch(() => undefined);
});
