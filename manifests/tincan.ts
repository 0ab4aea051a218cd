// tincan.xml (xAPI "TinCan launch", Rustici's descriptor): one course activity that carries the launch URL.
// No XSD is available offline for it; the validator checks its structure in code (validate-tincan.ts).
import { create } from 'xmlbuilder2';
import { packageIdentifiers } from './identifiers.ts';
import type { PackageInput } from './package-input.ts';
import { hrefForPath } from './paths.ts';
import { NS } from './namespaces.ts';

export const COURSE_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/course';

export function tincanDescriptor(input: PackageInput): string {
  const { course, variant } = input;
  const ids = packageIdentifiers(course, variant);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const activity = doc
    .ele(NS.tincan, 'tincan')
    .ele('activities')
    .ele('activity', { id: ids.courseIri, type: COURSE_ACTIVITY_TYPE });
  activity.ele('name', { lang: course.language }).txt(variant.displayName);
  activity.ele('description', { lang: course.language }).txt(course.description);
  activity.ele('launch', { lang: course.language }).txt(hrefForPath(input.launch));
  return doc.end({ prettyPrint: true });
}
