import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STANDARD_IDS } from '../../../course/types.ts';
import { ADAPTER_SOURCES } from '../../../course/runtime/adapter-modules.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNTIME = join(ROOT, 'course/runtime');

/** Static imports and re-exports of a TypeScript file: [specifier, type-only]. */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8');
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push({ specifier: (match[3] ?? match[4]) as string, typeOnly: match[2] !== undefined });
  return found;
}

/** Every module a file pulls in at run time (type-only imports are erased), as repo-relative paths or bare names. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const key = relative(ROOT, file);
    if (seen.has(key)) return;
    seen.add(key);
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else seen.add(specifier);
    }
  };
  visit(entry);
  return seen;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('adapter modules and connect()', () => {
  it('lists, for every standard, its adapter and the standalone one', () => {
    expect(Object.keys(ADAPTER_SOURCES).sort()).toEqual([...STANDARD_IDS].sort());
    for (const sources of Object.values(ADAPTER_SOURCES)) {
      expect(sources).toContain('course/runtime/adapters/standalone.ts');
      for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
  });

  it('loads exactly those modules, by dynamic import from a literal map', () => {
    const connect = readFileSync(join(RUNTIME, 'connect.ts'), 'utf8');
    const dynamic = [...connect.matchAll(/(?:'([\w-]+)'|(\w+)):\s*\(\)\s*=>\s*import\('\.\/(adapters\/[\w-]+\.ts)'\)/g)].map((m) => [m[1] ?? m[2], `course/runtime/${m[3]}`]);
    expect(Object.fromEntries(dynamic)).toEqual(Object.fromEntries(Object.entries(ADAPTER_SOURCES).map(([standard, sources]) => [standard, sources[0]])));
    expect(connect).toContain("import('./adapters/standalone.ts')");
  });

  it('imports no adapter module statically anywhere else in the tree', () => {
    const shipped = ['course', 'build', 'tools', 'manifests'].filter((dir) => existsSync(join(ROOT, dir))).flatMap((dir) => sourceFiles(join(ROOT, dir)));
    for (const file of shipped) {
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (typeOnly || !specifier.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(file), specifier));
        if (target.startsWith('course/runtime/adapters/')) {
          expect(relative(ROOT, file).startsWith('course/runtime/adapters/'), `${relative(ROOT, file)} imports ${target}`).toBe(true);
        }
      }
    }
  });

  it('keeps the xAPI client and xAPI code out of the SCORM adapters', () => {
    for (const adapter of ['scorm12.ts', 'scorm2004.ts', 'standalone.ts']) {
      const graph = [...runtimeGraph(join(RUNTIME, 'adapters', adapter))];
      expect(graph.filter((m) => m.startsWith('@xapi') || m.startsWith('course/runtime/xapi/')), adapter).toEqual([]);
    }
  });

  it('uses @xapi/xapi for types only, so no package carries its bundled axios', () => {
    for (const file of sourceFiles(RUNTIME)) {
      for (const { specifier, typeOnly } of importsOf(file)) if (specifier.startsWith('@xapi/')) expect(typeOnly, relative(ROOT, file)).toBe(true);
    }
  });
});
