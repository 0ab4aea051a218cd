// cmi5.xml rules beyond CourseStructure.xsd, as the CATAPULT import enforces them: ids are absolute IRIs
// (req. 3.0.0.0-1), AU/block/objective ids are unique (13.1.x), masteryScore is a 0..1 decimal, and an AU url inside
// a zip is relative and names a file of the package (cmi5 §14.1).
import type { DescriptorContext, Problem } from './problem.ts';
import { locate } from './problem.ts';
import { decodeHref, unsafeHrefReason } from './paths.ts';
import { NS } from './namespaces.ts';
import { attributeValue, childrenNamed, descendants, type XmlElement } from './xml-tree.ts';

const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

export function checkCmi5CourseStructure(context: DescriptorContext): Problem[] {
  const { descriptor, root, paths } = context;
  const problems: Problem[] = [];
  const report = (rule: string, element: XmlElement, message: string) => problems.push({ rule, where: locate(descriptor, element), message });
  const all = descendants(root).filter((element) => element.ns === NS.cmi5);

  const idsByKind = new Map<string, Map<string, XmlElement>>();
  for (const element of all) {
    const isObjectiveDefinition = element.local === 'objective' && element.parent?.parent === root;
    if (element.local !== 'course' && element.local !== 'au' && element.local !== 'block' && !isObjectiveDefinition) continue;
    const id = attributeValue(element, 'id');
    if (id === undefined) continue; // required by the XSD
    if (!ABSOLUTE_IRI.test(id)) report('iri-absolute', element, `${element.local} id "${id}" is not an absolute IRI`);
    const seen = idsByKind.get(element.local) ?? new Map<string, XmlElement>();
    idsByKind.set(element.local, seen);
    const earlier = seen.get(id);
    if (earlier) report('id-unique', element, `${element.local} id "${id}" is already used on line ${earlier.line}`);
    else seen.set(id, element);
  }

  for (const au of all.filter((element) => element.local === 'au')) {
    const mastery = attributeValue(au, 'masteryScore');
    if (mastery !== undefined) {
      const value = Number(mastery.trim());
      if (mastery.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
        report('mastery-score', au, `masteryScore "${mastery}" must be a decimal from 0 to 1 (not a percentage)`);
      }
    }
    const urls = childrenNamed(au, NS.cmi5, 'url');
    if (urls.length === 0) {
      report('au-url', au, `AU "${attributeValue(au, 'id') ?? '?'}" has no <url>`);
      continue;
    }
    for (const url of urls) {
      const href = url.text.trim();
      const reason = unsafeHrefReason(href);
      if (reason) report('href-relative', url, `AU url "${href}" ${reason}; inside a zip it must be relative to the zip root`);
      else if (!paths.has(decodeHref(href)!)) report('launch-present', url, `AU url "${href}" names no file in the package`);
    }
  }
  return problems;
}
