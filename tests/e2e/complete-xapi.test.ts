// The whole module with the keyboard alone in xAPI (TinCan launch) and cmi5, from the real build, in Debian's Chromium
// with the preview LMS forwarding its statements to a real LRS (Learning Locker's xapi-statements on 127.0.0.1): every
// screen answered by keys only, axe-core on every step at 320 and 1280 px (and no sideways scrolling at 320), every
// request kept to the package and its LMS, and at the end the LRS holds exactly the statements the course should send,
// in order, with the launch's actor and registration, scores and durations, the film's Video Profile events, the cmi5
// categories and session id (and the LMS's own launched and satisfied), each valid by @learninglocker/xapi-validation,
// and no reflection text in any statement or request but the learner's own resume document. The walk itself is in
// support/completion.ts.
// Then the completion report (tools/report) is read from that LRS, loaded with what the walks produced: its figures
// must be those of the learners who completed; and `npm run report` on that LRS and on the Moodle downloads of the
// same learners (their answers written through the course's SCORM 1.2 data model, as Moodle would hold them) must agree
// figure for figure.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, CSV_NAME, runReport, TEAM_CSV_NAME } from '../../tools/report/cli.ts';
import { moodleDownloadsFrom } from '../fixtures/report/moodle-from-statements.ts';
import { comparable } from '../tools/report/comparable.ts';
import { LRS_KEY_SECRET } from '../support/real-lrs.ts';
import { hasChromium } from '../support/chromium.ts';
import { describeCompletion } from './support/completion.ts';
import { asAnotherLearner, expectReportOfWalks } from './support/lrs-learners.ts';
import { reflectionLeaks } from './support/scenario.ts';

const walks = describeCompletion(['xapi', 'cmi5'], { realLrs: true });

describe.skipIf(!hasChromium)('the completion report read from the LRS the walks reported to', () => {
  it('shows the figures of the learners who completed, and no reflection text', async () => {
    expect(walks.inLrs.map((walk) => walk.standard), 'both walks finished and reported').toEqual(['xapi', 'cmi5']);
    const lrs = walks.lrs()!;
    // Each walk's learner, two more learners with each walk's statements, and one per walk who stopped before any
    // question: eight learners, six of whom completed and passed.
    const extra = walks.inLrs.flatMap((walk, w) => [
      ...asAnotherLearner(walk, 10 * w + 1),
      ...asAnotherLearner(walk, 10 * w + 2),
      ...asAnotherLearner(walk, 10 * w + 3, { beforeFirstAnswer: true }),
    ]);
    await lrs.load(extra);

    const { course, plan } = walks.inLrs[0]!;
    const data = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: LRS_KEY_SECRET }, out: '', timezone: 'Europe/London' });
    expectReportOfWalks(data, course, walks.inLrs.map((walk) => walk.plan), 6, 2);
    expect(reflectionLeaks(plan, 'the report data', JSON.stringify(data))).toEqual([]);

    // The same through `npm run report`'s own entry point, writing the files a trust would share.
    const out = await mkdtemp(join(tmpdir(), 'cg-e2e-report-'));
    try {
      const lines: string[] = [];
      const code = await runReport(['--lrs', lrs.endpoint, '--auth', LRS_KEY_SECRET, '--out', out], { log: (line) => lines.push(line), error: (line) => lines.push(line) });
      expect(lines.join('\n')).toMatch(/report: 8 learners started, 6 completed \(75%\)/);
      expect(code).toBe(0);
      for (const file of ['completion-report.html', 'completion-report.csv', 'completion-by-team.csv']) {
        expect(reflectionLeaks(plan, file, await readFile(join(out, file), 'utf8'))).toEqual([]);
      }

      // The same eight learners as Moodle's SCORM Interactions and activity completion downloads would list them.
      const moodle = moodleDownloadsFrom(await lrs.statements(), course);
      const interactions = join(out, 'moodle-scorm-interactions.txt');
      const progress = join(out, 'progress.csv');
      await writeFile(interactions, moodle.interactions);
      await writeFile(progress, moodle.completion);
      const fromMoodle = await buildReport({ source: { kind: 'export', files: [interactions], completionFiles: [progress] }, out: '', timezone: 'Europe/London' });
      expect(comparable(fromMoodle)).toEqual(comparable(data));
      const moodleOut = join(out, 'from-moodle');
      const moodleLines: string[] = [];
      const moodleCode = await runReport(['--scorm-export', interactions, '--activity-completion', progress, '--out', moodleOut], { log: (line) => moodleLines.push(line), error: (line) => moodleLines.push(line) });
      expect(moodleCode, moodleLines.join('\n')).toBe(0);
      expect(moodleLines[0]).toBe(lines[0]);
      // Figure for figure, but for what only one source can know: time in the course (the LRS) and who never started (Moodle).
      const shared = (csv: string) => csv.split('\r\n').filter((line) => !/median_minutes|enrolled_not_started/.test(line));
      expect(shared(await readFile(join(moodleOut, CSV_NAME), 'utf8'))).toEqual(shared(await readFile(join(out, CSV_NAME), 'utf8')));
      const noTime = (csv: string) => csv.split('\r\n').map((line) => line.replace(/,[^,]*$/, ''));
      expect(noTime(await readFile(join(moodleOut, TEAM_CSV_NAME), 'utf8'))).toEqual(noTime(await readFile(join(out, TEAM_CSV_NAME), 'utf8')));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
