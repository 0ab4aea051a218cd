// The manifest generators, one per package format, behind one call the build makes for every package.
import { cmi5CourseStructure } from './cmi5.ts';
import { controlDocuments } from './control-documents.ts';
import { checkPackageInput, type Descriptor, type PackageInput } from './package-input.ts';
import { scorm12Manifest } from './scorm12.ts';
import { scorm2004Manifest } from './scorm2004.ts';
import { DESCRIPTOR_FILE } from './standards.ts';
import { tincanDescriptor } from './tincan.ts';

export type { Descriptor, PackageInput } from './package-input.ts';
export { packageIdentifiers, type PackageIdentifiers } from './identifiers.ts';
export { validatePackages, SchemaSetError, type PackageReport, type PackageToValidate, type Problem, type ValidateOptions } from './validate.ts';

/**
 * The descriptor (imsmanifest.xml / cmi5.xml / tincan.xml) plus, for SCORM, the control documents to add at the
 * root; the manifest lists input.files AND those control documents. Throws on input that would make a broken
 * package (unsafe or duplicate paths, missing launch file, a file clashing with a generated one).
 */
export function describePackage(input: PackageInput): Descriptor[] {
  const descriptorPath = DESCRIPTOR_FILE[input.standard];
  const { standard } = input;
  switch (standard) {
    case 'cmi5':
      checkPackageInput(input, [descriptorPath]);
      return [{ path: descriptorPath, contents: cmi5CourseStructure(input) }];
    case 'xapi':
      checkPackageInput(input, [descriptorPath]);
      return [{ path: descriptorPath, contents: tincanDescriptor(input) }];
    case 'scorm12':
    case 'scorm2004-3rd':
    case 'scorm2004-4th': {
      const controls = controlDocuments(standard);
      checkPackageInput(input, [descriptorPath, ...controls.map((document) => document.path)]);
      const listed: PackageInput = { ...input, files: [...input.files, ...controls.map((document) => document.path)] };
      const manifest = standard === 'scorm12' ? scorm12Manifest(listed) : scorm2004Manifest(listed, standard);
      return [{ path: descriptorPath, contents: manifest }, ...controls.map(({ path, bytes }) => ({ path, contents: bytes }))];
    }
    default: {
      const unknown: never = standard;
      throw new Error(`no manifest generator for standard "${String(unknown)}"`);
    }
  }
}
