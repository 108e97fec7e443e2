/*
 * Two small icons drawn inline (the project has no icon package): they back up a text, never
 * replace it, so they are hidden from assistive technologies.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** A clock with an exclamation: late. */
export function OverdueIcon() {
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v6" />
      <path d="M12 16.5v.5" />
    </svg>
  );
}

/** A lightning bolt: urgent. */
export function UrgentIcon() {
  return (
    <svg {...common}>
      <path d="M13 3 5 14h6l-1 7 8-11h-6z" />
    </svg>
  );
}
