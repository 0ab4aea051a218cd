// SCORM 2004 3rd Edition for the build and the tools: imsmanifest.xml (IMS CP 1.1.4 + ADL CP/SEQ/NAV, IMS SS) with
// the edition's control documents; told from the other edition by metadata/schemaversion.
import { scormLaunch } from '../launch-target.ts';
import { scorm2004Manifest } from '../scorm2004.ts';
import { checkScormManifest } from '../validate-scorm.ts';
import { MANIFEST, recogniseScorm, SCORM2004_IMPORTS, SCORM2004_ROOT, scormPackage, unrecognisedScorm2004 } from './scorm.ts';
import type { PackageStandard } from './types.ts';

export const scorm2004Third: PackageStandard = {
  name: 'SCORM 2004 3rd Edition',
  descriptor: MANIFEST,
  describe: (input) => scormPackage(input, 'scorm2004-3rd', (listed) => scorm2004Manifest(listed, 'scorm2004-3rd')),
  recognise: (root) => recogniseScorm('scorm2004-3rd', root),
  expectedRoot: SCORM2004_ROOT,
  unrecognised: unrecognisedScorm2004,
  check: (context) => checkScormManifest(context, 'scorm2004-3rd', scorm2004Third.name),
  schemaSet: { folder: 'scorm2004-3rd', imports: SCORM2004_IMPORTS, lomWhenPresent: true },
  launch: (root, files) => scormLaunch('scorm2004-3rd', root, files),
};
