// Reflection prompts: a textarea each, with a visible character budget, saved as the learner types (the session
// debounces the saving). "Export my reflections" opens a printable page; nothing is sent anywhere by it.
import { useEffect, useRef } from 'preact/hooks';
import type { ReflectionPrompt, ReflectionScreen as ReflectionData } from '../../types.ts';
import { usePlayer } from '../app/player-context.ts';
import { characterBudget } from '../logic/character-budget.ts';
import { Paragraphs } from '../components/Paragraphs.tsx';
import '../styles/forms.css';

/** Quiet time after typing before the remaining budget is announced, so screen readers are not flooded. */
const ANNOUNCE_AFTER_MS = 1000;

export function ReflectionScreen({ screen }: { screen: ReflectionData }) {
  const { t, session, openView } = usePlayer();
  const save = session.lastSave;
  const savedText =
    save.kind === 'saved' ? t.reflection.saved(save.at.toLocaleTimeString(session.config.course.language, { hour: '2-digit', minute: '2-digit' })) : save.kind === 'not-saving' ? t.reflection.notSaving : '';
  return (
    <>
      <Paragraphs text={screen.body} />
      <p>{session.config.variant.reflections === 'shared' ? t.reflection.introShared : t.reflection.introPrivate}</p>
      {screen.prompts.map((prompt) => (
        <ReflectionField key={prompt.id} prompt={prompt} />
      ))}
      <p class="save-status secondary-text">{savedText}</p>
      <div class="card">
        <p class="hint">{t.reflection.exportHint}</p>
        <button type="button" class="button button--secondary" onClick={() => openView('reflections')}>
          {t.reflection.export}
        </button>
      </div>
    </>
  );
}

function ReflectionField({ prompt }: { prompt: ReflectionPrompt }) {
  const { t, session, announce } = usePlayer();
  const max = Math.min(prompt.maxLength, session.config.course.limits.reflectionMaxLength);
  const text = session.state.reflections[prompt.id] ?? '';
  const budget = characterBudget(text, max);
  const id = `reflection-${prompt.id}`;
  const countText = budget.atLimit ? t.reflection.atLimit(max) : t.reflection.charactersRemaining(budget.remaining);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onInput = (event: Event): void => {
    const value = (event.currentTarget as HTMLTextAreaElement).value;
    session.dispatch({ type: 'reflect', promptId: prompt.id, text: value });
    if (timer.current) clearTimeout(timer.current);
    const after = characterBudget(value, max);
    // Only the last stretch of the budget is worth interrupting someone for.
    if (after.nearLimit) {
      timer.current = setTimeout(
        () => announce(after.atLimit ? t.reflection.atLimit(max) : t.reflection.charactersRemaining(after.remaining)),
        ANNOUNCE_AFTER_MS,
      );
    }
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
        maxLength={max}
        value={text}
        spellcheck
        aria-describedby={[prompt.hint ? `${id}-hint` : '', `${id}-count`].filter(Boolean).join(' ')}
        onInput={onInput}
        readOnly={session.readOnly}
      />
      <p class={`character-count${budget.nearLimit ? ' character-count--near' : ''}`} id={`${id}-count`}>
        {countText}
      </p>
    </div>
  );
}
