// The moments a page may be about to disappear. Browsers no longer run network calls reliably in unload, and mobile
// browsers often skip it (adapt_framework#2238, simplify-scorm#50), so work is flushed when the page is hidden and
// when it is hidden for good (pagehide).

export interface LifecycleHandlers {
  /** The page went to the background (tab switch, phone locked): it may be killed without further notice. */
  hidden(): void;
  /** The page is being left; `persisted` when it may come back from the back/forward cache. */
  leaving(persisted: boolean): void;
}

export function watchPageLifecycle(win: Window, handlers: LifecycleHandlers): () => void {
  const onVisibility = () => {
    if (win.document?.visibilityState === 'hidden') handlers.hidden();
  };
  const onPageHide = (event: Event) => handlers.leaving((event as PageTransitionEvent).persisted === true);
  win.document?.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  return () => {
    win.document?.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
}
