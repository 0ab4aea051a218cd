// Small packages for the preview tests, built with jszip: a SCORM 1.2 SCO and a SCORM 2004 SCO that find the API in
// their parent and call it, a cmi5 AU that runs the cmi5 launch sequence with fetch(), and broken zips. Plus helpers
// to start the preview server on an ephemeral port and talk to it.
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InspectorSnapshot, LaunchResponse, LogEntry } from '../../../tools/preview/protocol.ts';
import { startPreviewServer, type PreviewOptions, type PreviewServer } from '../../../tools/preview/server.ts';

export const SCORM12_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="preview-test-12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Preview test course</title>
      <item identifier="item-1" identifierref="res-1" parameters="?lang=en">
        <title>Test SCO</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:datafromlms>from the manifest</adlcp:datafromlms>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="sco/index.html">
      <file href="sco/index.html"/>
    </resource>
  </resources>
</manifest>
`;

export const SCORM2004_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="preview-test-2004" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Preview test course 2004</title>
      <item identifier="item-1" identifierref="res-1">
        <title>Test SCO 2004</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="sco/index.html">
      <file href="sco/index.html"/>
    </resource>
  </resources>
</manifest>
`;

/** A SCO page: it runs sco.js, which writes what it saw into #result (JSON) for the browser test to read. */
const SCO_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test SCO</title><link rel="stylesheet" href="style.css"><script src="sco.js" defer></script></head>
<body><h1>Test SCO</h1><p id="result">waiting</p>
<button type="button" id="finish">Finish</button> <button type="button" id="overflow">Overflow suspend_data</button></body></html>
`;

const SCO12_JS = `
function findApi(win) {
  for (var depth = 0; win && depth < 8; depth++) {
    if (win.API) return win.API;
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}
var api = findApi(window);
var result = document.getElementById('result');
if (!api) {
  result.textContent = JSON.stringify({ api: false });
} else {
  var init = api.LMSInitialize('');
  var seen = {
    api: true,
    init: init,
    entry: api.LMSGetValue('cmi.core.entry'),
    name: api.LMSGetValue('cmi.core.student_name'),
    launchData: api.LMSGetValue('cmi.launch_data'),
    mastery: api.LMSGetValue('cmi.student_data.mastery_score'),
    previous: api.LMSGetValue('cmi.suspend_data'),
    location: api.LMSGetValue('cmi.core.lesson_location'),
    query: location.search
  };
  var visits = Number((seen.previous.match(/visits=(\\d+)/) || [])[1] || 0) + 1;
  api.LMSSetValue('cmi.core.lesson_location', 'page-' + visits);
  api.LMSSetValue('cmi.suspend_data', 'visits=' + visits);
  api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  api.LMSSetValue('cmi.core.exit', 'suspend');
  api.LMSSetValue('cmi.core.session_time', '00:01:30');
  seen.committed = api.LMSCommit('');
  seen.commitError = api.LMSGetLastError();
  result.textContent = JSON.stringify(seen);
  document.getElementById('finish').addEventListener('click', function () {
    api.LMSSetValue('cmi.core.lesson_status', 'completed');
    result.textContent = JSON.stringify({ finished: api.LMSFinish(''), error: api.LMSGetLastError() });
  });
  document.getElementById('overflow').addEventListener('click', function () {
    var stored = api.LMSSetValue('cmi.suspend_data', new Array(5001).join('x'));
    result.textContent = JSON.stringify({ overflow: stored, error: api.LMSGetLastError() });
  });
  // Like many courses, a last save when the page goes away.
  window.addEventListener('pagehide', function () {
    api.LMSSetValue('cmi.core.session_time', '00:01:45');
    api.LMSCommit('');
  });
}
`;

const SCO2004_JS = `
function findApi(win) {
  for (var depth = 0; win && depth < 8; depth++) {
    if (win.API_1484_11) return win.API_1484_11;
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}
var api = findApi(window);
var result = document.getElementById('result');
if (!api) {
  result.textContent = JSON.stringify({ api: false });
} else {
  var seen = { api: true, init: api.Initialize(''), entry: api.GetValue('cmi.entry'), threshold: api.GetValue('cmi.completion_threshold'), passing: api.GetValue('cmi.scaled_passing_score') };
  api.SetValue('cmi.location', 'p1');
  api.SetValue('cmi.exit', 'suspend');
  seen.committed = api.Commit('');
  seen.commitError = api.GetLastError();
  result.textContent = JSON.stringify(seen);
  document.getElementById('finish').addEventListener('click', function () {
    api.SetValue('adl.nav.request', 'exitAll');
    result.textContent = JSON.stringify({ finished: api.Terminate('') });
  });
}
`;

export const CMI5_XML = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/preview-test/course">
    <title><langstring lang="en-GB">cmi5 test course</langstring></title>
    <description><langstring lang="en-GB">A course for the preview tests</langstring></description>
  </course>
  <au id="https://example.org/preview-test/au" moveOn="CompletedOrPassed" masteryScore="0.8">
    <title><langstring lang="en-GB">Test AU</langstring></title>
    <description><langstring lang="en-GB">The AU</langstring></description>
    <url>au/index.html?from=package</url>
    <launchParameters>{"mode":"test"}</launchParameters>
  </au>
</courseStructure>
`;

const AU_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test AU</title><script src="au.js" defer></script></head>
<body><h1>Test AU</h1><p id="result">waiting</p></body></html>
`;

/**
 * A cmi5 AU: fetch the token, read LMS.LaunchData and the learner preferences, send "initialized"; send "terminated"
 * when the page goes away (fetch keepalive, as AUs do).
 */
const AU_JS = `
var params = new URLSearchParams(location.search);
var endpoint = params.get('endpoint');
var headers = null;
var context = null;
var started = Date.now();
function statement(verb, result) {
  var body = { id: crypto.randomUUID(), actor: JSON.parse(params.get('actor')), verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb },
    object: { id: params.get('activityId') }, context: context, timestamp: new Date().toISOString() };
  if (result) body.result = result;
  return body;
}
window.addEventListener('pagehide', function () {
  if (!headers) return;
  var seconds = ((Date.now() - started) / 1000).toFixed(2);
  fetch(endpoint + 'statements', { method: 'POST', keepalive: true, headers: headers, body: JSON.stringify(statement('terminated', { duration: 'PT' + seconds + 'S' })) });
});
(async function () {
  var result = document.getElementById('result');
  try {
    var fetched = await (await fetch(params.get('fetch'), { method: 'POST' })).json();
    var auth = { 'Authorization': 'Basic ' + fetched['auth-token'], 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
    var state = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: params.get('activityId'), agent: params.get('actor'), registration: params.get('registration') });
    var launchData = await (await fetch(endpoint + 'activities/state?' + state, { headers: auth })).json();
    var prefs = new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: params.get('actor') });
    var preferences = await fetch(endpoint + 'agents/profile?' + prefs, { headers: auth });
    context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = params.get('registration');
    context.contextActivities.category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
    var initialized = statement('initialized');
    var sent = await fetch(endpoint + 'statements?statementId=' + initialized.id, { method: 'PUT', headers: auth, body: JSON.stringify(initialized) });
    headers = auth;
    result.textContent = JSON.stringify({ launchMode: launchData.launchMode, preferences: preferences.status, initialized: sent.status, from: params.get('from') });
  } catch (error) {
    result.textContent = JSON.stringify({ error: String(error) });
  }
})();
`;

export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, contents] of Object.entries(files)) zip.file(path, contents);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const SCORM12_FILES: Record<string, string | Uint8Array> = {
  'imsmanifest.xml': SCORM12_MANIFEST,
  'sco/index.html': SCO_HTML,
  'sco/sco.js': SCO12_JS,
  'sco/style.css': 'body { font-family: sans-serif; }\n',
  'sco/captions.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n',
  'sco/film.mp4': new Uint8Array(Array.from({ length: 1000 }, (_, index) => index % 256)),
  'sco/data.json': '{"ok":true}\n',
};

export const SCORM2004_FILES: Record<string, string | Uint8Array> = {
  'imsmanifest.xml': SCORM2004_MANIFEST,
  'sco/index.html': SCO_HTML,
  'sco/sco.js': SCO2004_JS,
  'sco/style.css': 'body { font-family: sans-serif; }\n',
};

export const CMI5_FILES: Record<string, string | Uint8Array> = {
  'cmi5.xml': CMI5_XML,
  'au/index.html': AU_HTML,
  'au/au.js': AU_JS,
};

export interface Workspace {
  folder: string;
  /** Write a zip into the workspace; resolves to its path. */
  write(name: string, bytes: Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function workspace(): Promise<Workspace> {
  const folder = await mkdtemp(join(tmpdir(), 'cg-preview-test-'));
  return {
    folder,
    write: async (name, bytes) => {
      const path = join(folder, name);
      await writeFile(path, bytes);
      return path;
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/** Start the preview on an ephemeral port with one package; package checks off (they have their own test). */
export async function previewOf(zipPath: string, options: Partial<PreviewOptions> = {}): Promise<PreviewServer> {
  return startPreviewServer({ zipPath, port: 0, checkPackages: false, ...options });
}

export const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' } as const;

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

/** A package URL with or without its trailing slash, as the /lms/… paths are joined to it. */
const packageBase = (packageUrl: string): string => packageUrl.replace(/\/$/, '');

export interface Launched {
  params: URLSearchParams;
  url: URL;
  response: LaunchResponse;
}

/** Asks the preview LMS to launch its package, as its page's Launch button does. */
export async function launchPackage(packageUrl: string, mode: 'resume' | 'new-attempt' = 'resume', launchMode?: 'Normal' | 'Browse' | 'Review'): Promise<Launched> {
  const response = (await (await postJson(`${packageBase(packageUrl)}/lms/launch`, { mode, ...(launchMode ? { launchMode } : {}) })).json()) as LaunchResponse;
  const url = new URL(response.launchUrl);
  return { params: url.searchParams, url, response };
}

export async function inspectorSnapshot(packageUrl: string): Promise<InspectorSnapshot> {
  return (await (await fetch(`${packageBase(packageUrl)}/lms/snapshot`)).json()) as InspectorSnapshot;
}

/** The inspector's log as its event stream replays it, read until every statement and warning the snapshot counts has come. */
export async function inspectorLog(packageUrl: string): Promise<LogEntry[]> {
  const { counts } = await inspectorSnapshot(packageUrl);
  const controller = new AbortController();
  const reader = (await fetch(`${packageBase(packageUrl)}/lms/events`, { signal: controller.signal })).body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let entries: LogEntry[] = [];
  while (entries.filter((entry) => entry.kind === 'statement' || entry.kind === 'warning').length < counts.statements + counts.warnings) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    // Only whole events (an event ends with a blank line): a read can stop in the middle of a long data line.
    entries = [...text.matchAll(/^event: log\ndata: (.*)\n\n/gm)].map((match) => JSON.parse(match[1]!) as LogEntry);
  }
  controller.abort();
  return entries;
}

/**
 * A cmi5 defined statement for this launch, as an AU builds it from LMS.LaunchData's contextTemplate: the launch's
 * registration, the cmi5 category, and the moveon category when the result carries completion or success.
 */
export function cmi5Statement(launched: { params: URLSearchParams }, contextTemplate: Record<string, any>, verb: string, result?: Record<string, unknown>): Record<string, unknown> & { id: string } {
  const { params } = launched;
  const context = structuredClone(contextTemplate);
  context.registration = params.get('registration');
  context.contextActivities.category = [{ id: CMI5_CATEGORY }, ...(result && ('completion' in result || 'success' in result) ? [{ id: MOVEON_CATEGORY }] : [])];
  return {
    id: randomUUID(),
    actor: JSON.parse(params.get('actor')!),
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-GB': verb } },
    object: { id: params.get('activityId') },
    context,
    ...(result ? { result } : {}),
    timestamp: new Date().toISOString(),
  };
}
