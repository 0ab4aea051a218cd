import { Icon } from './Icon.tsx';

/** Opens the browser's print dialog (which also offers "Save as PDF"). Hidden in print. */
export function PrintButton({ label, hint }: { label: string; hint?: string }) {
  return (
    <div class="no-print print-action">
      <button type="button" class="button button--secondary" onClick={() => window.print()}>
        <Icon name="print" /> {label}
      </button>
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}
