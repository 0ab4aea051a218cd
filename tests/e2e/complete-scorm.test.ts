// The whole module with the keyboard alone in SCORM 1.2, 2004 3rd and 2004 4th edition, from the real build, in
// Debian's Chromium with the preview LMS as the LMS: every screen answered by keys only (the walk is driven by the
// course data), axe-core on every step at 320 and 1280 px (and no sideways scrolling at 320), every request kept to the
// package and its LMS, and at the end the LMS holds exactly what the course should report: status, success, score,
// location, exit, session time, one interaction per answer in the edition's format, one objective per section, and no
// reflection text outside the learner's own suspend_data. The walk itself is in support/completion.ts.
import { describeCompletion } from './support/completion.ts';

describeCompletion(['scorm12', 'scorm2004-3rd', 'scorm2004-4th'], { checkTheChecker: true });
