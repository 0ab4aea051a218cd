// The whole module with the keyboard alone in xAPI (TinCan launch) and cmi5, from the real build, in Debian's Chromium
// with the preview LMS and its LRS: every screen answered by keys only, axe-core on every step at 320 and 1280 px, every
// request kept to the package and its LMS, and at the end the LRS holds exactly the statements the course should send,
// in order, with the launch's actor and registration, scores and durations, the film's Video Profile events, the
// cmi5 categories and session id (and the LMS's own launched and satisfied), and no reflection text in any statement
// or request but the learner's own resume document. The walk itself is in support/completion.ts.
import { describeCompletion } from './support/completion.ts';

describeCompletion(['xapi', 'cmi5']);
