// What the three SCORM editions share as standards: their packages carry control documents beside imsmanifest.xml,
// their roots are <manifest>, and a SCORM 2004 manifest of an edition we do not support gets its own message.
import { controlDocuments } from '../control-documents.ts';
import { NS } from '../namespaces.ts';
import { checkPackageInput, type Descriptor, type PackageInput } from '../package-input.ts';
import { locate, type Problem } from '../problem.ts';
import { SCORM_PROFILE, type ScormStandard } from '../scorm-profile.ts';
import { childrenNamed, type XmlElement } from '../xml-tree.ts';

export const MANIFEST = 'imsmanifest.xml';

/** The manifest written by `manifest` and the edition's control documents, which it lists. */
export function scormPackage(input: PackageInput, standard: ScormStandard, manifest: (listed: PackageInput) => string): Descriptor[] {
  const controls = controlDocuments(standard);
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

/** Whether `root` is the manifest of `standard`: its namespace, and for 2004 (one namespace, two editions) its schemaversion. */
export function recogniseScorm(standard: ScormStandard, root: XmlElement): string | null {
  const { cpNamespace, schemaversion } = SCORM_PROFILE[standard];
  if (root.local !== 'manifest' || root.ns !== cpNamespace) return null;
  if (cpNamespace === NS.imscp12) return schemaversion; // 1.2 is told by its namespace alone
  return schemaversionOf(root, cpNamespace) === schemaversion ? schemaversion : null;
}

/** A SCORM 2004 manifest whose schemaversion names no edition we support: the 2nd Edition, or none. */
export function unrecognisedScorm2004(descriptor: string, root: XmlElement): { edition: string; problem: Problem } | null {
  if (root.local !== 'manifest' || root.ns !== NS.imscp) return null;
  const element = schemaversionElement(root, NS.imscp);
  const version = schemaversionOf(root, NS.imscp);
  const where = locate(descriptor, element ?? root);
  if (version === 'CAM 1.3' || version === '2004 2nd Edition') {
    return {
      edition: `2004 2nd Edition (${version})`,
      problem: {
        rule: 'edition-unsupported',
        where,
        message: `schemaversion "${version}" is SCORM 2004 2nd Edition, which this validator does not support; republish as 2004 3rd or 4th Edition`,
      },
    };
  }
  const supported = Object.values(SCORM_PROFILE).filter((profile) => profile.cpNamespace === NS.imscp).map((profile) => `"${profile.schemaversion}"`);
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
