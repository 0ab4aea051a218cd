// The way back from a page outside the course's flow to the screen the learner left. Hidden in print.
import { usePageStrings } from '../app/use-page-strings.ts';

export function BackToCourse({ onClose }: { onClose(): void }) {
  const t = usePageStrings();
  return (
    <p class="no-print">
      <button type="button" class="link-button back-link" onClick={onClose}>
        {t.exportPage.backToCourse}
      </button>
    </p>
  );
}
