// The XSD sets the validator checks descriptors against, loaded into memory once per process.
//
// A SCORM manifest mixes several namespaces but xmllint takes one schema, and IMS CP admits the ADL/IMS SS
// extensions only through lax wildcards, so validating against imscp*.xsd alone would silently skip them. Each set
// therefore gets a small driver schema, built here in memory, that imports every namespace of the edition; the lax
// wildcards then find the declarations and validate the extensions too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NS } from './namespaces.ts';

/** A schema set that cannot be read or compiled: a setup problem, not a fault of the package being validated. */
export class SchemaSetError extends Error {
  override name = 'SchemaSetError';
}

/** One standard's XSD set, as its module in standards/ declares it. */
export interface SchemaSetSpec {
  /** The set's name: its folder in manifests/schemas/ (the default) and in a schemaDir laid out like shared/standards. */
  folder: string;
  /** Namespace → schema file (relative to the folder) that the driver imports. */
  imports: readonly (readonly [namespace: string, file: string])[];
  /** Also import IEEE LOM when the folder has lom.xsd (shared/standards does; the vendored sets, which hold only what
   *  packages ship, do not). */
  lomWhenPresent: boolean;
}

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export interface SchemaSet {
  /** The spec's folder name. */
  id: string;
  /** Where the files came from, for messages. */
  source: string;
  /** The driver schema xmllint is given. */
  driver: SchemaFile;
  /** Every schema file the driver reaches, at the paths the driver's imports use. */
  files: SchemaFile[];
}

/** The schema sets vendored in this repository, one folder per set (see schemas/README.md). */
const VENDORED = fileURLToPath(new URL('./schemas/', import.meta.url));

const LOM_IMPORT = [NS.lom, 'lom.xsd'] as const;

/** Folder that holds a set's files, in `schemaDir` or among the vendored sets. */
function schemaFolder(spec: SchemaSetSpec, schemaDir?: string): string {
  return join(schemaDir ?? VENDORED, spec.folder);
}

const cache = new Map<string, SchemaSet>();

/** The schema set `spec`, read from `schemaDir` (laid out like shared/standards) or the vendored sets; cached. */
export function loadSchemaSet(spec: SchemaSetSpec, schemaDir?: string): SchemaSet {
  const id = spec.folder;
  const folder = schemaFolder(spec, schemaDir);
  const key = `${id}\u0000${folder}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!existsSync(folder)) throw new SchemaSetError(`schema folder ${folder} does not exist`);

  const paths = listSchemaFiles(folder);
  const imports = [...spec.imports, ...(spec.lomWhenPresent && paths.includes(LOM_IMPORT[1]) ? [LOM_IMPORT] : [])];
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
