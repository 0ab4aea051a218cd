// imsmanifest.xml for the SCORM 2004 editions (3rd, 4th): IMS CP 1.1.4 with ADL CP/SEQ/NAV and IMS SS. The editions
// differ here only in metadata/schemaversion and in the control documents shipped beside the manifest (their profiles).
//
// Sequencing is kept to what a single-SCO course needs and never takes navigation away from the LMS:
// - organization controlMode choice="true" flow="true": flow lets the LMS start the SCO by itself (with the default
//   flow="false" a Start request fails and some LMSs show an empty table of contents instead), choice keeps the LMS menu;
// - item deliveryControls completionSetByContent/objectiveSetByContent="true": the player reports completion and
//   success itself, so the LMS must not mark the activity completed/satisfied on its own when the SCO exits.
// No adlnav:hideLMSUI (the LMS keeps its own exit/continue controls), no completionThreshold or
// minNormalizedMeasure (with them the LMS recomputes the status the player reports, ADL RTE SCORM_2004_DM.java).
import { create } from 'xmlbuilder2';
import { packageIdentifiers } from './identifiers.ts';
import type { PackageInput } from './package-input.ts';
import { addMetadata, addScoResource } from './scorm-parts.ts';
import { NS } from './namespaces.ts';
import { schemaLocationValue, type ScormProfile } from './scorm-profile.ts';

/** The manifest for `input` in the edition `profile` describes; input.files must already include the control documents to list. */
export function scorm2004Manifest(input: PackageInput, profile: ScormProfile): string {
  const ids = packageIdentifiers(input.course, input.variant);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const manifest = doc.ele(NS.imscp, 'manifest', { identifier: ids.manifest, version: input.course.version });
  manifest.att(NS.xmlns, 'xmlns:adlcp', NS.adlcp);
  manifest.att(NS.xmlns, 'xmlns:adlseq', NS.adlseq);
  manifest.att(NS.xmlns, 'xmlns:adlnav', NS.adlnav);
  manifest.att(NS.xmlns, 'xmlns:imsss', NS.imsss);
  manifest.att(NS.xmlns, 'xmlns:xsi', NS.xsi);
  manifest.att(NS.xsi, 'xsi:schemaLocation', schemaLocationValue(profile));

  addMetadata(manifest, profile.schemaversion);

  const organization = manifest
    .ele('organizations', { default: ids.organization })
    .ele('organization', { identifier: ids.organization });
  organization.ele('title').txt(input.variant.displayName);
  const item = organization.ele('item', { identifier: ids.item, identifierref: ids.resource });
  item.ele('title').txt(input.course.title);
  item
    .ele(NS.imsss, 'imsss:sequencing')
    .ele(NS.imsss, 'imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'true' });
  organization
    .ele(NS.imsss, 'imsss:sequencing')
    .ele(NS.imsss, 'imsss:controlMode', { choice: 'true', flow: 'true' });

  addScoResource(manifest, input, ids.resource, NS.adlcp, 'adlcp:scormType');

  return doc.end({ prettyPrint: true });
}
