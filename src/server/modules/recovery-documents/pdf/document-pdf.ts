import type { Content } from 'pdfmake/interfaces';
import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import type { TSharedSection } from '../../../../shared/recovery-sharing';
import { fieldLine, footer, fr, noticeBox, styles } from './layout';
import { renderPdf } from './printer';
import { sectionsContent } from './sections';
import { frenchDateTime, frenchDay } from './typography';

export type DocumentPdfModel = {
  title: string;
  definition: TTemplateDefinition;
  ownerName: string;
  versionNo: number;
  status: 'draft' | 'validated' | 'superseded';
  validatedAt: Date | null;
  sections: TSharedSection[];
  /** Set when a recipient downloads what was shared with them (only the scope's sections are printed). */
  sharedWith?: { label: string; purpose: string; wholeDocument: boolean; expiresAt: Date };
  generatedAt: Date;
};

function versionLine(model: DocumentPdfModel): string {
  if (model.status === 'draft') return `Version ${model.versionNo} — brouillon, pas encore validé`;
  const validated = model.validatedAt ? `validée le ${frenchDay(model.validatedAt)}` : 'validée';
  return `Version ${model.versionNo} — ${validated}${model.status === 'superseded' ? ' (remplacée depuis par une version plus récente)' : ''}`;
}

/** A recovery document as PDF: title, whose, which version and when validated, the notice, then the sections. */
export function renderDocumentPdf(model: DocumentPdfModel): Promise<Buffer> {
  const partTitles = new Map(model.definition.parts.map((part) => [part.code, part.title]));
  const header: Content[] = [
    { text: fr(model.title), style: 'title' },
    ...(model.definition.title !== model.title ? [{ text: fr(model.definition.title), style: 'subtitle' }] : []),
    { text: fr(`Document de ${model.ownerName} · ${versionLine(model)}`), style: 'subtitle' },
  ];
  if (model.sharedWith) {
    header.push({
      stack: [
        fieldLine('Partagé avec', model.sharedWith.label),
        fieldLine('Pour', model.sharedWith.purpose),
        fieldLine('Contenu', model.sharedWith.wholeDocument ? 'le document entier' : `les parties choisies par la personne (${model.sections.length})`),
        fieldLine('Partage valable jusqu’au', frenchDay(model.sharedWith.expiresAt)),
      ],
      margin: [0, 6, 0, 0],
    });
  }
  return renderPdf({
    info: { title: model.title, subject: model.definition.title, creator: 'Passerelle' },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 56],
    styles: styles(),
    footer,
    content: [
      ...header,
      noticeBox(model.definition.notice),
      ...sectionsContent(model.sections, partTitles),
      { text: fr(`Document imprimé le ${frenchDateTime(model.generatedAt)} depuis Passerelle.`), fontSize: 8, color: '#52606d', margin: [0, 12, 0, 0] },
    ],
  });
}
