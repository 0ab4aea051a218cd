// The SCORM 2004 editions for the build and the tools: imsmanifest.xml (IMS CP 1.1.4 + ADL CP/SEQ/NAV, IMS SS)
// with the edition's control documents, told apart by metadata/schemaversion. An edition is its profile (what it
// says of itself: schemaversion, where it puts a completion threshold, its schema folder, on the 2004 base in
// scorm-profile.ts) and its name, so one function makes each edition's registry entry from them.
import { scormLaunch } from '../launch-target.ts';
import { scorm2004Profile, type Scorm2004Edition } from '../scorm-profile.ts';
import { scorm2004Manifest } from '../scorm2004.ts';
import { checkScormManifest } from '../validate-scorm.ts';
import { MANIFEST, recogniseScorm, SCORM2004_IMPORTS, SCORM2004_ROOT, scormPackage, unrecognisedScorm2004 } from './scorm.ts';
import type { PackageStandard } from './types.ts';

export function scorm2004Edition(name: string, edition: Scorm2004Edition): PackageStandard {
  const profile = scorm2004Profile(edition);
  return {
    name,
    descriptor: MANIFEST,
    describe: (input) => scormPackage(input, profile, (listed) => scorm2004Manifest(listed, profile)),
    recognise: (root) => recogniseScorm(profile, root),
    expectedRoot: SCORM2004_ROOT,
    unrecognised: unrecognisedScorm2004,
    scorm: profile,
    check: (context) => checkScormManifest(context, profile, name),
    schemaSet: { folder: profile.schemaFolder, imports: SCORM2004_IMPORTS, lomWhenPresent: true },
    launch: (root, files) => scormLaunch(profile, root, files),
  };
}
