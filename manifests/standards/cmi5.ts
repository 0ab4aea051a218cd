// cmi5 for the build and the tools: cmi5.xml (the CourseStructure), checked against its XSD and CATAPULT's rules.
import { cmi5CourseStructure } from '../cmi5.ts';
import { cmi5Launch } from '../launch-target.ts';
import { NS } from '../namespaces.ts';
import { checkPackageInput } from '../package-input.ts';
import { checkCmi5CourseStructure } from '../validate-cmi5.ts';
import type { PackageStandard } from './types.ts';

const DESCRIPTOR = 'cmi5.xml';

export const cmi5: PackageStandard = {
  name: 'cmi5',
  descriptor: DESCRIPTOR,
  describe: (input) => {
    checkPackageInput(input, [DESCRIPTOR]);
    return [{ path: DESCRIPTOR, contents: cmi5CourseStructure(input) }];
  },
  recognise: (root) => (root.local === 'courseStructure' && root.ns === NS.cmi5 ? 'cmi5 CourseStructure v1' : null),
  expectedRoot: `<courseStructure> in namespace ${NS.cmi5}`,
  check: checkCmi5CourseStructure,
  schemaSet: { folder: 'cmi5', imports: [[NS.cmi5, 'CourseStructure.xsd']], lomWhenPresent: false },
  launch: cmi5Launch,
};
