/**
 * Buttons and links of the person's space: at least 48 px high (touch targets ≥ 44 px), labels
 * that wrap rather than overflow on a 360 px screen.
 */
export const bigButton = {
  size: 'lg',
  mih: 48,
  h: 'auto',
  py: 8,
  styles: { label: { whiteSpace: 'normal', textAlign: 'center' } },
} as const;
