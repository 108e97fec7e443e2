/** Radio as a large tile: the whole label is the touch target (peers log from a phone). */
export const tileStyles = {
  body: { border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', alignItems: 'center', paddingInlineStart: 12 },
  labelWrapper: { flex: 1 },
  label: { paddingBlock: 12, paddingInlineEnd: 12, cursor: 'pointer', fontSize: 'var(--mantine-font-size-md)' },
} as const;

/** The same tile with a description under the label (the label stays the accessible name). */
export const describedTileStyles = {
  ...tileStyles,
  label: { ...tileStyles.label, paddingBottom: 2, fontWeight: 700 },
  description: { paddingBottom: 12, paddingInlineEnd: 12, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-text)' },
} as const;
