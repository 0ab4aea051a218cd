import { describe, expect, it } from 'vitest';
import { withItemParameters, type LaunchDescription } from '../../../manifests/launch-target.ts';
import { describeLaunch } from '../../../manifests/standards/index.ts';
import { parseXml } from '../../../manifests/xml-tree.ts';
import type { StandardId } from '../../../course/model/types.ts';
import { CMI5_XML, SCORM12_MANIFEST, SCORM2004_MANIFEST } from './fixtures.ts';

function launchOf(standard: StandardId, xml: string, files: string[]): LaunchDescription | string {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = describeLaunch(standard, parsed.root, new Set(files));
  return result.ok ? result.launch : result.message;
}

describe('withItemParameters (SCORM CAM rules for <item parameters>)', () => {
  it('joins with ? or & and drops a leading ? or &', () => {
    expect(withItemParameters('a.html', '?x=1')).toBe('a.html?x=1');
    expect(withItemParameters('a.html?y=2', '&x=1')).toBe('a.html?y=2&x=1');
    expect(withItemParameters('a.html?y=2', 'x=1')).toBe('a.html?y=2&x=1');
    expect(withItemParameters('a.html', '  ')).toBe('a.html');
  });

  it('treats "#..." as a fragment, ignored when the href has one', () => {
    expect(withItemParameters('a.html', '#part')).toBe('a.html#part');
    expect(withItemParameters('a.html#top', '#part')).toBe('a.html#top');
    expect(withItemParameters('a.html#top', 'x=1')).toBe('a.html?x=1#top');
  });
});

describe('describeLaunch', () => {
  it('SCORM 1.2: default organization, first launchable item, parameters, manifest values', () => {
    const launch = launchOf('scorm12', SCORM12_MANIFEST, ['imsmanifest.xml', 'sco/index.html']);
    expect(launch).toMatchObject({
      kind: 'scorm',
      title: 'Preview test course',
      itemTitle: 'Test SCO',
      href: 'sco/index.html?lang=en',
      path: 'sco/index.html',
      masteryScore: '80',
      dataFromLms: 'from the manifest',
      notes: [],
    });
  });

  it('SCORM 2004 4th: completion threshold from minProgressMeasure, scaled passing score from the primary objective', () => {
    const launch = launchOf('scorm2004-4th', SCORM2004_MANIFEST, ['imsmanifest.xml', 'sco/index.html']);
    expect(launch).toMatchObject({ kind: 'scorm', completionThreshold: '0.75', scaledPassingScore: '0.8', masteryScore: '' });
  });

  it('applies xml:base from the manifest, resources and resource', () => {
    const xml = SCORM12_MANIFEST.replace('<resources>', '<resources xml:base="content/">').replace('identifier="res-1"', 'identifier="res-1" xml:base="v2/"');
    const launch = launchOf('scorm12', xml, ['content/v2/sco/index.html']);
    expect(launch).toMatchObject({ href: 'content/v2/sco/index.html?lang=en', path: 'content/v2/sco/index.html' });
  });

  it('notes further SCOs and launches the first', () => {
    const xml = SCORM12_MANIFEST.replace(
      '</organization>',
      '<item identifier="item-2" identifierref="res-2"><title>Second</title></item></organization>',
    ).replace('</resources>', '<resource identifier="res-2" type="webcontent" adlcp:scormtype="sco" href="two.html"/></resources>');
    const launch = launchOf('scorm12', xml, ['sco/index.html', 'two.html']) as LaunchDescription;
    expect(launch.path).toBe('sco/index.html');
    expect(launch.notes[0]).toMatch(/2 launchable items/);
  });

  it('refuses a launch file missing from the package, a remote href and a climbing href', () => {
    expect(launchOf('scorm12', SCORM12_MANIFEST, ['imsmanifest.xml'])).toMatch(/not in the package/);
    expect(launchOf('scorm12', SCORM12_MANIFEST.replace('href="sco/index.html">', 'href="https://cdn.example.com/sco.html">'), [])).toMatch(/absolute URL/);
    expect(launchOf('scorm12', SCORM12_MANIFEST.replace('href="sco/index.html">', 'href="../outside.html">'), [])).toMatch(/climbs out/);
    expect(launchOf('scorm12', SCORM12_MANIFEST.replace(/<organization identifier="org">[\s\S]*<\/organization>/, ''), [])).toMatch(/no <organization>/);
  });

  it('cmi5: the first AU with its moveOn, masteryScore, launchParameters and url query', () => {
    const launch = launchOf('cmi5', CMI5_XML, ['cmi5.xml', 'au/index.html']);
    expect(launch).toMatchObject({
      kind: 'cmi5',
      title: 'cmi5 test course',
      courseId: 'https://example.org/preview-test/course',
      auId: 'https://example.org/preview-test/au',
      href: 'au/index.html?from=package',
      path: 'au/index.html',
      moveOn: 'CompletedOrPassed',
      masteryScore: 0.8,
      launchMethod: 'AnyWindow',
      launchParameters: '{"mode":"test"}',
      entitlementKey: null,
      auCount: 1,
    });
  });

  it('cmi5: defaults moveOn to NotApplicable and notes OwnWindow', () => {
    const xml = CMI5_XML.replace(' moveOn="CompletedOrPassed" masteryScore="0.8"', ' launchMethod="OwnWindow"');
    const launch = launchOf('cmi5', xml, ['au/index.html']) as LaunchDescription;
    expect(launch).toMatchObject({ moveOn: 'NotApplicable', masteryScore: null, launchMethod: 'OwnWindow' });
    expect(launch.notes.join(' ')).toMatch(/OwnWindow/);
  });

  it('TinCan: the activity that has a <launch>', () => {
    const xml = `<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
      <activity id="https://example.org/other" type="http://adlnet.gov/expapi/activities/media"><name>Other</name></activity>
      <activity id="https://example.org/course" type="http://adlnet.gov/expapi/activities/course"><name>The course</name><launch lang="en-GB">index.html</launch></activity>
    </activities></tincan>`;
    expect(launchOf('xapi', xml, ['index.html'])).toMatchObject({ kind: 'xapi', activityId: 'https://example.org/course', href: 'index.html', title: 'The course' });
    expect(launchOf('xapi', xml.replace(/<launch[^<]*<\/launch>/, ''), ['index.html'])).toMatch(/no <activity>/);
  });
});
