// Inline SVG icons, drawn for this player. They are always decorative: the words beside them carry the meaning, so
// nothing is told by an icon (or its colour) alone.

export type IconName = 'tick' | 'cross' | 'partly' | 'info' | 'warning' | 'arrow-left' | 'arrow-right' | 'print' | 'circle' | 'menu';

const PATHS: Record<IconName, string> = {
  tick: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  partly: 'M6 12h12',
  info: 'M12 10.5v6.5M12 7v.5',
  warning: 'M12 8v5.5M12 16.5v.5',
  'arrow-left': 'M19 12H6m5-6l-6 6 6 6',
  'arrow-right': 'M5 12h13m-5-6l6 6-6 6',
  print: 'M7 9V4h10v5M7 17H5a1 1 0 01-1-1v-6a1 1 0 011-1h14a1 1 0 011 1v6a1 1 0 01-1 1h-2M7 14h10v6H7z',
  circle: '',
  menu: 'M4 7h16M4 12h16M4 17h16',
};

/** Icons drawn inside a ring (status marks); the others are bare strokes. */
const RINGED = new Set<IconName>(['tick', 'cross', 'partly', 'info', 'warning', 'circle']);

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={`icon icon--${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {RINGED.has(name) && <circle cx="12" cy="12" r="10.5" stroke-width="2" />}
      {PATHS[name] && <path d={PATHS[name]} />}
    </svg>
  );
}
