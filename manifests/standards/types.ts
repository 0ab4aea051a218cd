// What the build and the tools need to know about one tracking standard, beside what the player needs
// (course/runtime/standards/): Node-only (the generators use xmlbuilder2, the validator xmllint-wasm), so nothing
// under course/ imports it.
import type { LaunchDescription } from '../launch-target.ts';
import type { Descriptor, PackageInput } from '../package-input.ts';
import type { DescriptorContext, Problem } from '../problem.ts';
import type { SchemaSetSpec } from '../schema-sets.ts';
import type { ScormProfile } from '../scorm-profile.ts';
import type { XmlElement } from '../xml-tree.ts';

export interface PackageStandard {
  /** Its name in reports and messages, e.g. "SCORM 2004 4th Edition". */
  name: string;
  /** The descriptor it puts at the zip root. Standards may share one (the SCORM editions' imsmanifest.xml). */
  descriptor: string;
  /**
   * The manifest generator: the descriptor, plus any files to add beside it (SCORM's control documents), which the
   * descriptor lists. Throws on input that would make a broken package (unsafe or duplicate paths, a missing launch
   * file, a file clashing with a generated one).
   */
  describe(input: PackageInput): Descriptor[];
  /** Detection: the edition the package states when `root`, its descriptor's root element, is this standard's; else null. */
  recognise(root: XmlElement): string | null;
  /** The root element its descriptor must have, for the message when no standard recognises a root. */
  expectedRoot: string;
  /**
   * Why a root close to this standard's is still not recognised (an unsupported SCORM edition), with the edition it
   * states ('' when none); null when the root is nothing like this standard's. `candidates`: the standards that
   * share its descriptor (the supported editions, for the message).
   */
  unrecognised?(descriptor: string, root: XmlElement, candidates: readonly PackageStandard[]): { edition: string; problem: Problem } | null;
  /**
   * A SCORM edition's profile (scorm-profile.ts): what its manifests are made of and mean to an LMS, which the
   * generator, the rules, the launcher and the preview's LMS read instead of asking which edition it is.
   */
  scorm?: ScormProfile;
  /** The validator: the package rules its XSDs cannot express. */
  check(context: DescriptorContext): Problem[];
  /** The XSD set its descriptor is validated against; null for a format without one (tincan.xml). */
  schemaSet: SchemaSetSpec | null;
  /** The preview launcher: what an LMS launches, read from the descriptor (throws LaunchProblem when it cannot). */
  launch(root: XmlElement, files: ReadonlySet<string>): LaunchDescription;
}
