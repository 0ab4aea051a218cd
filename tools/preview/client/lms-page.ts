// The LMS page's script: follows the inspector stream, launches the course in its frame the way an LMS does (for
// SCORM, the API object is in place before the frame navigates), and runs the buttons and fault switches. The page
// launches (resuming) as soon as it loads, like an LMS's "launch" link.
import type { LmsPageConfig } from '../pages.ts';
import type { Faults, InspectorSnapshot, LaunchMode, LaunchResponse, LogEntry, LrsDownMode } from '../protocol.ts';
import { describeFaults } from './fault-labels.ts';
import { frameSizeById } from './frame-sizes.ts';
import { InspectorView } from './inspector-view.ts';
import { installScormApi, type ScormHost } from './scorm-host.ts';
import { postJson } from './server-api.ts';

/** 2004 navigation requests after which an LMS takes the learner out of the SCO. */
const EXIT_REQUESTS = new Set(['exit', 'exitAll', 'suspendAll', 'abandon', 'abandonAll']);

const config = JSON.parse(document.getElementById('preview-config')!.textContent ?? '{}') as LmsPageConfig;
const base = config.basePath;
const frame = document.getElementById('course-frame') as HTMLIFrameElement;
const view = new InspectorView(document);
let faults: Faults = { commitFails: false, lmsGone: false, lrsDown: 'off', slowMs: 0 };
let host: ScormHost | null = null;
let busy = false;
let courseLoaded = false;

const events = new EventSource(`${base}/lms/events`);
// Each (re)connection replays the log the server kept (bounded: log-retention.ts) after a fresh snapshot.
events.addEventListener('open', () => view.reset());
events.addEventListener('snapshot', (event) => {
  const snapshot = JSON.parse((event as MessageEvent<string>).data) as InspectorSnapshot;
  faults = snapshot.faults;
  host?.applyFaults(faults);
  view.renderSnapshot(snapshot);
});
events.addEventListener('log', (event) => view.addEntry(JSON.parse((event as MessageEvent<string>).data) as LogEntry));

/**
 * Navigate the frame to about:blank and wait: the course's pagehide handlers (LMSFinish, terminated) run now. What
 * they sent without waiting is awaited too, so the LMS has the last session's data before it launches another.
 */
async function unloadCourse(): Promise<void> {
  if (courseLoaded) {
    await new Promise<void>((resolve) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.src = 'about:blank';
    });
    courseLoaded = false;
  }
  await host?.settled();
  host?.remove();
  host = null;
}

async function launch(mode: LaunchMode): Promise<void> {
  await unloadCourse();
  const launchMode = (document.getElementById('launch-mode') as HTMLSelectElement | null)?.value;
  const response = await postJson<LaunchResponse>(`${base}/lms/launch`, { mode, ...(launchMode ? { launchMode } : {}) });
  if (response.scorm && config.runtime !== 'xapi' && !faults.lmsGone) {
    const installed: ScormHost = installScormApi({
      runtime: config.runtime,
      plan: response.scorm,
      session: response.session,
      callsUrl: `${base}/lms/scorm-calls`,
      onFinished: (navRequest) => {
        // An LMS takes the learner out of the SCO after these requests; later, so the SCO's own call returns first.
        // Not when the SCO finished because the LMS was already closing it (a relaunch, "End the attempt"): the course
        // in the frame by then is the next one.
        if (config.runtime === 'scorm2004' && EXIT_REQUESTS.has(navRequest)) {
          setTimeout(() => {
            if (host !== installed || !courseLoaded) return;
            void run(async () => {
              await unloadCourse();
              view.announce(`The course ended its session and asked the LMS to ${navRequest}; the LMS closed it.`);
            });
          }, 0);
        }
      },
    });
    host = installed;
  }
  courseLoaded = true;
  frame.src = response.launchUrl;
  const what = mode === 'new-attempt' ? 'New attempt' : 'Launched';
  view.announce(`${what}: attempt ${response.attempt}, session ${response.session}.${response.notices.length > 0 ? ` ${response.notices.join(' ')}` : ''}`);
}

async function endAttempt(): Promise<void> {
  await unloadCourse();
  await postJson(`${base}/lms/end`, { reason: 'the LMS closed the course' });
  view.announce('The course was closed and the session ended.');
}

/** One button action at a time; a failure is announced rather than lost in the console. */
async function run(action: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    await action();
  } catch (error) {
    view.announce(`That did not work: ${(error as Error).message}`);
  } finally {
    busy = false;
  }
}

// A cmi5 AU that exits sends its frame to the returnURL: the LMS then ends the session, as it would on return.
frame.addEventListener('load', () => {
  let path = '';
  try {
    path = frame.contentWindow?.location.pathname ?? '';
  } catch {
    return; // another origin: not our page
  }
  if (path === `${base}/lms/returned`) {
    courseLoaded = false;
    void postJson(`${base}/lms/end`, { reason: 'the AU returned to the LMS (returnURL)' }).catch(() => undefined);
  }
});

document.getElementById('end-attempt')?.addEventListener('click', () => void run(endAttempt));
document.getElementById('relaunch')?.addEventListener('click', () => void run(() => launch('resume')));
// A new attempt wipes what the LMS kept: only after the tester confirms it in the dialog (Escape or "Keep" cancels).
const newAttemptDialog = document.getElementById('new-attempt-dialog') as HTMLDialogElement | null;
document.getElementById('new-attempt')?.addEventListener('click', () => {
  if (!newAttemptDialog) return;
  newAttemptDialog.returnValue = '';
  newAttemptDialog.showModal();
});
newAttemptDialog?.addEventListener('close', () => {
  if (newAttemptDialog.returnValue === 'confirm') void run(() => launch('new-attempt'));
});

const form = document.getElementById('faults-form') as HTMLFormElement | null;
async function applyFaultForm(): Promise<void> {
  if (!form) return;
  const checked = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.checked ?? false;
  const lrsDown = (form.querySelector('input[name="lrsDown"]:checked') as HTMLInputElement | null)?.value as LrsDownMode | undefined;
  const slow = Number((document.getElementById('fault-slow') as HTMLInputElement | null)?.value ?? 0);
  const change: Partial<Faults> = {
    lmsGone: checked('fault-lms-gone'),
    slowMs: Number.isInteger(slow) && slow >= 0 && slow <= 60_000 ? slow : 0,
    ...(config.runtime === 'xapi' ? { lrsDown: lrsDown ?? 'off' } : { commitFails: checked('fault-commit') }),
  };
  faults = await postJson<Faults>(`${base}/lms/faults`, change);
  host?.applyFaults(faults);
  view.announce(`${describeFaults(faults, config.runtime)}.`);
}
form?.addEventListener('change', () => void applyFaultForm().catch((error: Error) => view.announce(`Faults not changed: ${error.message}`)));
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void applyFaultForm().catch((error: Error) => view.announce(`Faults not changed: ${error.message}`));
});

/** The course frame at an LMS's size (or filling the pane), remembered in the address so a reload keeps it. */
function applyFrameSize(id: string | null): void {
  const size = frameSizeById(id);
  frame.classList.toggle('fixed-size', size.width !== null);
  frame.style.width = size.width === null ? '' : `${size.width}px`;
  frame.style.height = size.height === null ? '' : `${size.height}px`;
  const select = document.getElementById('frame-size') as HTMLSelectElement | null;
  if (select) select.value = size.id;
  const url = new URL(location.href);
  if (size.width === null) url.searchParams.delete('frame');
  else url.searchParams.set('frame', size.id);
  history.replaceState(history.state, '', url);
}
const frameSelect = document.getElementById('frame-size') as HTMLSelectElement | null;
frameSelect?.addEventListener('change', () => {
  applyFrameSize(frameSelect.value);
  view.announce(`Course frame: ${frameSelect.selectedOptions[0]?.textContent ?? frameSelect.value}.`);
});
applyFrameSize(new URLSearchParams(location.search).get('frame'));

void run(() => launch('resume'));
