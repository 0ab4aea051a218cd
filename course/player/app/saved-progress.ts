// What only a saved state needs, in one chunk loaded by codec-loader.ts: the state codec (the saved format and
// lz-string), the rules for resuming from what was decoded, and the notice that tells a returning learner where
// they are. A first launch shows its first screen without any of it.
export { decodeState, encodeState } from '../../runtime/state/codec.ts';
export { resumeFrom } from '../state/resume.ts';
export { Notice } from '../components/Notice.tsx';
