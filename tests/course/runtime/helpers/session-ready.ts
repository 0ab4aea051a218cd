// A tracked session opens before the rest of it (the durable core and the transport) has come
// (course/runtime/shared/opening-session.ts): tests that go on to save, answer or end wait for that part first,
// unless they test the window before it.
import type { Tracker } from '../../../../course/runtime/tracker.ts';

export async function sessionReady(tracker: Tracker): Promise<void> {
  await (tracker as Tracker & { loadRestNow?: () => Promise<void> }).loadRestNow?.();
}
