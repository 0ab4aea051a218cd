// Reflection prompts: a textarea each, with a visible budget, saved as the learner types (the session debounces the
// saving). The budget comes from logic/reflection-budget.ts: each answer's maxLength, or where the saved state is
// too small for every answer at full length (SCORM 1.2), an estimate of what still fits in the room the answers
// share. An edit that would not fit is stopped before it reaches the state, and the live region says why.
// "Export my reflections" opens a printable page; nothing is sent anywhere by it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReflectionPrompt, ReflectionScreen as ReflectionData } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { useStrings } from '../../player/app/use-strings.ts';
import { adjustStatus, countText, reflectionBudget, type FieldStatus, type ReflectionBudget } from '../../player/logic/reflection-budget.ts';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { privacyNoteFor } from '../../player/logic/privacy-note.ts';
import { SupportPanel } from '../../player/components/SupportPanel.tsx';
import { ResourceLinks } from '../../player/components/ResourceLinks.tsx';
import '../../player/styles/forms.css';

/** Quiet time after typing before the remaining budget is announced, so screen readers are not flooded. */
const ANNOUNCE_AFTER_MS = 1000;
/** Quiet time before the shared-room estimate is worked out again (it compresses the answers a dozen times). */
const ESTIMATE_AFTER_MS = 300;

export function ReflectionScreen({ screen }: { screen: ReflectionData }) {
  const { session, openView } = usePlayer();
  const t = useStrings();
  const { config } = session;
  const budget = useMemo(() => reflectionBudget(config.course, config.standard), [config]);
  const save = session.lastSave;
  // Where the save is, said as it is: "Saved" only once the learning system has it (issue 17.5).
  const savedWord = save.kind === 'saved' ? { 'learning-system': t.reflection.saved, 'this-browser': t.reflection.savedInBrowser, 'this-page': t.reflection.keptOnPage }[save.where] : null;
  const savedText =
    save.kind === 'saved' ? savedWord!(save.at.toLocaleTimeString(config.course.language, { hour: '2-digit', minute: '2-digit' })) : save.kind === 'not-saving' ? t.reflection.notSaving : '';
  // The course says who can read the answers in two versions; where the variant shares them, that is said first, as
  // a warning that cannot be missed, and the private version is never shown.
  const shared = config.variant.reflections === 'shared';
  const note = screen.privacyNote ? privacyNoteFor(screen.privacyNote, config.variant) : '';
  return (
    <>
      {shared && (
        <div class="callout callout--warning">
          <p class="callout__title">{t.reflection.sharedTitle}</p>
          <Paragraphs text={note} />
        </div>
      )}
      <Paragraphs text={screen.body} />
      {!shared && <Paragraphs text={note} />}
      {budget.guaranteed !== null && <p class="hint">{t.reflection.sharedRoom(budget.guaranteed)}</p>}
      {screen.prompts.map((prompt) => (
        <ReflectionField key={prompt.id} prompt={prompt} budget={budget} />
      ))}
      <p class="save-status secondary-text">{savedText}</p>
      <div class="card">
        <p class="hint">{t.reflection.exportHint}</p>
        <button type="button" class="button button--secondary" onClick={() => openView('reflections')}>
          {t.reflection.export}
        </button>
      </div>
      <SupportPanel />
      <ResourceLinks />
    </>
  );
}

function ReflectionField({ prompt, budget }: { prompt: ReflectionPrompt; budget: ReflectionBudget }) {
  const { session, announce } = usePlayer();
  const t = useStrings();
  const reflections = session.state.reflections;
  const text = reflections[prompt.id] ?? '';
  const id = `reflection-${prompt.id}`;
  // Counting against maxLength is cheap and done on every render; the shared-room estimate waits for a pause.
  const [worked, setWorked] = useState<FieldStatus>(() => budget.status(reflections, prompt.id));
  const status = budget.shared ? adjustStatus(worked, text.length) : budget.status(reflections, prompt.id);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The last edit was refused: further refusals in a row are not announced again. */
  const refusing = useRef(false);

  useEffect(() => {
    if (!budget.shared) return;
    // Any answer changes the room left for this one, so every field works its estimate out again.
    const timer = setTimeout(() => setWorked(budget.status(session.state.reflections, prompt.id)), ESTIMATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [reflections]);
  useEffect(() => () => void (announceTimer.current && clearTimeout(announceTimer.current)), []);

  const apply = (field: HTMLTextAreaElement, composing: boolean): void => {
    const outcome = budget.edit(session.state.reflections, prompt.id, field.value, field.selectionEnd);
    if (outcome.kind !== 'accepted' && composing) return; // an input method is still composing: settle it at the end
    if (outcome.kind === 'refused') {
      field.value = outcome.text;
      field.setSelectionRange(...outcome.selection);
      // Said once for a run of refused keys: the words under the field say the same for whoever looks.
      if (!refusing.current) announce(budget.shared ? t.reflection.noRoomLeft : t.reflection.atLimit(status.max));
      refusing.current = true;
      return;
    }
    refusing.current = false;
    if (outcome.kind === 'trimmed') {
      field.value = outcome.text;
      field.setSelectionRange(outcome.caret, outcome.caret);
      announce(t.reflection.addedInPart(outcome.added, outcome.offered));
    }
    session.dispatch({ type: 'reflect', promptId: prompt.id, text: outcome.text });
    if (announceTimer.current) clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => {
      // Only the last stretch of the budget is worth interrupting someone for.
      const now = budget.status(session.state.reflections, prompt.id);
      if (now.near || now.over) announce(countText(t.reflection, now));
    }, ANNOUNCE_AFTER_MS);
  };

  return (
    <div class="form-group">
      <label class="label label--s" for={id}>
        {prompt.prompt}
      </label>
      {prompt.hint && (
        <div class="hint" id={`${id}-hint`}>
          {prompt.hint}
        </div>
      )}
      <textarea
        class="textarea"
        id={id}
        rows={6}
        value={text}
        spellcheck
        aria-describedby={[prompt.hint ? `${id}-hint` : '', `${id}-count`].filter(Boolean).join(' ')}
        onInput={(event) => apply(event.currentTarget, (event as InputEvent).isComposing === true)}
        onCompositionEnd={(event) => apply(event.currentTarget, false)}
        readOnly={session.readOnly}
      />
      <p class={`character-count${status.near || status.over ? ' character-count--near' : ''}`} id={`${id}-count`}>
        {countText(t.reflection, status)}
      </p>
    </div>
  );
}
