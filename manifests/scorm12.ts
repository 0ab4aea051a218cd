// imsmanifest.xml for SCORM 1.2: IMS CP 1.1.2 with ADL CP 1.2 extensions, one organization, one item, one SCO.
// No adlcp:masteryscore: with one present, LMSs may overwrite the status the player reports (Rustici "Score
// Overrides Status"; SCORM 1.2 conformance requirements p.2-19), so the player alone decides passed/failed.
import { create } from 'xmlbuilder2';
import { packageIdentifiers } from './identifiers.ts';
import type { PackageInput } from './package-input.ts';
import { addMetadata, addScoResource } from './scorm-parts.ts';
import { NS } from './namespaces.ts';
import { SCORM12_PROFILE, schemaLocationValue } from './scorm-profile.ts';

/** The manifest for `input`; input.files must already include the control documents to list. */
export function scorm12Manifest(input: PackageInput): string {
  const profile = SCORM12_PROFILE;
  const ids = packageIdentifiers(input.course, input.variant);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const manifest = doc.ele(NS.imscp12, 'manifest', { identifier: ids.manifest, version: input.course.version });
  manifest.att(NS.xmlns, 'xmlns:adlcp', NS.adlcp12);
  manifest.att(NS.xmlns, 'xmlns:xsi', NS.xsi);
  manifest.att(NS.xsi, 'xsi:schemaLocation', schemaLocationValue(profile));

  addMetadata(manifest, profile.schemaversion);

  const organization = manifest
    .ele('organizations', { default: ids.organization })
    .ele('organization', { identifier: ids.organization });
  organization.ele('title').txt(input.variant.displayName);
  organization
    .ele('item', { identifier: ids.item, identifierref: ids.resource, isvisible: 'true' })
    .ele('title')
    .txt(input.course.title);

  addScoResource(manifest, input, ids.resource, NS.adlcp12, 'adlcp:scormtype');

  return doc.end({ prettyPrint: true });
}
