// What the build hands the manifest generators, and the checks every generator relies on before writing XML.
import type { Course, StandardId, Variant } from '../course/model/types.ts';
import { unsafePathReason } from './paths.ts';

export interface PackageInput {
  standard: StandardId;
  /** The course with the variant's overrides applied. */
  course: Course;
  variant: Variant;
  /** The launch file, e.g. 'index.html'. */
  launch: string;
  /** Every content file of the package, as forward-slash paths relative to the package root. */
  files: string[];
}

export interface Descriptor {
  path: string;
  contents: string | Uint8Array;
}

/**
 * Refuse input that would produce a broken package: unsafe or duplicate paths, a launch file that is not among the
 * files, or a content file that would be overwritten by the descriptor or a control document.
 */
export function checkPackageInput(input: PackageInput, reservedNames: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of input.files) {
    const reason = unsafePathReason(path);
    if (reason) throw new Error(`package file "${path}" ${reason}`);
    if (path.endsWith('/')) throw new Error(`package file "${path}" is a folder; list files only`);
    if (seen.has(path)) throw new Error(`package file "${path}" is listed twice`);
    seen.add(path);
  }
  if (!seen.has(input.launch)) throw new Error(`launch file "${input.launch}" is not among the package files`);
  for (const name of reservedNames) {
    if (seen.has(name)) throw new Error(`package file "${name}" would be overwritten by the generated ${name}`);
  }
}

/** Files in manifest order: the launch file first, then the rest sorted, so rebuilds write identical manifests. */
export function filesInManifestOrder(launch: string, files: readonly string[]): string[] {
  return [launch, ...files.filter((path) => path !== launch).sort(compareCodePoints)];
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
