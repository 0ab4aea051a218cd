// The SCORM "XML control documents": the XSD/DTD files an imsmanifest.xml names in xsi:schemaLocation, which ADL
// requires at the package root ("All directly referenced XML Control Documents ... must be placed at the root of the
// Content Package", CTS RequiredFilesChecker). Each edition's set is vendored in manifests/schemas/<edition>/ (byte
// copies of the official files, see its README.md) and shipped whole, because the named schemas include and import
// the rest (imsss_v1p0*.xsd, xml.xsd, ims_xml.xsd, the DTDs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface ControlDocument {
  /** File name at the package root. */
  path: string;
  bytes: Uint8Array;
}

/** A SCORM edition's vendored schema folder, by its name (its profile's `schemaFolder`; also its XSD set). */
export function vendoredSchemaFolder(folder: string): string {
  return fileURLToPath(new URL(`./schemas/${folder}/`, import.meta.url));
}

// Read once per process: the build packages hundreds of targets and every SCORM one carries these bytes.
const cache = new Map<string, readonly ControlDocument[]>();

/** The control documents in an edition's schema folder, sorted by name. The same array (and byte arrays) is returned on every call. */
export function controlDocuments(schemaFolder: string): readonly ControlDocument[] {
  let documents = cache.get(schemaFolder);
  if (!documents) {
    const folder = vendoredSchemaFolder(schemaFolder);
    documents = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(xsd|dtd)$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort()
      .map((name) => Object.freeze({ path: name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));
    if (documents.length === 0) throw new Error(`no schema files found in ${folder}`);
    Object.freeze(documents);
    cache.set(schemaFolder, documents);
  }
  return documents;
}
