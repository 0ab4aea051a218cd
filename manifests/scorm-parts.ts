// The parts of imsmanifest.xml that SCORM 1.2 and 2004 write alike: the metadata block and the one SCO resource
// listing every file. The namespace and the spelling of the scormtype attribute differ by version.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { filesInManifestOrder, type PackageInput } from './package-input.ts';
import { hrefForPath } from './paths.ts';

export function addMetadata(manifest: XMLBuilder, schemaversion: string): void {
  const metadata = manifest.ele('metadata');
  metadata.ele('schema').txt('ADL SCORM');
  metadata.ele('schemaversion').txt(schemaversion);
}

/** The SCO resource; `scormTypeAttribute` is adlcp:scormtype (1.2) or adlcp:scormType (2004) in `adlcpNamespace`. */
export function addScoResource(manifest: XMLBuilder, input: PackageInput, resourceId: string, adlcpNamespace: string, scormTypeAttribute: string): void {
  const resource = manifest.ele('resources').ele('resource', { identifier: resourceId, type: 'webcontent', href: hrefForPath(input.launch) });
  resource.att(adlcpNamespace, scormTypeAttribute, 'sco');
  for (const path of filesInManifestOrder(input.launch, input.files)) resource.ele('file', { href: hrefForPath(path) });
}
