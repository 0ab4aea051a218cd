// The two SCORM 2004 editions for the build and the tools: imsmanifest.xml (IMS CP 1.1.4 + ADL CP/SEQ/NAV, IMS SS)
// with the edition's control documents, told apart by metadata/schemaversion. They differ only in the edition's id
// (which picks its profile, control documents and XSD folder) and name, so one function makes both.
import { scormLaunch } from '../launch-target.ts';
import type { ScormStandard } from '../scorm-profile.ts';
import { scorm2004Manifest } from '../scorm2004.ts';
import { checkScormManifest } from '../validate-scorm.ts';
import { MANIFEST, recogniseScorm, SCORM2004_IMPORTS, SCORM2004_ROOT, scormPackage, unrecognisedScorm2004 } from './scorm.ts';
import type { PackageStandard } from './types.ts';

export function scorm2004Edition(edition: Exclude<ScormStandard, 'scorm12'>, name: string): PackageStandard {
  return {
    name,
    descriptor: MANIFEST,
    describe: (input) => scormPackage(input, edition, (listed) => scorm2004Manifest(listed, edition)),
    recognise: (root) => recogniseScorm(edition, root),
    expectedRoot: SCORM2004_ROOT,
    unrecognised: unrecognisedScorm2004,
    check: (context) => checkScormManifest(context, edition, name),
    schemaSet: { folder: edition, imports: SCORM2004_IMPORTS, lomWhenPresent: true },
    launch: (root, files) => scormLaunch(edition, root, files),
  };
}
