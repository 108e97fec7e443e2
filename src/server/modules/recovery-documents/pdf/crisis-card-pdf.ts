import QRCode from 'qrcode';
import { displayCode } from '../sharing/secrets';
import { COLORS, fr, WISHES_NOTICE } from './layout';
import { renderPdf } from './printer';
import { frenchDay } from './typography';

/** A bank-card size (ISO/IEC 7810 ID-1): 85.6 × 54 mm, in PDF points. */
const MM = 72 / 25.4;
export const CARD_SIZE = { width: 85.6 * MM, height: 54 * MM };

export type CrisisCardPdfModel = { ownerName: string; url: string; code: string; sectionTitles: string[]; issuedAt: Date };

/**
 * The wallet card, front and back: whose card, the QR code to the emergency page and the code
 * that opens it; on the back, what it gives access to and that it expresses wishes, not orders.
 */
export async function renderCrisisCardPdf(model: CrisisCardPdfModel): Promise<Buffer> {
  const qr = await QRCode.toString(model.url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return renderPdf({
    info: { title: 'Carte de crise', creator: 'Passerelle' },
    pageSize: CARD_SIZE,
    pageMargins: [10, 9, 10, 8],
    defaultStyle: { fontSize: 7, lineHeight: 1.1, color: COLORS.ink },
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: 'CARTE DE CRISE', bold: true, fontSize: 11, color: '#b42318', characterSpacing: 0.5 },
              { text: fr(model.ownerName), bold: true, fontSize: 10, margin: [0, 3, 0, 5] },
              { text: fr('En cas de crise, scannez le QR code puis saisissez le code d’urgence : vous verrez les souhaits que cette personne a choisi de partager.'), fontSize: 6.5 },
              { text: fr('Code d’urgence'), fontSize: 6.5, color: COLORS.muted, margin: [0, 6, 0, 1] },
              { text: displayCode(model.code), bold: true, fontSize: 12, characterSpacing: 1.2 },
            ],
          },
          { width: 78, stack: [{ svg: qr, width: 78 }] },
        ],
        columnGap: 8,
      },
      {
        pageBreak: 'before',
        stack: [
          { text: fr('Ce que cette carte ouvre'), bold: true, fontSize: 8, margin: [0, 0, 0, 2] },
          { text: fr(model.sectionTitles.join(' · ')), fontSize: 6.5, margin: [0, 0, 0, 4] },
          {
            text: fr('Chaque ouverture est enregistrée ; la personne et ses proches désignés en sont prévenus. Sans le code, le lien ne montre rien.'),
            fontSize: 6.5,
            margin: [0, 0, 0, 4],
          },
          { text: fr(WISHES_NOTICE), italics: true, fontSize: 6.5, margin: [0, 0, 0, 4] },
          // For a phone that cannot scan: the same address, to type.
          { text: [{ text: 'Sans QR code : ', color: COLORS.muted }, { text: model.url, color: COLORS.ink }], fontSize: 5, margin: [0, 0, 0, 3] },
          { text: fr(`Carte faite le ${frenchDay(model.issuedAt)} — une nouvelle carte remplace celle-ci.`), fontSize: 5.5, color: COLORS.muted },
        ],
      },
    ],
  });
}
