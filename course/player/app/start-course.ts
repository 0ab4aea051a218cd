// Start-up: connect the tracker for the package's standard, start the LMS session, and turn the saved state (if any)
// into the learner's starting point.
import type { RuntimeConfig } from '../../model/types.ts';
import { connect } from '../../runtime/connect.ts';
import { emptyLearnerState, randomSeed } from '../../runtime/state/learner-state.ts';
import { firstScreenId, mapCourse } from '../logic/course-map.ts';
import type { ResumeResult } from '../state/resume.ts';
import { codecLoader, stateEncoder, type CodecLoader, type StateCodec } from './codec-loader.ts';
import { CourseSession } from './course-session.ts';
import { statusStore, type StatusStore } from './status-store.ts';
import { coursePartsOf } from './course-parts.ts';

export interface StartedCourse {
  session: CourseSession;
  status: StatusStore;
  resume: ResumeResult;
  /** The component that shows `resume.notice`; it comes with the codec, so only a resume has it. */
  Notice: StateCodec['Notice'] | null;
  /** The state codec: here already on a resume; on a first launch the player asks for it once its first screen is up. */
  codec: CodecLoader;
}

export async function startCourse(config: RuntimeConfig): Promise<StartedCourse> {
  // Not fetched yet: only a resume needs it before the first screen (codec-loader.ts). The codec lays saved progress
  // out by the course's structure, which config.js leaves out (build/course-parts.ts): the two come together.
  const parts = coursePartsOf(config);
  const codec = codecLoader(() => Promise.all([import('./saved-progress.ts'), parts.structure()]).then(([saved]) => saved));
  const tracker = await connect(config);
  const status = statusStore(tracker);
  const trackerSession = await tracker.start();
  const { course } = config;
  const map = mapCourse(course);
  let resume: ResumeResult;
  let Notice: StartedCourse['Notice'] = null;
  if (trackerSession.resumeState) {
    const saved = await codec.load();
    resume = saved.resumeFrom(course, map, saved.decodeState(trackerSession.resumeState, course));
    Notice = saved.Notice;
  } else {
    // A first launch: the course's first screen, nothing to tell (resumeFrom says the same for "nothing saved"), and
    // the learner's own seed for the knowledge check's draw and option order.
    resume = { state: emptyLearnerState(firstScreenId(map), randomSeed()), notice: null, keepSavedState: false };
  }
  const session = new CourseSession({
    config,
    tracker,
    session: trackerSession,
    initial: resume.state,
    encode: stateEncoder(codec, course, () => status.set({ state: 'failed', problem: { kind: 'saver-not-loaded' }, keptLocally: false })),
    keepSavedState: resume.keepSavedState,
    hasStructure: parts.hasStructure,
  });
  return { session, status, resume, Notice, codec };
}
