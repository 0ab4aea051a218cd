// Radios or checkboxes in a fieldset with a legend, NHS.UK style: large targets, hint and error message tied to
// the group with aria-describedby.
import type { ComponentChildren } from 'preact';
import { useStrings } from '../app/use-strings.ts';
import '../styles/forms.css';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps {
  /** Unique on the page: ids of the inputs derive from it. */
  name: string;
  type: 'radio' | 'checkbox';
  legend: ComponentChildren;
  /** Legend styled as a heading of this size (the legend is the question). */
  legendSize?: 's' | 'm' | 'l';
  hint?: string;
  options: ChoiceOption[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  error?: string | null;
  disabled?: boolean;
  /** Lays short options side by side where there is room (rating scales). */
  inline?: boolean;
}

export function inputId(name: string, value: string): string {
  return `${name}--${value}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function ChoiceGroup(props: ChoiceGroupProps) {
  const t = useStrings();
  const { name, type, options, selected, error, disabled } = props;
  const hintId = props.hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, checked: boolean): void => {
    if (type === 'radio') props.onChange([value]);
    else props.onChange(checked ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  };
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class={`fieldset__legend fieldset__legend--${props.legendSize ?? 'm'}`}>{props.legend}</legend>
        {props.hint && (
          <div class="hint" id={hintId}>
            {props.hint}
          </div>
        )}
        {error && (
          <p class="error-message" id={errorId}>
            <span class="visually-hidden">{t.form.error}</span> {error}
          </p>
        )}
        <div class={`${type === 'radio' ? 'radios' : 'checkboxes'}${props.inline ? ' radios--inline' : ''}`}>
          {options.map((option) => {
            const id = inputId(name, option.value);
            const optionHintId = option.hint ? `${id}-hint` : undefined;
            return (
              <div class="choice" key={option.value}>
                <input
                  class="choice__input"
                  type={type}
                  id={id}
                  name={name}
                  value={option.value}
                  checked={selected.includes(option.value)}
                  disabled={disabled}
                  aria-describedby={optionHintId}
                  onChange={(event) => toggle(option.value, (event.currentTarget as HTMLInputElement).checked)}
                />
                <label class="choice__label" for={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <div class="hint choice__hint" id={optionHintId}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
