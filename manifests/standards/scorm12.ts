// SCORM 1.2 for the build and the tools: imsmanifest.xml (IMS CP 1.1.2 + ADL CP 1.2) with its control documents.
import { scormLaunch } from '../launch-target.ts';
import { NS } from '../namespaces.ts';
import { SCORM12_PROFILE } from '../scorm-profile.ts';
import { scorm12Manifest } from '../scorm12.ts';
import { checkScormManifest } from '../validate-scorm.ts';
import { MANIFEST, recogniseScorm, scormPackage } from './scorm.ts';
import type { PackageStandard } from './types.ts';

export const scorm12: PackageStandard = {
  name: 'SCORM 1.2',
  descriptor: MANIFEST,
  describe: (input) => scormPackage(input, SCORM12_PROFILE, scorm12Manifest),
  recognise: (root) => recogniseScorm(SCORM12_PROFILE, root),
  expectedRoot: `<manifest> in namespace ${NS.imscp12} (SCORM 1.2)`,
  scorm: SCORM12_PROFILE,
  check: (context) => checkScormManifest(context, SCORM12_PROFILE, scorm12.name),
  schemaSet: {
    folder: SCORM12_PROFILE.schemaFolder,
    // The IMS metadata schema (imsmd_rootv1p2p1.xsd) is left out on purpose: libxml2 2.13 (the version inside
    // xmllint-wasm) refuses to compile it ("content model is not determinist"), while older libxml2 accepted it.
    // Inline IMS MD metadata is then checked laxly, as by any LMS; our own manifests carry none.
    imports: [
      [NS.imscp12, 'imscp_rootv1p1p2.xsd'],
      [NS.adlcp12, 'adlcp_rootv1p2.xsd'],
    ],
    lomWhenPresent: false,
  },
  launch: (root, files) => scormLaunch(SCORM12_PROFILE, root, files),
};
