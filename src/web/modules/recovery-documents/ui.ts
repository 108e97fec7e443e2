/** Buttons a finger can hit on a 360 px screen: at least 44 px high, labels that wrap. */
export const touchTarget = { size: 'md', mih: 44 } as const;

/** The main actions of the person's pages: bigger still (48 px), like the portal's. */
export const bigButton = {
  size: 'lg',
  mih: 48,
  h: 'auto',
  py: 8,
  styles: { label: { whiteSpace: 'normal', textAlign: 'center' } },
} as const;
