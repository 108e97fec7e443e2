/*
 * Small icons drawn inline (the project has no icon package). They back up a text, never replace
 * it, so they are hidden from assistive technologies.
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

/** A broken chain link: contact lost. */
export function RuptureIcon() {
  return (
    <svg {...common}>
      <path d="M9 17H7a5 5 0 0 1 0-10h2" />
      <path d="M15 7h2a5 5 0 0 1 4 8" />
      <path d="M3 3l18 18" />
    </svg>
  );
}

/** A telephone handset: someone is trying to reach the person. */
export function OutreachIcon() {
  return (
    <svg {...common}>
      <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
    </svg>
  );
}

/** A padlock: only its author reads it. */
export function PrivateIcon() {
  return (
    <svg {...common}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/** Two people: the team of the accompaniment. */
export function TeamIcon() {
  return (
    <svg {...common}>
      <circle cx="9" cy="8" r="3" />
      <path d="M3 20a6 6 0 0 1 12 0" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M16 14.5a5 5 0 0 1 5 5.5" />
    </svg>
  );
}

/** An open eye: the person reads it too. */
export function SharedIcon() {
  return (
    <svg {...common}>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

/** A no-entry sign: the person asked not to be contacted. */
export function NoContactIcon() {
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="9" />
      <path d="M7 12h10" />
    </svg>
  );
}

/** A speech bubble: messages. */
export function MessageIcon() {
  return (
    <svg {...common}>
      <path d="M4 5h16v11H9l-5 4z" />
    </svg>
  );
}

/** A tick: done. */
export function DoneIcon() {
  return (
    <svg {...common}>
      <path d="M5 12.5l4.5 4.5L19 7" />
    </svg>
  );
}
