// The course runtime's xAPI and cmi5 adapters against a real LRS: the preview LMS (tools/preview) is the LMS side
// (launch URL, cmi5 fetch token, LMS.LaunchData, learner preferences, the State API) and forwards every statement to
// Learning Locker's xapi-statements. The adapters run in Node with a fake window whose query string is the preview's
// launch URL, Node's fetch (every request recorded) and a manual clock, so retries happen when a test says so.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { sessionReady } from '../helpers/session-ready.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionStatus, Tracker, TrackerSession } from '../../../../course/runtime/tracker.ts';
import { open as openXapi } from '../../../../course/runtime/adapters/xapi.ts';
import { open as openCmi5 } from '../../../../course/runtime/adapters/cmi5.ts';
import type { Course } from '../../../../course/model/types.ts';
import type { LaunchResponse } from '../../../../tools/preview/protocol.ts';
import { startPreviewServer, type PreviewServer } from '../../../../tools/preview/server.ts';
import { LRS_KEY_SECRET, startRealLrs, type RealLrs } from '../../../support/real-lrs.ts';
import { CMI5_XML, zipOf } from '../../../tools/preview/fixtures.ts';
import { loadCourse, runtimeConfig, TYPICAL_REFLECTIONS } from '../helpers/course-fixtures.ts';
import { fakeWindow, MemoryStorage, type FakeWindow } from '../helpers/fake-window.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { optionChoices, scaleChoices } from '../../../../course/runtime/answer-choices.ts';

export type Kind = 'xapi' | 'cmi5';

export interface SentRequest {
  method: string;
  url: URL;
  body: string;
}

/** A real LRS and a preview LMS forwarding to it, with one package of the given kind open. */
export interface Setup {
  lrs: RealLrs;
  preview: PreviewServer;
  /** The package's LMS routes, e.g. http://127.0.0.1:1234/p/course-cmi5 */
  base: string;
  /** Every request the adapters sent (bodies as text), across launches. */
  requests: SentRequest[];
  /**
   * How many of the next statement requests reach the LRS but lose their answer on the way back (the connection
   * drops after the LRS stored them): the course must resend, and the LRS must not end up with two of anything.
   */
  loseAnswers: number;
  launch(mode?: 'resume' | 'new-attempt'): Promise<LaunchResponse>;
  /** Stop the LRS and start an empty one on the same port: the "LRS was down, now back" case. */
  restartLrs(down?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const TINCAN_XML = `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
<activity id="https://commonground.example.org/courses/common-ground" type="http://adlnet.gov/expapi/activities/course"><name>Common Ground</name><launch lang="en-GB">index.html</launch></activity>
</activities></tincan>`;

export async function setUp(kind: Kind): Promise<Setup> {
  const dir = await mkdtemp(join(tmpdir(), 'cg-runtime-real-lrs-'));
  const files: Record<string, string> = kind === 'cmi5' ? { 'cmi5.xml': CMI5_XML, 'au/index.html': '<p>AU</p>' } : { 'tincan.xml': TINCAN_XML, 'index.html': '<p>course</p>' };
  const zip = join(dir, `course-${kind}.zip`);
  await writeFile(zip, await zipOf(files));
  let lrs = await startRealLrs();
  const lrsConfig = { endpoint: lrs.endpoint, keySecret: LRS_KEY_SECRET };
  let preview: PreviewServer;
  try {
    preview = await startPreviewServer({ zipPath: zip, port: 0, checkPackages: false, terminateGraceMs: 0, tempRoot: dir, lrs: lrsConfig });
  } catch (error) {
    await lrs.stop();
    throw error;
  }
  const base = preview.packageUrl!.replace(/\/$/, '');
  const setup: Setup = {
    get lrs() {
      return lrs;
    },
    preview,
    base,
    requests: [],
    loseAnswers: 0,
    launch: async (mode = 'resume') => {
      const response = await fetch(`${base}/lms/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode }) });
      return (await response.json()) as LaunchResponse;
    },
    restartLrs: async (down) => {
      const port = lrs.port;
      await lrs.stop();
      await down?.();
      lrs = await startRealLrs({ port });
    },
    close: async () => {
      await preview.close();
      await lrs.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return setup;
}

export interface Run {
  page: FakeWindow;
  clock: ManualClock;
  tracker: Tracker;
  session: TrackerSession;
  statuses: ConnectionStatus[];
  launch: LaunchResponse;
  params: URLSearchParams;
}

export interface RunOptions {
  storage?: MemoryStorage;
  sessionStorage?: MemoryStorage;
  reflections?: 'private' | 'shared';
  /** An existing launch to open (a reload); default: a new launch from the preview. */
  launch?: LaunchResponse;
  mode?: 'resume' | 'new-attempt';
}

/** Open the course's adapter on a launch from the preview, as the course page would. */
export async function openCourse(setup: Setup, kind: Kind, options: RunOptions = {}): Promise<Run> {
  const launch = options.launch ?? (await setup.launch(options.mode));
  const url = new URL(launch.launchUrl);
  const recording: typeof fetch = async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const sent = { method: init.method ?? 'GET', url: new URL(String(input)), body };
    setup.requests.push(sent);
    const response = await fetch(input, init);
    if (sent.url.pathname.endsWith('/statements') && sent.method !== 'GET' && setup.loseAnswers > 0) {
      setup.loseAnswers--;
      await response.arrayBuffer();
      throw new TypeError('Failed to fetch (the answer was lost on the way back)');
    }
    return response;
  };
  const page = fakeWindow({ search: url.search, localStorage: options.storage ?? new MemoryStorage(), sessionStorage: options.sessionStorage ?? new MemoryStorage() });
  const clock = new ManualClock(Date.now());
  const config = runtimeConfig(kind, options.reflections ?? 'private');
  const tracker = await (kind === 'xapi' ? openXapi : openCmi5)(config, page.win, { clock, fetch: recording });
  if (!tracker) throw new Error(`the ${kind} adapter found no launch in ${url.search}`);
  const statuses: ConnectionStatus[] = [];
  tracker.onStatus((status) => statuses.push(status));
  const session = await tracker.start();
  await sessionReady(tracker);
  return { page, clock, tracker, session, statuses, launch, params: url.searchParams };
}

/** What a learner who watches the film, answers everything rightly, reflects and rates confidence reports. */
export function reportFullRun(tracker: Tracker, course: Course = loadCourse()): { reflections: string[] } {
  const reflections: string[] = [];
  const film = course.film.durationSeconds;
  tracker.recordVideo({ verb: 'played', time: 0, progress: 0, playedSegments: '' });
  tracker.recordVideo({ verb: 'completed', time: film, progress: 1, playedSegments: `0[.]${film}` });
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type === 'knowledge-check') {
        for (const question of screen.questions) {
          const correct = question.options.filter((option) => option.correct).map((option) => option.id);
          tracker.recordAnswer({ id: `${screen.id}.${question.id}`, type: 'choice', description: question.prompt, response: correct, correct, result: 'correct', latencyMs: 4200, choices: optionChoices(question.options) });
        }
      } else if (screen.type === 'confidence') {
        for (const item of course.confidence.items) {
          tracker.recordAnswer({ id: `${screen.id}.${item.id}`, type: 'likert', description: item.statement, response: [screen.phase === 'before' ? '2' : '4'], result: 'neutral', latencyMs: 1500, choices: scaleChoices(course.confidence.scaleLabels) });
        }
      } else if (screen.type === 'reflection') {
        for (const prompt of screen.prompts) {
          const text = TYPICAL_REFLECTIONS[reflections.length % TYPICAL_REFLECTIONS.length]!;
          reflections.push(text);
          tracker.recordReflection(prompt.id, prompt.prompt, text);
        }
      }
    }
    tracker.recordProgress(section.id, 1);
  }
  tracker.setOutcome({ completed: true, passed: true, scaled: 1, progress: 1 });
  return { reflections };
}
