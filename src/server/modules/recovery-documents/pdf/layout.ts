import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { typesetFrench } from './typography';

/** Printed at the foot of every page of every recovery document (DOMAIN §0.4). */
export const WISHES_NOTICE = 'Ce document exprime des souhaits et des préférences, pas des ordres.';

export const COLORS = { ink: '#1f2933', muted: '#52606d', rule: '#9aa5b1', accent: '#1d4e89', soft: '#eef2f7' };

/** The styles, a fresh copy for each document (pdfmake may write into what it is given). */
export const styles = (): TDocumentDefinitions['styles'] => ({
  title: { fontSize: 20, bold: true, color: COLORS.accent, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, color: COLORS.muted, margin: [0, 0, 0, 2] },
  part: { fontSize: 9, bold: true, color: COLORS.muted, characterSpacing: 0.6, margin: [0, 14, 0, 2] },
  section: { fontSize: 14, bold: true, color: COLORS.ink, margin: [0, 4, 0, 4] },
  block: { fontSize: 10.5, bold: true, color: COLORS.ink, margin: [0, 6, 0, 3] },
  empty: { italics: true, color: COLORS.muted },
  tableHeader: { bold: true, fontSize: 9, color: COLORS.ink, fillColor: COLORS.soft },
  cell: { fontSize: 9 },
  notice: { fontSize: 9.5, italics: true, color: COLORS.ink },
  label: { bold: true },
});

/** French typography on every text printed. */
export const fr = (text: string): string => typesetFrench(text);

/** "Page 2 sur 5" and the notice, under every page. */
export function footer(currentPage: number, pageCount: number): Content {
  return {
    margin: [40, 8, 40, 0],
    columns: [
      { text: fr(WISHES_NOTICE), style: 'notice', fontSize: 8, width: '*' },
      { text: `Page ${currentPage} sur ${pageCount}`, alignment: 'right', fontSize: 8, color: COLORS.muted, width: 'auto' },
    ],
  };
}

/** The notice in a framed box at the top: read before anything else. */
export function noticeBox(text: string): Content {
  return {
    table: { widths: ['*'], body: [[{ text: fr(text), style: 'notice', margin: [6, 4, 6, 4] }]] },
    layout: { hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule, hLineWidth: () => 0.6, vLineWidth: () => 0.6, fillColor: () => COLORS.soft },
    margin: [0, 8, 0, 8],
  };
}

/** "Label : value" lines. */
export function fieldLine(label: string, value: string): Content {
  return { text: [{ text: fr(`${label} : `), style: 'label' }, fr(value)], margin: [0, 1, 0, 1] };
}
