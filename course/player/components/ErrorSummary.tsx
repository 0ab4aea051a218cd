// The NHS.UK error summary: a list of problems linking to the fields, focused when it appears so keyboard and
// screen-reader users land on it.
import { useEffect, useId, useRef } from 'preact/hooks';
import { useStrings } from '../app/use-strings.ts';
import '../styles/forms.css';

export interface FieldError {
  /** Id of the element the link moves focus to (the first input of a group). */
  fieldId: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  // Two questions on a page may both show a summary: each title needs an id of its own.
  const titleId = `error-summary-title-${useId()}`;
  const signature = errors.map((e) => e.fieldId + e.message).join('|');
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 class="error-summary__title" id={titleId}>
        {t.form.errorSummaryTitle}
      </h2>
      <ul class="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.fieldId)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
