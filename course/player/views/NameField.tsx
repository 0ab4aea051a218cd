// Asks for the learner's name for a printed page when the LMS gave none (standalone use). Kept for this session
// only: it is never saved or sent.
import { usePlayer } from '../app/player-context.ts';
import '../styles/forms.css';

export function NameField({ label }: { label: string }) {
  const { session, learnerName, setLearnerName } = usePlayer();
  if (session.trackerSession.learner.name) return null;
  return (
    <div class="form-group no-print">
      <label class="label" for="learner-name">
        {label}
      </label>
      <input
        class="input"
        id="learner-name"
        type="text"
        autocomplete="name"
        spellcheck={false}
        value={learnerName ?? ''}
        onInput={(event) => setLearnerName((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
