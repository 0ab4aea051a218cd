// The manifest generators, one per standard (standards/), behind one call the build makes for every package.
import { PACKAGE_STANDARDS } from './standards/index.ts';
import type { Descriptor, PackageInput } from './package-input.ts';

export type { Descriptor, PackageInput } from './package-input.ts';
export { packageIdentifiers, type PackageIdentifiers } from './identifiers.ts';
export { validatePackages, SchemaSetError, type PackageReport, type PackageToValidate, type Problem, type ValidateOptions } from './validate.ts';

/**
 * The descriptor (imsmanifest.xml / cmi5.xml / tincan.xml) plus, for SCORM, the control documents to add at the
 * root; the manifest lists input.files AND those control documents. Throws on input that would make a broken
 * package (unsafe or duplicate paths, missing launch file, a file clashing with a generated one).
 */
export function describePackage(input: PackageInput): Descriptor[] {
  const standard = Object.hasOwn(PACKAGE_STANDARDS, input.standard) ? PACKAGE_STANDARDS[input.standard] : undefined;
  if (!standard) throw new Error(`no manifest generator for standard "${String(input.standard)}"`);
  return standard.describe(input);
}
