// The package registry: one line per standard, extending the runtime registry (course/runtime/standards/index.ts)
// with what the build and the tools need. `Record<StandardId, …>` makes a standard missing here (or there) a type
// error. Node-only: the player never imports it.
import type { StandardId } from '../../course/model/types.ts';
import { LaunchProblem, type LaunchResult } from '../launch-target.ts';
import type { XmlElement } from '../xml-tree.ts';
import { cmi5 } from './cmi5.ts';
import { scorm12 } from './scorm12.ts';
import { scorm2004Third } from './scorm2004-3rd.ts';
import { scorm2004Fourth } from './scorm2004-4th.ts';
import type { PackageStandard } from './types.ts';
import { xapi } from './xapi.ts';

export type { PackageStandard } from './types.ts';

/**
 * This order is the order in which the validator looks for descriptors when a package holds more than one: cmi5.xml
 * before tincan.xml, as a cmi5 package may carry a TinCan descriptor too. (The build's order is the runtime
 * registry's.)
 */
export const PACKAGE_STANDARDS: Readonly<Record<StandardId, PackageStandard>> = {
  scorm12,
  'scorm2004-3rd': scorm2004Third,
  'scorm2004-4th': scorm2004Fourth,
  cmi5,
  xapi,
};

/** Each standard with its id, in the order above. */
export const PACKAGE_STANDARD_LIST: readonly (PackageStandard & { id: StandardId })[] = (Object.entries(PACKAGE_STANDARDS) as [StandardId, PackageStandard][]).map(
  ([id, standard]) => ({ ...standard, id }),
);

/** The SCORM editions (the standards with a SCORM profile), in the order above. */
export const SCORM_EDITIONS: readonly StandardId[] = PACKAGE_STANDARD_LIST.filter((standard) => standard.scorm).map((standard) => standard.id);

/** Whether `standard` is a SCORM edition. */
export function isScorm(standard: StandardId): boolean {
  return PACKAGE_STANDARDS[standard].scorm !== undefined;
}

/** The descriptor each standard puts at the zip root. */
export const DESCRIPTOR_FILE: Readonly<Record<StandardId, string>> = mapStandards((standard) => standard.descriptor);

/** The human name of each standard, for reports. */
export const STANDARD_NAME: Readonly<Record<StandardId, string>> = mapStandards((standard) => standard.name);

/** Every descriptor name, once each, in the order the validator looks for them. */
export const DESCRIPTOR_NAMES: readonly string[] = [...new Set(PACKAGE_STANDARD_LIST.map((standard) => standard.descriptor))];

/** The launch the preview makes for a parsed descriptor of `standard`; `files` are the package's file paths. */
export function describeLaunch(standard: StandardId, root: XmlElement, files: ReadonlySet<string>): LaunchResult {
  try {
    return { ok: true, launch: PACKAGE_STANDARDS[standard].launch(root, files) };
  } catch (error) {
    if (error instanceof LaunchProblem) return { ok: false, message: error.message };
    throw error;
  }
}

function mapStandards<T>(valueOf: (standard: PackageStandard) => T): Record<StandardId, T> {
  return Object.fromEntries(PACKAGE_STANDARD_LIST.map((standard) => [standard.id, valueOf(standard)])) as Record<StandardId, T>;
}
