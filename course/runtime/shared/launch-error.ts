// A launch that cannot connect, as a code the player words (its string catalogue) and the LMS's own technical answer.
// The message is for the console only.
import type { LaunchFailure } from '../tracker.ts';

export class LaunchError extends Error {
  constructor(
    readonly reason: LaunchFailure,
    readonly detail: string,
  ) {
    super(detail === '' ? reason : `${reason} (${detail})`);
    this.name = 'LaunchError';
  }
}
