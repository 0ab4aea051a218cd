// tincan.xml has no schema available offline (no copy of http://projecttincan.com/tincan.xsd exists in public
// sources), so its structure is checked here, after Rustici's launch document (lms_lrs.md): a <tincan> root in the
// tincan namespace, an <activities> list, activity ids that are absolute IRIs, and exactly one activity with <launch>,
// whose URL names a file of the package.
import type { DescriptorContext, Problem } from './problem.ts';
import { locate } from './problem.ts';
import { decodeHref, unsafeHrefReason } from './paths.ts';
import { NS } from './namespaces.ts';
import { attributeValue, childrenNamed, type XmlElement } from './xml-tree.ts';

const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

export function checkTincanDescriptor(context: DescriptorContext): Problem[] {
  const { descriptor, root, paths } = context;
  const problems: Problem[] = [];
  const report = (rule: string, element: XmlElement, message: string) => problems.push({ rule, where: locate(descriptor, element), message });

  const lists = childrenNamed(root, NS.tincan, 'activities');
  if (lists.length !== 1) {
    report('tincan-structure', root, `<tincan> must contain exactly one <activities> (found ${lists.length})`);
    if (lists.length === 0) return problems;
  }
  const activities = lists.flatMap((list) => childrenNamed(list, NS.tincan, 'activity'));
  if (activities.length === 0) report('tincan-structure', lists[0]!, '<activities> lists no <activity>');

  const seen = new Map<string, XmlElement>();
  const launchers: XmlElement[] = [];
  for (const activity of activities) {
    const id = attributeValue(activity, 'id');
    if (id === undefined) report('tincan-structure', activity, '<activity> has no id');
    else if (!ABSOLUTE_IRI.test(id)) report('iri-absolute', activity, `activity id "${id}" is not an absolute IRI`);
    else if (seen.has(id)) report('id-unique', activity, `activity id "${id}" is already used on line ${seen.get(id)!.line}`);
    else seen.set(id, activity);
    const type = attributeValue(activity, 'type');
    if (type !== undefined && !ABSOLUTE_IRI.test(type)) report('iri-absolute', activity, `activity type "${type}" is not an absolute IRI`);
    if (childrenNamed(activity, NS.tincan, 'launch').length > 0 || childrenNamed(activity, NS.tincan, 'resource').length > 0) {
      launchers.push(activity);
    }
  }
  if (launchers.length !== 1) {
    report('launch-count', lists[0] ?? root, `exactly one activity must carry <launch> or <resource> (found ${launchers.length})`);
  }
  for (const activity of launchers) {
    const launches = childrenNamed(activity, NS.tincan, 'launch');
    if (launches.length === 0) report('launch-count', activity, 'the launchable activity has no <launch>');
    for (const launch of launches) {
      const href = launch.text.trim();
      const reason = unsafeHrefReason(href);
      if (reason) report('href-relative', launch, `launch "${href}" ${reason}`);
      else if (!paths.has(decodeHref(href)!)) report('launch-present', launch, `launch "${href}" names no file in the package`);
    }
  }
  return problems;
}
