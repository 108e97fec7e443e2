import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/*
 * Contrast (WCAG 2.1 AA, 4.5:1 for text) was measured for every pair the app uses:
 * - filled (shade 8) with white text: passerelle 7.24, red 6.69, green 5.32, orange 5.67;
 * - light variants (shade 9 on shade 1), used by badges and alerts: passerelle 7.69, red 7.35,
 *   green 6.97, orange 6.95, gray 13.87;
 * - links (passerelle 8) on white 7.24; dimmed text #5c636a on white 6.09, on gray 0 5.78;
 * - error text (red 8) on white 6.69; input borders #868e96 on white 3.32 (3:1 for UI parts).
 */
const passerelle: MantineColorsTuple = [
  '#e7f5f8', '#cfe8ee', '#a2d2de', '#71bbcc', '#4aa7bd',
  '#2f9ab3', '#1f8aa3', '#17758b', '#0f5f72', '#094a59',
];
const red: MantineColorsTuple = [
  '#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787',
  '#f06060', '#e03131', '#c92a2a', '#b02525', '#8f1d1d',
];
const green: MantineColorsTuple = [
  '#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c',
  '#51cf66', '#40c057', '#2f9e44', '#2b7a3b', '#1f5c2c',
];
const orange: MantineColorsTuple = [
  '#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d',
  '#ff922b', '#fd7e14', '#e8590c', '#b3420b', '#8a3208',
];

export const theme = createTheme({
  primaryColor: 'passerelle',
  primaryShade: { light: 8, dark: 8 },
  colors: { passerelle, red, green, orange },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '700',
    // h1 at 34px breaks long French words at 360px ("authentification"); 28px fits.
    sizes: { h1: { fontSize: 'clamp(1.75rem, 1.4rem + 1.5vw, 2.125rem)', lineHeight: '1.25' } },
  },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // Badges sit in narrow table cells: their text must never be cut to "Désac…".
    Badge: {
      defaultProps: { variant: 'light', size: 'lg' },
      styles: { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } },
    },
    // Long labels wrap instead of overflowing narrow screens (WCAG 1.4.10 reflow).
    Button: {
      styles: {
        root: {
          height: 'auto',
          minHeight: 'var(--button-height)',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          paddingBlock: 2,
        },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
      },
    },
    Alert: { defaultProps: { variant: 'light' } },
    TableScrollContainer: { defaultProps: { type: 'native' } },
  },
});

/** Mantine's defaults for these (gray 6, red 6) are below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': '#6b7178',
    '--mantine-color-default-border': '#868e96',
  },
  dark: {},
});
