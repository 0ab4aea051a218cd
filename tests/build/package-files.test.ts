import { describe, expect, it } from 'vitest';
import { selectPlayerFiles, type ViteManifest } from '../../build/package-files.ts';

// A manifest shaped like Vite's for the player: an entry that imports shared code, loads connect.ts' adapters and
// the film screen dynamically; the xAPI adapters share a chunk holding the xAPI client.
const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-a.js', src: 'index.html', isEntry: true, imports: ['_preact-b.js'], dynamicImports: ['../runtime/adapters/scorm12.ts', '../runtime/adapters/scorm2004.ts', '../runtime/adapters/xapi.ts', '../runtime/adapters/cmi5.ts', '../runtime/adapters/standalone.ts', 'screens/film.tsx'], css: ['assets/index-a.css'] },
  '_preact-b.js': { file: 'assets/preact-b.js' },
  '../runtime/adapters/scorm12.ts': { file: 'assets/scorm12-c.js', src: '../runtime/adapters/scorm12.ts', isDynamicEntry: true, imports: ['_scorm-shared-d.js'] },
  '../runtime/adapters/scorm2004.ts': { file: 'assets/scorm2004-e.js', src: '../runtime/adapters/scorm2004.ts', isDynamicEntry: true, imports: ['_scorm-shared-d.js'] },
  '_scorm-shared-d.js': { file: 'assets/scorm-shared-d.js' },
  '../runtime/adapters/xapi.ts': { file: 'assets/xapi-f.js', src: '../runtime/adapters/xapi.ts', isDynamicEntry: true, imports: ['_xapi-client-g.js'] },
  '../runtime/adapters/cmi5.ts': { file: 'assets/cmi5-h.js', src: '../runtime/adapters/cmi5.ts', isDynamicEntry: true, imports: ['_xapi-client-g.js'] },
  '_xapi-client-g.js': { file: 'assets/xapi-client-g.js' },
  '../runtime/adapters/standalone.ts': { file: 'assets/standalone-i.js', src: '../runtime/adapters/standalone.ts', isDynamicEntry: true },
  'screens/film.tsx': { file: 'assets/film-j.js', src: 'screens/film.tsx', isDynamicEntry: true, css: ['assets/film-j.css'], assets: ['assets/icon-k.svg'] },
};
const allFiles = ['index.html', ...new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]))].sort();
const adapter = (name: string): string => `course/runtime/adapters/${name}.ts`;
const everyAdapter = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'standalone'].map(adapter);
const select = (needed: string[]): string[] => selectPlayerFiles(allFiles, manifest, 'course/player', everyAdapter, needed.map(adapter));

describe('selectPlayerFiles', () => {
  it('keeps the entry, shared code, lazy screens and only the SCORM 1.2 adapter for a SCORM 1.2 package', () => {
    const files = select(['scorm12', 'standalone']);
    expect(files).toEqual(['assets/film-j.css', 'assets/film-j.js', 'assets/icon-k.svg', 'assets/index-a.css', 'assets/index-a.js', 'assets/preact-b.js', 'assets/scorm-shared-d.js', 'assets/scorm12-c.js', 'assets/standalone-i.js', 'index.html']);
    expect(files.some((file) => file.includes('xapi'))).toBe(false);
  });

  it('keeps the xAPI client chunk for cmi5 but no SCORM code', () => {
    const files = select(['cmi5', 'standalone']);
    expect(files).toContain('assets/xapi-client-g.js');
    expect(files).toContain('assets/cmi5-h.js');
    expect(files.filter((file) => /scorm|xapi-f/.test(file))).toEqual([]);
  });

  it('refuses a standard whose adapter the build does not contain', () => {
    expect(() => select(['aicc'])).toThrow(/no chunk for tracking adapter course\/runtime\/adapters\/aicc\.ts/);
  });

  it('reports a manifest that names a chunk it does not describe', () => {
    const broken: ViteManifest = { 'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_gone.js'] } };
    expect(() => selectPlayerFiles(['index.html', 'assets/index.js'], broken, 'course/player', [], [])).toThrow(/_gone\.js/);
  });
});
