// Start-up: connect the tracker for the package's standard, start the LMS session, and turn the saved state (if any)
// into the learner's starting point.
import type { RuntimeConfig } from '../../types.ts';
import { connect } from '../../runtime/connect.ts';
import { decodeState, encodeState } from '../../runtime/state/codec.ts';
import { mapCourse } from '../logic/course-map.ts';
import { resumeFrom, type ResumeResult } from '../state/resume.ts';
import { CourseSession } from './course-session.ts';
import { StatusStore } from './status-store.ts';

export interface StartedCourse {
  session: CourseSession;
  status: StatusStore;
  resume: ResumeResult;
}

export async function startCourse(config: RuntimeConfig): Promise<StartedCourse> {
  const tracker = await connect(config);
  const status = new StatusStore(tracker);
  const trackerSession = await tracker.start();
  const { course } = config;
  const decoded = trackerSession.resumeState ? decodeState(trackerSession.resumeState, course) : null;
  const resume = resumeFrom(course, mapCourse(course), decoded);
  const session = new CourseSession({
    config,
    tracker,
    session: trackerSession,
    initial: resume.state,
    encode: (state) => encodeState(state, course),
    keepSavedState: resume.keepSavedState,
  });
  return { session, status, resume };
}
