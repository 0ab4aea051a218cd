// Identifiers written into the manifests. LMSs key learner records on them (Totara clears tracking for SCO ids that
// disappear), so they must be the same every time the same course version and variant are built: they derive only
// from the course id, the course's MAJOR version and the variant id, never from a clock or a random source.
import type { Course, Variant } from '../course/model/types.ts';

export interface PackageIdentifiers {
  /** manifest/@identifier (SCORM). */
  manifest: string;
  /** organization/@identifier (SCORM). */
  organization: string;
  /** item/@identifier (SCORM). */
  item: string;
  /** resource/@identifier (SCORM). */
  resource: string;
  /** cmi5 course id and tincan.xml activity id: an absolute IRI beneath course.iri. */
  courseIri: string;
  /** cmi5 AU id: an absolute IRI beneath courseIri. */
  auIri: string;
}

/** The major number of a semantic version ("2.1.0-beta.1" → 2). Throws on anything that is not semver-shaped. */
export function majorVersion(version: string): number {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+].*)?$/.exec(version.trim());
  if (!match) throw new Error(`course version "${version}" is not a semantic version (MAJOR.MINOR.PATCH)`);
  return Number(match[1]);
}

/**
 * Turn any text into characters allowed inside an XML NCName, injectively: letters, digits, '-' and '.' pass
 * through; every other code point (including '_') becomes `_<hex>_`. Two different inputs therefore never give the
 * same output, which keeps identifiers of different variants distinct.
 */
export function ncNamePart(text: string): string {
  let out = '';
  for (const char of text) {
    out += /^[A-Za-z0-9.-]$/.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/** An NCName must start with a letter or '_'. */
function asNcName(text: string): string {
  return /^[A-Za-z_]/.test(text) ? text : `_${text}`;
}

/** Absolute IRI with trailing slashes removed, so that appending "/segment" never doubles a slash. */
function trimIri(iri: string): string {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:./.test(iri)) throw new Error(`course iri "${iri}" is not an absolute IRI`);
  return iri.replace(/\/+$/, '');
}

export function packageIdentifiers(
  course: Pick<Course, 'id' | 'version' | 'iri'>,
  variant: Pick<Variant, 'id'>,
): PackageIdentifiers {
  if (course.id.length === 0) throw new Error('course id is empty');
  if (variant.id.length === 0) throw new Error('variant id is empty');
  const major = majorVersion(course.version);
  const base = `${ncNamePart(course.id)}-v${major}-${ncNamePart(variant.id)}`;
  const courseIri = `${trimIri(course.iri)}/v${major}/${encodeURIComponent(variant.id)}`;
  return {
    manifest: asNcName(base),
    organization: `ORG-${base}`,
    item: `ITEM-${base}`,
    resource: `RES-${base}`,
    courseIri,
    auIri: `${courseIri}/au/main`,
  };
}
