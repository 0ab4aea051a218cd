// The LMS page's own files, all served by this server (nothing from a CDN): its stylesheet, its scripts (TypeScript in
// tools/preview/client/, type-checked with the project and transpiled here once at start-up), and scorm-again's
// browser bundles from node_modules. scorm-again's "exports" send `import` to ES modules and `require` to the IIFE
// scripts that define window.Scorm12API / Scorm2004API; the IIFEs are the ones meant for <script src>, so the page
// loads those (resolved through the package's own exports map, never by guessing paths inside it).
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Asset {
  contentType: string;
  body: Buffer;
}

export type ClientAssets = ReadonlyMap<string, Asset>;

const CLIENT_FOLDER = fileURLToPath(new URL('./client/', import.meta.url));
const JS = 'text/javascript; charset=utf-8';

/** Every asset by the name it is served under (below /_preview/assets/). */
export async function loadClientAssets(): Promise<ClientAssets> {
  const assets = new Map<string, Asset>();
  for (const name of await readdir(CLIENT_FOLDER)) {
    const source = await readFile(join(CLIENT_FOLDER, name), 'utf8');
    if (name.endsWith('.css')) assets.set(name, { contentType: 'text/css; charset=utf-8', body: Buffer.from(source) });
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) assets.set(`client/${name}`, { contentType: JS, body: Buffer.from(transpile(source, name)) });
  }
  const require = createRequire(import.meta.url);
  for (const [served, specifier] of [
    ['scorm12.js', 'scorm-again/scorm12/min'],
    ['scorm2004.js', 'scorm-again/scorm2004/min'],
  ] as const) {
    const path = require.resolve(specifier);
    // The bundle ends with a sourceMappingURL comment naming its own file; drop it so devtools do not ask for a
    // map this server does not serve under that name.
    const text = (await readFile(path, 'utf8')).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    assets.set(served, { contentType: JS, body: Buffer.from(`/* ${basename(path)} from scorm-again (MIT) */\n${text}`) });
  }
  return assets;
}

function transpile(source: string, fileName: string): string {
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: false },
  });
  const errors = output.diagnostics?.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error) ?? [];
  if (errors.length > 0) throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n')}`);
  return output.outputText;
}
