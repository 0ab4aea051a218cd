// The one exit-status convention every command holds (README "Commands"): 0 success, 1 bad input (a broken course or
// variant file, an invalid package, a file that cannot be read, a refused swap, an unexpected failure), 2 usage error
// (the command line itself is wrong).
export const EXIT = {
  ok: 0,
  badInput: 1,
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
