// What the three SCORM editions share as standards: their packages carry control documents beside imsmanifest.xml,
// their roots are <manifest>, and a SCORM 2004 manifest of an edition we do not support gets its own message.
import { controlDocuments } from '../control-documents.ts';
import { NS } from '../namespaces.ts';
import { checkPackageInput, type Descriptor, type PackageInput } from '../package-input.ts';
import { locate, type Problem } from '../problem.ts';
import type { ScormProfile } from '../scorm-profile.ts';
import { childrenNamed, type XmlElement } from '../xml-tree.ts';
import type { PackageStandard } from './types.ts';

export const MANIFEST = 'imsmanifest.xml';

/** The manifest written by `manifest` and the edition's control documents, which it lists. */
export function scormPackage(input: PackageInput, profile: ScormProfile, manifest: (listed: PackageInput) => string): Descriptor[] {
  const controls = controlDocuments(profile.schemaFolder);
  checkPackageInput(input, [MANIFEST, ...controls.map((document) => document.path)]);
  const listed: PackageInput = { ...input, files: [...input.files, ...controls.map((document) => document.path)] };
  return [{ path: MANIFEST, contents: manifest(listed) }, ...controls.map(({ path, bytes }) => ({ path, contents: bytes }))];
}

/** metadata/schemaversion of a manifest in `cpNamespace`, white space collapsed; '' when there is none. */
export function schemaversionOf(root: XmlElement, cpNamespace: string): string {
  return schemaversionElement(root, cpNamespace)?.text.replace(/\s+/g, ' ').trim() ?? '';
}

function schemaversionElement(root: XmlElement, cpNamespace: string): XmlElement | undefined {
  return childrenNamed(root, cpNamespace, 'metadata').flatMap((metadata) => childrenNamed(metadata, cpNamespace, 'schemaversion'))[0];
}

/** Whether `root` is the manifest of the edition `profile` describes: its namespace, and for 2004 (one namespace, several editions) its schemaversion. */
export function recogniseScorm(profile: ScormProfile, root: XmlElement): string | null {
  const { cpNamespace, schemaversion } = profile;
  if (root.local !== 'manifest' || root.ns !== cpNamespace) return null;
  if (profile.dataModel === '1.2') return schemaversion; // 1.2 is told by its namespace alone
  return schemaversionOf(root, cpNamespace) === schemaversion ? schemaversion : null;
}

/** A SCORM 2004 manifest whose schemaversion names no edition we support (`candidates`): the 2nd Edition, or none. */
export function unrecognisedScorm2004(descriptor: string, root: XmlElement, candidates: readonly PackageStandard[]): { edition: string; problem: Problem } | null {
  if (root.local !== 'manifest' || root.ns !== NS.imscp) return null;
  const element = schemaversionElement(root, NS.imscp);
  const version = schemaversionOf(root, NS.imscp);
  const where = locate(descriptor, element ?? root);
  const supported = candidates.flatMap(({ scorm }) => (scorm?.dataModel === '2004' ? [`"${scorm.schemaversion}"`] : []));
  if (version === 'CAM 1.3' || version === '2004 2nd Edition') {
    return {
      edition: `2004 2nd Edition (${version})`,
      problem: {
        rule: 'edition-unsupported',
        where,
        message: `schemaversion "${version}" is SCORM 2004 2nd Edition, which this validator does not support; republish as ${supported.join(' or ')}`,
      },
    };
  }
  return {
    edition: '',
    problem: {
      rule: 'schemaversion',
      where,
      message: `a SCORM 2004 manifest needs metadata/schemaversion ${supported.join(' or ')} (found ${version ? `"${version}"` : 'none'})`,
    },
  };
}

export const SCORM2004_ROOT = `<manifest> in namespace ${NS.imscp} (SCORM 2004)`;

/** The 2004 editions' driver imports (the XSD files differ between the editions' folders, the namespaces do not). */
export const SCORM2004_IMPORTS: readonly (readonly [string, string])[] = [
  [NS.imscp, 'imscp_v1p1.xsd'],
  [NS.adlcp, 'adlcp_v1p3.xsd'],
  [NS.adlseq, 'adlseq_v1p3.xsd'],
  [NS.adlnav, 'adlnav_v1p3.xsd'],
  [NS.imsss, 'imsss_v1p0.xsd'],
];
