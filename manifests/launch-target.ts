// What an LMS reads from a package descriptor to launch it: the launch file (with SCORM's xml:base and item parameters
// applied), the title, and the values it hands the content at launch (SCORM mastery score, data from LMS, completion
// threshold; cmi5 moveOn, masteryScore, launchParameters). Only the first launchable item is used: the preview launches
// one SCO / AU, and says so when there are more. Each standard's module (standards/) names its reader as its preview
// launcher; the preview LMS (tools/preview/) calls it through describeLaunch (standards/index.ts).
import { NS } from './namespaces.ts';
import { decodeHref, unsafeHrefReason } from './paths.ts';
import type { ScormDataModel, ScormProfile } from './scorm-profile.ts';
import { attributeValue, childrenNamed, descendants, type XmlElement } from './xml-tree.ts';

interface LaunchBase {
  /** Course title from the descriptor ('' when it has none). */
  title: string;
  /** The launch URL relative to the package root, %-encoded, possibly with a query. */
  href: string;
  /** The package file that href names. */
  path: string;
  /** Facts the tester should see (other SCOs or AUs not launched, OwnWindow …). */
  notes: string[];
}

export interface ScormLaunch extends LaunchBase {
  kind: 'scorm';
  /** The run-time data model the LMS gives the SCO (its edition's profile). */
  dataModel: ScormDataModel;
  itemTitle: string;
  /** Values the LMS initialises from the manifest; '' when the manifest does not set them. */
  dataFromLms: string;
  masteryScore: string;
  maxTimeAllowed: string;
  timeLimitAction: string;
  completionThreshold: string;
  scaledPassingScore: string;
}

export interface Cmi5Launch extends LaunchBase {
  kind: 'cmi5';
  courseId: string;
  auId: string;
  auTitle: string;
  moveOn: string;
  masteryScore: number | null;
  launchMethod: string;
  launchParameters: string | null;
  entitlementKey: string | null;
  /** AUs in cmi5.xml (the preview launches the first). */
  auCount: number;
}

export interface TincanLaunch extends LaunchBase {
  kind: 'xapi';
  activityId: string;
}

export type LaunchDescription = ScormLaunch | Cmi5Launch | TincanLaunch;

export type LaunchResult = { ok: true; launch: LaunchDescription } | { ok: false; message: string };

/** A descriptor the preview cannot launch from; its message names what is missing. */
export class LaunchProblem extends Error {}

/** The launch of a SCORM manifest of the edition `profile` describes (its registry entry's). */
export function scormLaunch(profile: ScormProfile, root: XmlElement, files: ReadonlySet<string>): ScormLaunch {
  const { cpNamespace: cp, adlcpNamespace: adlcp, dataModel } = profile;
  const is12 = dataModel === '1.2';
  const organizationsElement = childrenNamed(root, cp, 'organizations')[0];
  const organizations = organizationsElement ? childrenNamed(organizationsElement, cp, 'organization') : [];
  const chosenId = organizationsElement ? attributeValue(organizationsElement, 'default')?.trim() : undefined;
  const organization = organizations.find((org) => attributeValue(org, 'identifier')?.trim() === chosenId) ?? organizations[0];
  if (!organization) throw new LaunchProblem('imsmanifest.xml has no <organization>: there is nothing to launch');

  const resourcesElement = childrenNamed(root, cp, 'resources')[0];
  const resources = resourcesElement ? childrenNamed(resourcesElement, cp, 'resource') : [];
  const resourceById = new Map(resources.map((resource) => [attributeValue(resource, 'identifier')?.trim() ?? '', resource]));
  const launchable = descendants(organization).filter((element) => {
    if (element.ns !== cp || element.local !== 'item') return false;
    const resource = resourceById.get(attributeValue(element, 'identifierref')?.trim() ?? '');
    return resource !== undefined && attributeValue(resource, 'href') !== undefined;
  });
  const item = launchable[0];
  if (!item) throw new LaunchProblem('no <item> of the default organization points at a <resource> with an href');
  const resource = resourceById.get(attributeValue(item, 'identifierref')!.trim())!;

  const base = [root, resourcesElement!, resource].map((element) => attributeValue(element, 'base', NS.xml) ?? '').join('');
  const href = withItemParameters(base + attributeValue(resource, 'href')!.trim(), attributeValue(item, 'parameters') ?? '');
  const path = packagePath(href, files, 'the launch resource');

  const adlcpText = (local: string) => childrenNamed(item, adlcp, local)[0]?.text.trim() ?? '';
  const sequencing = childrenNamed(item, NS.imsss, 'sequencing')[0];
  const notes = launchable.length > 1 ? [`the manifest has ${launchable.length} launchable items; the preview launches the first, "${titleOf(item, cp)}"`] : [];
  return {
    kind: 'scorm',
    dataModel,
    title: titleOf(organization, cp) || titleOf(item, cp),
    itemTitle: titleOf(item, cp),
    href,
    path,
    notes,
    dataFromLms: is12 ? adlcpText('datafromlms') : adlcpText('dataFromLMS'),
    masteryScore: is12 ? adlcpText('masteryscore') : '',
    maxTimeAllowed: is12 ? adlcpText('maxtimeallowed') : maxTimeAllowed2004(sequencing),
    timeLimitAction: is12 ? adlcpText('timelimitaction') : adlcpText('timeLimitAction'),
    completionThreshold: completionThreshold(item, profile.completionThreshold),
    scaledPassingScore: is12 ? '' : scaledPassingScore(sequencing),
  };
}

/**
 * SCORM CAM's rule for an item's parameters: a leading "?" or "&" is dropped; the rest joins the href with "&" when it
 * already has a query, else with "?"; parameters starting with "#" are a fragment, ignored when the href has one.
 */
export function withItemParameters(href: string, parameters: string): string {
  let params = parameters.trim();
  if (params === '') return href;
  if (params.startsWith('#')) return href.includes('#') ? href : href + params;
  params = params.replace(/^[?&]+/, '');
  if (params === '') return href;
  const hashAt = href.indexOf('#');
  const [main, fragment] = hashAt === -1 ? [href, ''] : [href.slice(0, hashAt), href.slice(hashAt)];
  return `${main}${main.includes('?') ? '&' : '?'}${params}${fragment}`;
}

/** The item's completion threshold where its edition puts it (the profile's `completionThreshold`); '' for none. */
function completionThreshold(item: XmlElement, form: ScormProfile['completionThreshold']): string {
  const element = form === null ? undefined : childrenNamed(item, NS.adlcp, 'completionThreshold')[0];
  if (!element) return '';
  if (form === 'text') return element.text.trim();
  return (attributeValue(element, 'minProgressMeasure') ?? '1.0').trim();
}

/** cmi.scaled_passing_score comes from the primary objective's minNormalizedMeasure, used only with satisfiedByMeasure. */
function scaledPassingScore(sequencing: XmlElement | undefined): string {
  if (!sequencing) return '';
  const primary = childrenNamed(sequencing, NS.imsss, 'objectives').flatMap((objectives) => childrenNamed(objectives, NS.imsss, 'primaryObjective'))[0];
  if (!primary || attributeValue(primary, 'satisfiedByMeasure')?.trim() !== 'true') return '';
  return childrenNamed(primary, NS.imsss, 'minNormalizedMeasure')[0]?.text.trim() || '1.0';
}

function maxTimeAllowed2004(sequencing: XmlElement | undefined): string {
  if (!sequencing) return '';
  const limits = childrenNamed(sequencing, NS.imsss, 'limitConditions')[0];
  return limits ? (attributeValue(limits, 'attemptAbsoluteDurationLimit')?.trim() ?? '') : '';
}

/** The launch of a cmi5.xml: its first AU. */
export function cmi5Launch(root: XmlElement, files: ReadonlySet<string>): Cmi5Launch {
  const course = childrenNamed(root, NS.cmi5, 'course')[0];
  const aus = descendants(root).filter((element) => element.ns === NS.cmi5 && element.local === 'au');
  const au = aus[0];
  if (!au) throw new LaunchProblem('cmi5.xml has no <au>: there is nothing to launch');
  const url = childrenNamed(au, NS.cmi5, 'url')[0]?.text.trim() ?? '';
  if (url === '') throw new LaunchProblem('the first <au> of cmi5.xml has no <url>');
  const notes: string[] = [];
  if (aus.length > 1) notes.push(`cmi5.xml has ${aus.length} AUs; the preview launches the first, "${langString(au, 'title')}"`);
  const launchMethod = attributeValue(au, 'launchMethod')?.trim() || 'AnyWindow';
  if (launchMethod === 'OwnWindow') notes.push('the AU asks for its own window (launchMethod="OwnWindow"); the preview still shows it in a frame');
  const mastery = attributeValue(au, 'masteryScore')?.trim();
  const launchParameters = childrenNamed(au, NS.cmi5, 'launchParameters')[0]?.text.trim();
  const entitlementKey = childrenNamed(au, NS.cmi5, 'entitlementKey')[0]?.text.trim();
  return {
    kind: 'cmi5',
    title: (course && langString(course, 'title')) || langString(au, 'title'),
    href: url,
    path: packagePath(url, files, 'the AU url'),
    notes,
    courseId: (course && attributeValue(course, 'id')?.trim()) || '',
    auId: attributeValue(au, 'id')?.trim() ?? '',
    auTitle: langString(au, 'title'),
    moveOn: attributeValue(au, 'moveOn')?.trim() || 'NotApplicable',
    masteryScore: mastery === undefined || mastery === '' || Number.isNaN(Number(mastery)) ? null : Number(mastery),
    launchMethod,
    launchParameters: launchParameters === undefined ? null : launchParameters,
    entitlementKey: entitlementKey === undefined ? null : entitlementKey,
    auCount: aus.length,
  };
}

/** The launch of a tincan.xml: its first activity with a <launch>. */
export function tincanLaunch(root: XmlElement, files: ReadonlySet<string>): TincanLaunch {
  const activities = childrenNamed(root, NS.tincan, 'activities').flatMap((list) => childrenNamed(list, NS.tincan, 'activity'));
  const activity = activities.find((candidate) => childrenNamed(candidate, NS.tincan, 'launch').length > 0);
  if (!activity) throw new LaunchProblem('no <activity> in tincan.xml has a <launch> element');
  const launch = childrenNamed(activity, NS.tincan, 'launch')[0]!.text.trim();
  if (launch === '') throw new LaunchProblem('the <launch> element of tincan.xml is empty');
  return {
    kind: 'xapi',
    title: childrenNamed(activity, NS.tincan, 'name')[0]?.text.trim() ?? '',
    href: launch,
    path: packagePath(launch, files, 'the launch file'),
    notes: [],
    activityId: attributeValue(activity, 'id')?.trim() ?? '',
  };
}

/** The package file an href names; the preview serves only files inside the package. */
function packagePath(href: string, files: ReadonlySet<string>, what: string): string {
  const reason = unsafeHrefReason(href);
  if (reason) throw new LaunchProblem(`${what} "${href}" ${reason}; the preview only launches files inside the package`);
  const path = decodeHref(href)!;
  if (!files.has(path)) throw new LaunchProblem(`${what} "${href}" names "${path}", which is not in the package`);
  return path;
}

function titleOf(element: XmlElement, cp: string): string {
  return childrenNamed(element, cp, 'title')[0]?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/** A cmi5 <title>/<description>: the en-GB string, else English, else the first. */
function langString(element: XmlElement, local: string): string {
  const strings = childrenNamed(element, NS.cmi5, local).flatMap((holder) => childrenNamed(holder, NS.cmi5, 'langstring'));
  const lang = (s: XmlElement) => attributeValue(s, 'lang')?.toLowerCase() ?? '';
  const chosen = strings.find((s) => lang(s) === 'en-gb') ?? strings.find((s) => lang(s).startsWith('en')) ?? strings[0];
  return chosen?.text.replace(/\s+/g, ' ').trim() ?? '';
}
