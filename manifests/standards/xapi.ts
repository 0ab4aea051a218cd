// xAPI with the TinCan launch for the build and the tools: tincan.xml, which has no XSD to check against offline, so
// its structure is checked in code (validate-tincan.ts).
import { tincanLaunch } from '../launch-target.ts';
import { NS } from '../namespaces.ts';
import { checkPackageInput } from '../package-input.ts';
import { tincanDescriptor } from '../tincan.ts';
import { checkTincanDescriptor } from '../validate-tincan.ts';
import type { PackageStandard } from './types.ts';

const DESCRIPTOR = 'tincan.xml';

export const xapi: PackageStandard = {
  name: 'xAPI (TinCan launch)',
  descriptor: DESCRIPTOR,
  describe: (input) => {
    checkPackageInput(input, [DESCRIPTOR]);
    return [{ path: DESCRIPTOR, contents: tincanDescriptor(input) }];
  },
  recognise: (root) => (root.local === 'tincan' && root.ns === NS.tincan ? 'TinCan launch (tincan.xml)' : null),
  expectedRoot: `<tincan> in namespace ${NS.tincan}`,
  check: checkTincanDescriptor,
  schemaSet: null,
  launch: tincanLaunch,
};
