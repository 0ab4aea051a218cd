// The preview's HTML: the LMS page (course frame beside the inspector), the package chooser, the page a cmi5 AU's
// returnURL leads to, and the error page. Server-rendered, no inline script (the page's CSP forbids it): the LMS
// page's settings travel in a JSON data block its module script reads.
import { faultLabels, type FaultWords } from './client/fault-labels.ts';
import { DEFAULT_FRAME_SIZE, FRAME_SIZES } from './client/frame-sizes.ts';
import { escapeHtml } from './http-util.ts';
import type { PackageListing } from './package-list.ts';
import type { PackageSummary } from './protocol.ts';

export interface LmsPageConfig {
  basePath: string;
  /** 'scorm12' | 'scorm2004' pick the runtime; 'xapi' means the LMS side is in the server. */
  runtime: 'scorm12' | 'scorm2004' | 'xapi';
  suspendDataLimit: number;
  /** cmi5: the LMS page offers the launch modes (Normal, Browse, Review). */
  cmi5: boolean;
}

const ASSETS = '/_preview/assets';

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${ASSETS}/lms-page.css">
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/** JSON inside <script type="application/json">: "<" is escaped so no value can close the element. */
function jsonBlock(id: string, value: unknown): string {
  return `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>\n`;
}

export function lmsPage(summary: PackageSummary, config: LmsPageConfig, showChooserLink: boolean): string {
  const scorm = config.runtime !== 'xapi';
  const head =
    jsonBlock('preview-config', config) +
    (scorm ? `<script src="${ASSETS}/${config.runtime}.js"></script>\n` : '') +
    `<script type="module" src="${ASSETS}/client/lms-page.ts"></script>\n`;
  const edition = summary.edition && !summary.standardName.includes(summary.edition) ? ` (${escapeHtml(summary.edition)})` : '';
  const notes = summary.notes.length > 0 ? `<ul class="lms-notes">${summary.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>` : '';
  const faults = faultLabels(config.runtime);
  // "Start a new attempt" destroys what the LMS kept: said on the button's hint and again in the confirmation.
  const newAttemptWords = scorm
    ? {
        hint: 'Start a new attempt: wipes the saved progress (the committed CMI data: place, answers, score, status) and starts from the beginning. Asks first.',
        wipes: 'The LMS discards everything this attempt saved (the committed CMI data: the learner’s place, answers, score and status) and the course starts again from the beginning.',
      }
    : {
        hint: 'Start a new attempt: a new registration, so the course starts from the beginning without the saved progress. Asks first.',
        wipes: 'The LMS starts a new registration: the course starts again from the beginning and no longer sees this attempt’s saved progress (its statements stay in the LRS).',
      };
  const switchLabel = (id: string, words: FaultWords) =>
    `<label for="${id}">${escapeHtml(words.label)}${words.detail ? ` <span class="hint">(${escapeHtml(words.detail)})</span>` : ''}</label>`;
  const commitFault = faults.commitFails ? `<div class="check"><input type="checkbox" id="fault-commit" name="commitFails">${switchLabel('fault-commit', faults.commitFails)}</div>` : '';
  const lrsFault = faults.lrsDown
    ? `<fieldset class="radios"><legend>${escapeHtml(faults.lrsDown.legend)}</legend>
${(
  [
    ['lrs-up', 'off'],
    ['lrs-503', 'http-503'],
    ['lrs-refuse', 'refuse'],
  ] as const
)
  .map(([id, mode]) => `<div class="check"><input type="radio" id="${id}" name="lrsDown" value="${mode}"${mode === 'off' ? ' checked' : ''}>${switchLabel(id, faults.lrsDown!.options[mode])}</div>`)
  .join('\n')}
</fieldset>`
    : '';
  const dataPanels = scorm
    ? `<section class="panel">
<h3 id="cmi-heading">CMI data</h3>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="cmi-heading">
<table class="cmi-table">
<thead><tr><th scope="col">Element</th><th scope="col">Current value</th><th scope="col">Last committed</th></tr></thead>
<tbody id="cmi-rows"><tr><td colspan="3">No data yet.</td></tr></tbody>
</table>
</div>
</section>`
    : `<section class="panel" aria-labelledby="statements-heading">
<h3 id="statements-heading">Statements</h3>
<ol id="statement-list" class="log-list" tabindex="0" aria-labelledby="statements-heading"></ol>
</section>
<section class="panel" aria-labelledby="documents-heading">
<h3 id="documents-heading">State and profile documents</h3>
<div id="document-list"><p>No documents yet.</p></div>
</section>`;

  const body = `<a class="skip-link" href="#inspector">Skip to the inspector</a>
<header class="lms-header">
<p class="lms-brand">Common Ground preview LMS</p>
<h1>${escapeHtml(summary.title || summary.fileName)}</h1>
<p class="lms-meta">${escapeHtml(summary.standardName)}${edition} · ${escapeHtml(summary.fileName)} · launches <code>${escapeHtml(summary.launchHref)}</code>${showChooserLink ? ' · <a href="/">Choose another package</a>' : ''}</p>
${notes}
</header>
<main class="lms-main">
<section class="course-pane" aria-labelledby="course-heading">
<h2 id="course-heading" class="visually-hidden">Course</h2>
<div class="field frame-size-field"><label for="frame-size">Course frame size</label>
<select id="frame-size">${FRAME_SIZES.map((size) => `<option value="${size.id}"${size.id === DEFAULT_FRAME_SIZE ? ' selected' : ''}>${escapeHtml(size.label)}</option>`).join('')}</select></div>
<div class="frame-holder">
<iframe id="course-frame" title="Course: ${escapeHtml(summary.title || summary.fileName)}" src="about:blank"></iframe>
</div>
</section>
<section id="inspector" class="inspector" aria-labelledby="inspector-heading" tabindex="-1">
<h2 id="inspector-heading">Inspector</h2>
<section class="panel" aria-labelledby="attempt-heading">
<h3 id="attempt-heading">Attempt</h3>
<p id="attempt-summary">Not launched yet.</p>
<div class="button-row">
<button type="button" id="end-attempt" aria-describedby="end-hint">End the attempt</button>
<button type="button" id="relaunch" aria-describedby="relaunch-hint">Relaunch (resume)</button>
</div>
${config.cmi5 ? '<div class="field"><label for="launch-mode">cmi5 launch mode of the next launch</label> <select id="launch-mode"><option value="Normal" selected>Normal</option><option value="Browse">Browse</option><option value="Review">Review</option></select></div>' : ''}
<ul class="hint-list">
<li id="end-hint">End the attempt: the LMS closes the course as a learner closing its window would${scorm ? '' : ' (cmi5: "abandoned" if the AU did not terminate)'}.</li>
<li id="relaunch-hint">Relaunch: a new session of the same attempt, with the ${scorm ? 'committed CMI data' : 'registration and its state'}; nothing is lost.</li>
</ul>
<div class="danger-zone">
<button type="button" id="new-attempt" class="button-danger" aria-haspopup="dialog" aria-describedby="new-hint">Start a new attempt…</button>
<p id="new-hint" class="hint">${escapeHtml(newAttemptWords.hint)}</p>
</div>
</section>
<section class="panel" aria-labelledby="faults-heading">
<h3 id="faults-heading">Faults</h3>
<form id="faults-form" novalidate>
${commitFault}
<div class="check"><input type="checkbox" id="fault-lms-gone" name="lmsGone">${switchLabel('fault-lms-gone', faults.lmsGone)}</div>
${lrsFault}
<div class="field"><label for="fault-slow">${escapeHtml(faults.slowMs.label)} <span class="hint">(${escapeHtml(faults.slowMs.detail)})</span></label>
<input type="number" id="fault-slow" name="slowMs" min="0" max="60000" step="100" value="0" inputmode="numeric"></div>
</form>
</section>
<section class="panel" aria-labelledby="status-heading">
<h3 id="status-heading">Status</h3>
<dl id="status-list" class="status-list"></dl>
${scorm ? `<p class="meter-row"><label for="suspend-meter" id="suspend-label">cmi.suspend_data</label> <meter id="suspend-meter" min="0" max="${config.suspendDataLimit}" value="0" high="${Math.round(config.suspendDataLimit * 0.9)}"></meter></p>` : ''}
</section>
<section class="panel" aria-labelledby="warnings-heading">
<h3 id="warnings-heading">Warnings</h3>
<ul id="warning-list" class="log-list" tabindex="0" aria-labelledby="warnings-heading"><li class="empty">None.</li></ul>
</section>
<section class="panel" aria-labelledby="calls-heading">
<h3 id="calls-heading">${scorm ? 'API calls and commits' : 'LRS requests'}</h3>
${scorm ? '<div class="check"><input type="checkbox" id="show-error-queries"><label for="show-error-queries">Show GetLastError, GetErrorString and GetDiagnostic calls</label></div>' : ''}
<ol id="call-log" class="log-list hide-error-queries" tabindex="0" aria-labelledby="calls-heading"></ol>
</section>
${dataPanels}
</section>
</main>
<dialog id="new-attempt-dialog" class="confirm-dialog" aria-labelledby="new-attempt-title" aria-describedby="new-attempt-text">
<h2 id="new-attempt-title">Start a new attempt and wipe the saved progress?</h2>
<p id="new-attempt-text">${escapeHtml(newAttemptWords.wipes)} This cannot be undone. To carry on where the learner left off, use Relaunch instead.</p>
<form method="dialog" class="button-row">
<button type="submit" value="cancel" id="new-attempt-cancel" autofocus>Keep the progress</button>
<button type="submit" value="confirm" id="new-attempt-confirm" class="button-danger">Wipe the progress and start again</button>
</form>
</dialog>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>`;
  return layout(`Preview LMS: ${summary.title || summary.fileName}`, body, head);
}

export function chooserPage(packages: readonly PackageListing[], folder: string, problem: string | null): string {
  const byVariant = new Map<string, PackageListing[]>();
  for (const listing of packages) {
    const group = byVariant.get(listing.variant);
    if (group) group.push(listing);
    else byVariant.set(listing.variant, [listing]);
  }
  const groups = [...byVariant]
    .map(
      ([variant, listings], index) => `<section class="panel" aria-labelledby="variant-${index + 1}">
<h2 id="variant-${index + 1}">${escapeHtml(variant === '' ? 'Packages' : `Variant: ${variant}`)}</h2>
<ul class="package-list">${listings.map((listing) => `<li><a href="/open?zip=${encodeURIComponent(listing.relativePath)}">${escapeHtml(listing.fileName)}</a></li>`).join('')}</ul>
</section>`,
    )
    .join('\n');
  const empty = `<p>No packages under <code>${escapeHtml(folder)}</code>. Run <code>npm run build</code>, or start the preview with a zip: <code>npm run preview -- some-package.zip</code>.</p>`;
  const error = problem ? `<div class="error-summary" role="alert"><h2>The package could not be opened</h2><p>${escapeHtml(problem)}</p></div>` : '';
  const body = `<header class="lms-header">
<p class="lms-brand">Common Ground preview LMS</p>
<h1>Choose a package</h1>
</header>
<main class="chooser">
${error}
${packages.length === 0 ? empty : groups}
</main>`;
  return layout('Preview LMS: choose a package', body);
}

export function returnedPage(): string {
  return layout(
    'Returned to the LMS',
    `<main class="returned"><h1>The course has closed</h1><p>The course sent you back to the LMS (its cmi5 returnURL). Use the inspector's buttons to relaunch it.</p></main>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<main class="chooser"><div class="error-summary" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div><p><a href="/">Back to the packages</a></p></main>`);
}
