// SCORM manifest rules that the XSDs cannot express, from the ADL 4th-Edition CTS Schematron
// (shared/standards/scorm2004-4th-cts-rules/) and the package checks of its validator chain
// (RequiredFilesChecker, ResourceHrefChecker, ExcessBaggageChecker). The same rules serve SCORM 1.2, with 1.2's
// namespaces and lower-case adlcp:scormtype. Identifier values are compared whitespace-trimmed, like the CTS does.
import type { DescriptorContext, Problem } from './problem.ts';
import { locate } from './problem.ts';
import { decodeHref, unsafeHrefReason } from './paths.ts';
import { NS } from './namespaces.ts';
import type { ScormProfile } from './scorm-profile.ts';
import { attributeValue, childrenNamed, descendants, type XmlElement } from './xml-tree.ts';

/**
 * The rules for a manifest of the edition `profile` describes (its registry entry's); `standardName` words the
 * messages (its module's name, standards/).
 */
export function checkScormManifest(context: DescriptorContext, profile: ScormProfile, standardName: string): Problem[] {
  const { descriptor, root } = context;
  const problems: Problem[] = [];
  const report = (rule: string, element: XmlElement, message: string): void => {
    problems.push({ rule, where: locate(descriptor, element), message });
  };
  const all = [root, ...descendants(root)];
  const cp = (local: string) => all.filter((element) => element.ns === profile.cpNamespace && element.local === local);

  checkMetadata(root, profile, standardName, report);

  // Identifiers are xs:ID: unique within the manifest.
  const firstUse = new Map<string, XmlElement>();
  for (const element of [...cp('manifest'), ...cp('organization'), ...cp('item'), ...cp('resource')]) {
    const id = attributeValue(element, 'identifier')?.trim();
    if (!id) continue; // a missing identifier is an XSD error
    const earlier = firstUse.get(id);
    if (earlier) report('identifier-unique', element, `identifier "${id}" is already used on line ${earlier.line}`);
    else firstUse.set(id, element);
  }

  const resources = new Map<string, XmlElement>();
  for (const resource of cp('resource')) {
    const id = attributeValue(resource, 'identifier')?.trim();
    if (id && !resources.has(id)) resources.set(id, resource);
  }
  // Items may also point at a sub-manifest (IMS CP); the CTS accepts those.
  const subManifests = new Set(cp('manifest').filter((element) => element !== root).map((element) => attributeValue(element, 'identifier')?.trim()));

  for (const organizations of childrenNamed(root, profile.cpNamespace, 'organizations')) {
    const organizationIds = childrenNamed(organizations, profile.cpNamespace, 'organization').map((org) => attributeValue(org, 'identifier')?.trim());
    if (organizationIds.length === 0) report('organization-missing', organizations, '<organizations> has no <organization>: there is nothing for the LMS to launch');
    const fallback = attributeValue(organizations, 'default');
    if (fallback === undefined) {
      // IMS CP 1.1.2 (SCORM 1.2) lets the LMS take the first organization; the 2004 CTS requires the attribute.
      if (organizationIds.length > 0 && profile.dataModel === '2004') {
        report('organizations-default', organizations, '<organizations> has no "default" attribute naming the organization to launch');
      }
    } else if (!organizationIds.includes(fallback.trim())) {
      report('organizations-default', organizations, `organizations/@default "${fallback.trim()}" names no <organization> here`);
    }
  }

  for (const item of cp('item')) {
    const ref = attributeValue(item, 'identifierref')?.trim();
    const isLeaf = childrenNamed(item, profile.cpNamespace, 'item').length === 0;
    if (ref !== undefined && !isLeaf) {
      report('identifierref-leaf', item, `item "${idOf(item)}" has child items and an identifierref; only leaf items may launch a resource`);
    } else if (ref === undefined && isLeaf) {
      report('identifierref-leaf', item, `leaf item "${idOf(item)}" has no identifierref; a leaf item must launch a resource`);
    }
    if (ref === undefined) continue;
    const resource = resources.get(ref);
    if (!resource) {
      if (!subManifests.has(ref)) report('identifierref', item, `item "${idOf(item)}" identifierref "${ref}" names no <resource>`);
      continue;
    }
    if (attributeValue(resource, 'href') === undefined) {
      report('launch-href', resource, `resource "${ref}" is launched by item "${idOf(item)}" but has no href`);
    }
    // Judged only for a well-typed asset: a misspelt scormtype is reported once, by the scormtype rule.
    const isAsset = scormTypeOf(resource, profile.adlcpNamespace, profile.scormTypeAttribute) === 'asset';
    for (const child of item.children) {
      if (child.ns === profile.adlcpNamespace && profile.scoOnlyItemElements.includes(child.local) && isAsset) {
        report('sco-only', child, `adlcp:${child.local} is only allowed on an item that launches a SCO; resource "${ref}" is an asset`);
      }
    }
  }

  for (const dependency of cp('dependency')) {
    const ref = attributeValue(dependency, 'identifierref')?.trim() ?? '';
    if (!resources.has(ref)) report('identifierref', dependency, `dependency identifierref "${ref}" names no <resource>`);
  }

  for (const resource of cp('resource')) {
    const type = scormTypeOf(resource, profile.adlcpNamespace, profile.scormTypeAttribute);
    if (type === undefined) {
      const misspelt = resource.attributes.find((attr) => attr.ns === profile.adlcpNamespace && attr.local.toLowerCase() === 'scormtype');
      report(
        'scormtype',
        resource,
        `resource "${idOf(resource)}" has no adlcp:${profile.scormTypeAttribute}` +
          (misspelt ? ` (found adlcp:${misspelt.local}; ${standardName} spells it ${profile.scormTypeAttribute})` : ''),
      );
    } else if (type !== 'sco' && type !== 'asset') {
      report('scormtype', resource, `adlcp:${profile.scormTypeAttribute} is "${type}"; it must be exactly "sco" or "asset" (case-sensitive)`);
    }
  }

  if (profile.dataModel === '2004') checkScorm2004Attributes(all, profile, standardName, report);
  problems.push(...checkPackageFiles(context, profile.cpNamespace, all));
  return problems;
}

type Report = (rule: string, element: XmlElement, message: string) => void;

function idOf(element: XmlElement): string {
  return attributeValue(element, 'identifier')?.trim() ?? '?';
}

function scormTypeOf(resource: XmlElement, adlcpNamespace: string, attribute: string): string | undefined {
  return attributeValue(resource, attribute, adlcpNamespace);
}

/** <metadata><schema>ADL SCORM</schema><schemaversion>…</schemaversion>: LMSs choose their runtime from it. */
function checkMetadata(root: XmlElement, profile: ScormProfile, standardName: string, report: Report): void {
  const { cpNamespace, schemaversion } = profile;
  const metadata = childrenNamed(root, cpNamespace, 'metadata');
  if (metadata.length !== 1) {
    report('metadata', root, `<manifest> must contain exactly one <metadata> with schema and schemaversion (found ${metadata.length})`);
    return;
  }
  const [block] = metadata as [XmlElement];
  const schema = childrenNamed(block, cpNamespace, 'schema');
  const schemaText = schema.map((element) => normalizeSpace(element.text)).join(', ');
  if (schema.length !== 1 || schemaText !== 'ADL SCORM') {
    report('metadata', schema[0] ?? block, `metadata/schema must be "ADL SCORM" (found ${schema.length === 0 ? 'none' : `"${schemaText}"`})`);
  }
  const version = childrenNamed(block, cpNamespace, 'schemaversion');
  const versionText = version.map((element) => normalizeSpace(element.text)).join(', ');
  if (version.length !== 1 || versionText !== schemaversion) {
    report(
      'schemaversion',
      version[0] ?? block,
      `metadata/schemaversion is ${version.length === 0 ? 'missing' : `"${versionText}"`}; ${standardName} requires "${schemaversion}"`,
    );
  }
}

/** Attribute placements the CTS enforces for 2004, and the completionThreshold form of an edition that puts it in an attribute (4th). */
function checkScorm2004Attributes(all: readonly XmlElement[], profile: ScormProfile, standardName: string, report: Report): void {
  for (const element of all) {
    const onOrganization = element.ns === NS.imscp && element.local === 'organization';
    for (const attr of element.attributes) {
      if (attr.ns === NS.adlcp && attr.local === 'persistState') {
        report('attribute-location', element, 'adlcp:persistState was removed from SCORM 2004 and must not be used');
      } else if (
        !onOrganization &&
        ((attr.ns === NS.adlseq && attr.local === 'objectivesGlobalToSystem') || (attr.ns === NS.adlcp && attr.local === 'sharedDataGlobalToSystem'))
      ) {
        report('attribute-location', element, `${attr.qname} is only allowed on <organization>`);
      }
    }
    if (profile.completionThreshold === 'minProgressMeasure' && element.ns === NS.adlcp && element.local === 'completionThreshold') {
      if (element.text.trim() !== '' && element.attributes.length > 0) {
        report('completion-threshold', element, `adlcp:completionThreshold with attributes must not also contain a value (${standardName})`);
      }
    }
  }
}

/**
 * Files against the manifest: hrefs stay inside the package, every referenced file exists, every file in the
 * package is listed, and the XSD/DTD files named in xsi:schemaLocation sit at the root.
 */
function checkPackageFiles(context: DescriptorContext, cpNamespace: string, all: readonly XmlElement[]): Problem[] {
  const { descriptor, paths } = context;
  const problems: Problem[] = [];
  const listed = new Set<string>();
  const report = (rule: string, element: XmlElement, message: string) => problems.push({ rule, where: locate(descriptor, element), message });

  for (const element of all) {
    const base = attributeValue(element, 'base', NS.xml);
    if (base === undefined) continue;
    const reason = unsafeHrefReason(base);
    if (reason) report('href-relative', element, `xml:base "${base}" ${reason}`);
    else if (!base.endsWith('/')) report('xml-base', element, `xml:base "${base}" must end with "/"`);
  }

  for (const element of all) {
    if (element.ns !== cpNamespace || (element.local !== 'resource' && element.local !== 'file')) continue;
    const href = attributeValue(element, 'href');
    if (href === undefined) continue;
    const full = baseOf(element) + href;
    const reason = unsafeHrefReason(full);
    if (reason) {
      report('href-relative', element, `href "${full}" ${reason}`);
      continue;
    }
    const path = decodeHref(full)!;
    if (element.local === 'file') listed.add(path);
    if (!paths.has(path)) {
      report(element.local === 'file' ? 'file-present' : 'launch-present', element, `"${path}" is referenced by the manifest but is not in the package`);
    }
    if (element.local === 'resource') {
      const files = childrenNamed(element, cpNamespace, 'file').map((file) => attributeValue(file, 'href'));
      if (!files.includes(href)) report('resource-file', element, `resource "${idOf(element)}" should also list its href "${href}" as a <file>`);
    }
  }

  for (const element of all) {
    const hints = attributeValue(element, 'schemaLocation', NS.xsi);
    if (hints === undefined) continue;
    const tokens = hints.trim().split(/\s+/).filter(Boolean);
    if (tokens.length % 2 !== 0) report('control-document', element, 'xsi:schemaLocation must be pairs of namespace and document location');
    for (let i = 1; i < tokens.length; i += 2) {
      const location = tokens[i]!;
      // A remote location is a hint an LMS never fetches; only documents meant to be in the package are checked.
      if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(location)) continue;
      const path = decodeHref(location) ?? location;
      if (path.includes('/')) report('control-document', element, `control document "${location}" must be placed at the package root`);
      else if (!paths.has(path)) report('control-document', element, `control document "${location}" named in xsi:schemaLocation is not at the package root`);
    }
  }

  for (const path of [...paths].sort()) {
    if (path === descriptor || path.endsWith('/') || listed.has(path) || isRootControlDocument(path)) continue;
    problems.push({ rule: 'file-listed', where: path, message: `"${path}" is in the package but not listed as a <file> in ${descriptor}` });
  }
  return problems;
}

/**
 * XSD/DTD files at the root are the package's control documents: packaging infrastructure rather than content of a
 * resource. Reference packages (ADL's test suite, Rustici's golf samples) do not list them, so they need not be
 * listed; our own manifests list them anyway.
 */
function isRootControlDocument(path: string): boolean {
  return !path.includes('/') && /\.(xsd|dtd)$/i.test(path);
}

/** The xml:base values that apply to `element` (its own and its ancestors'), outermost first, concatenated. */
function baseOf(element: XmlElement): string {
  const bases: string[] = [];
  for (let current: XmlElement | null = element; current; current = current.parent) {
    const base = attributeValue(current, 'base', NS.xml);
    if (base !== undefined) bases.unshift(base);
  }
  return bases.join('');
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
