// The XSD sets the validator checks descriptors against, loaded into memory once per process.
//
// A SCORM manifest mixes several namespaces but xmllint takes one schema, and IMS CP admits the ADL/IMS SS
// extensions only through lax wildcards, so validating against imscp*.xsd alone would silently skip them. Each set
// therefore gets a small driver schema, built here in memory, that imports every namespace of the edition; the lax
// wildcards then find the declarations and validate the extensions too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendoredSchemaFolder } from './control-documents.ts';
import { NS } from './standards.ts';

/** A schema set that cannot be read or compiled: a setup problem, not a fault of the package being validated. */
export class SchemaSetError extends Error {
  override name = 'SchemaSetError';
}

export type SchemaSetId = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th' | 'cmi5';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export interface SchemaSet {
  id: SchemaSetId;
  /** Where the files came from, for messages. */
  source: string;
  /** The driver schema xmllint is given. */
  driver: SchemaFile;
  /** Every schema file the driver reaches, at the paths the driver's imports use. */
  files: SchemaFile[];
}

/** Folder names inside a `schemaDir` laid out like shared/standards. */
const STANDARDS_FOLDER: Readonly<Record<SchemaSetId, string>> = {
  scorm12: 'scorm12',
  'scorm2004-3rd': 'scorm2004-3rd',
  'scorm2004-4th': 'scorm2004-4th',
  cmi5: 'cmi5',
};

// Namespace → schema file (relative to the set's folder) that the driver imports.
// The SCORM 1.2 IMS metadata schema (imsmd_rootv1p2p1.xsd) is left out on purpose: libxml2 2.13 (the version inside
// xmllint-wasm) refuses to compile it ("content model is not determinist"), while older libxml2 accepted it. Inline
// IMS MD metadata is then checked laxly, as by any LMS; our own manifests carry none.
const SCORM2004_IMPORTS: readonly (readonly [string, string])[] = [
  [NS.imscp, 'imscp_v1p1.xsd'],
  [NS.adlcp, 'adlcp_v1p3.xsd'],
  [NS.adlseq, 'adlseq_v1p3.xsd'],
  [NS.adlnav, 'adlnav_v1p3.xsd'],
  [NS.imsss, 'imsss_v1p0.xsd'],
];
const IMPORTS: Readonly<Record<SchemaSetId, readonly (readonly [string, string])[]>> = {
  scorm12: [
    [NS.imscp12, 'imscp_rootv1p1p2.xsd'],
    [NS.adlcp12, 'adlcp_rootv1p2.xsd'],
  ],
  'scorm2004-3rd': SCORM2004_IMPORTS,
  'scorm2004-4th': SCORM2004_IMPORTS,
  cmi5: [[NS.cmi5, 'CourseStructure.xsd']],
};
/** Optional extra: IEEE LOM, imported when the folder has it (shared/standards does; the vendored sets, which hold only
 * what packages ship, do not). */
const LOM_IMPORT = [NS.lom, 'lom.xsd'] as const;

const VENDORED_CMI5 = fileURLToPath(new URL('./schemas/cmi5/', import.meta.url));

/** Folder that holds a set's files, from the schemaDir option or the project defaults. */
function schemaFolder(id: SchemaSetId, schemaDir?: string): string {
  if (schemaDir !== undefined) return join(schemaDir, STANDARDS_FOLDER[id]);
  return id === 'cmi5' ? VENDORED_CMI5 : vendoredSchemaFolder(id);
}

const cache = new Map<string, SchemaSet>();

/** The schema set `id`, read from `schemaDir` (laid out like shared/standards) or the defaults; cached. */
export function loadSchemaSet(id: SchemaSetId, schemaDir?: string): SchemaSet {
  const folder = schemaFolder(id, schemaDir);
  const key = `${id}\u0000${folder}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!existsSync(folder)) throw new SchemaSetError(`schema folder ${folder} does not exist`);

  const paths = listSchemaFiles(folder);
  const imports = [...IMPORTS[id], ...(id !== 'cmi5' && id !== 'scorm12' && paths.includes(LOM_IMPORT[1]) ? [LOM_IMPORT] : [])];
  for (const [, file] of imports) {
    if (!paths.includes(file)) throw new SchemaSetError(`schema folder ${folder} has no ${file}`);
  }
  const files = paths.map((path) => ({
    fileName: `${id}/${path}`,
    contents: withLocalXmlSchema(readFileSync(join(folder, path), 'utf8'), path, paths),
  }));
  const driver: SchemaFile = {
    fileName: `driver-${id}.xsd`,
    contents: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-common-ground:validation-driver:${id}" elementFormDefault="qualified">`,
      ...imports.map(([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${id}/${file}"/>`),
      '</xs:schema>',
    ].join('\n'),
  };
  const set: SchemaSet = { id, source: folder, driver, files };
  cache.set(key, set);
  return set;
}

/** *.xsd and *.dtd files below `folder`, as forward-slash paths relative to it, sorted. */
function listSchemaFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(xsd|dtd)$/i.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(/[\\/]/).join('/'))
    .sort();
}

/**
 * ADL's 4th-Edition imscp_v1p1.xsd imports the XML namespace schema from http://www.w3.org/2001/xml.xsd. The
 * validator never fetches anything, so in our in-memory copy that location is rewritten to the set's own xml.xsd.
 */
function withLocalXmlSchema(contents: string, path: string, allPaths: readonly string[]): string {
  if (!allPaths.includes('xml.xsd')) return contents;
  const local = posix.relative(posix.dirname(path), 'xml.xsd');
  return contents.replace(/(schemaLocation\s*=\s*)(["'])https?:\/\/www\.w3\.org\/2001\/(?:03\/)?xml\.xsd\2/g, `$1$2${local}$2`);
}
