// The two ways a report run can fail, so the CLI can give the right exit status: a mistake in how the tool was
// called (exit 2), or input it could not read — an LRS that does not answer or refuses the credentials, an export
// with missing columns (exit 1). Both carry a message written for the person at the terminal.

/** The command line itself is wrong: exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The input could not be read or is not what the report needs: exit 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
