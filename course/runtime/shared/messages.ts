// What the learner is told when their work has not reached the LMS or LRS: plainly, what happened, and where the
// work is now. Technical detail goes in brackets at the end, for whoever they ask for help.

export const LMS_STORAGE = "your organisation's learning system";

function whereItIs(keptLocally: boolean): string {
  return keptLocally
    ? 'Your work is kept safely in this browser until it gets through.'
    : 'This browser cannot keep a copy, so please keep this page open until it gets through.';
}

export function retryingMessage(keptLocally: boolean): string {
  return `We could not reach your learning system just now, so your latest work has not been saved there yet. ${whereItIs(keptLocally)} We will keep trying.`;
}

export function failedMessage(detail: string, keptLocally: boolean): string {
  const advice = keptLocally
    ? 'Please do not clear this browser’s data, and tell your learning team if this message stays.'
    : 'Please tell your learning team if this message stays.';
  return `Your learning system has not accepted your latest work (${detail}). ${whereItIs(keptLocally)} ${advice}`;
}

export function tooLargeMessage(length: number, limit: number): string {
  return (
    `Your latest changes make your saved work ${length.toLocaleString('en-GB')} characters long, more than your learning system can store ` +
    `(${limit.toLocaleString('en-GB')}). They are kept in this browser; please shorten your longest reflection so they can be saved.`
  );
}
