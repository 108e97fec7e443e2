import type { Column, Content, TableCell } from 'pdfmake/interfaces';
import type { TBlockValue, TTemplateBlock, TTemplateColumn } from '../../../../shared/recovery-documents';
import type { TSharedSection } from '../../../../shared/recovery-sharing';
import { COLORS, fr } from './layout';
import { frenchDay } from './typography';

const NOTHING_WRITTEN = 'Rien d’écrit pour l’instant.';

/** An empty box, so a list prints as a checklist the reader can tick (a new node each time: pdfmake writes into them). */
const checkbox = (): Column => ({ width: 14, stack: [{ canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, lineWidth: 0.7, lineColor: COLORS.ink }] }] });

function checklist(items: string[]): Content {
  return {
    stack: items.map((item) => ({ columns: [checkbox(), { text: fr(item), width: '*' }], columnGap: 2, margin: [0, 1, 0, 2] })),
    margin: [4, 0, 0, 4],
  };
}

function cellText(column: TTemplateColumn, value: string | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (column.kind === 'yes_no') return value === 'true' || value === 'yes' ? 'Oui' : value === 'false' || value === 'no' ? 'Non' : value;
  if (column.kind === 'choice') return column.options?.find((option) => option.code === value)?.label ?? value;
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return frenchDay(new Date(`${value}T12:00:00Z`));
  return value;
}

type Row = Record<string, string | boolean | null>;

/** More columns than a portrait page reads well: each row becomes a small record, its first cell as heading. */
const WIDEST_TABLE = 4;

function records(shown: TTemplateColumn[], rows: Row[]): Content {
  const [first, ...rest] = shown;
  return {
    stack: rows.map((row) => ({
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                ...(first ? [{ text: fr(cellText(first, row[first.code]) || '—'), bold: true, margin: [0, 0, 0, 2] as [number, number, number, number] }] : []),
                ...rest
                  .filter((column) => cellText(column, row[column.code]) !== '')
                  .map((column) => ({ text: [{ text: fr(`${column.label} : `), color: COLORS.muted }, fr(cellText(column, row[column.code]))], fontSize: 9 })),
              ],
              margin: [4, 3, 4, 3] as [number, number, number, number],
            },
          ],
        ],
        dontBreakRows: true,
      },
      layout: { hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      margin: [0, 0, 0, 4] as [number, number, number, number],
    })),
    margin: [0, 0, 0, 4],
  };
}

function table(block: TTemplateBlock, rows: Row[]): Content {
  const columns = block.columns ?? [];
  // Columns nobody filled are left out: a narrow page reads better without empty ones.
  const used = columns.filter((column) => rows.some((row) => cellText(column, row[column.code]) !== ''));
  const shown = used.length > 0 ? used : columns;
  if (shown.length > WIDEST_TABLE) return records(shown, rows);
  const header: TableCell[] = shown.map((column) => ({ text: fr(column.label), style: 'tableHeader' }));
  const body: TableCell[][] = rows.map((row) => shown.map((column) => ({ text: fr(cellText(column, row[column.code])), style: 'cell' })));
  return {
    table: { headerRows: 1, widths: shown.map((column) => (column.kind === 'long_text' ? '*' : 'auto')), body: [header, ...body], dontBreakRows: true },
    layout: { hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule, hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 0, 0, 6],
  };
}

const isFilled = (value: TBlockValue | undefined): value is TBlockValue =>
  value !== undefined && (typeof value === 'string' ? value.trim() !== '' : value.length > 0);

function block(definition: TTemplateBlock, value: TBlockValue | undefined): Content[] {
  if (!isFilled(value)) return [];
  const heading: Content = { text: fr(definition.label), style: 'block' };
  if (typeof value === 'string') return [heading, { text: fr(value), margin: [0, 0, 0, 4] }];
  if (definition.kind === 'table') {
    const rows = value.filter((row): row is Row => typeof row === 'object' && row !== null);
    return rows.length > 0 ? [heading, table(definition, rows)] : [];
  }
  const items = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return items.length > 0 ? [heading, checklist(items)] : [];
}

/**
 * The sections, grouped under their part's title when it changes: headings, texts, lists as
 * checklists and tables as tables. A section with nothing written says so.
 */
export function sectionsContent(sections: TSharedSection[], partTitles: Map<string, string>): Content[] {
  const out: Content[] = [];
  const sectionsPerPart = new Map<string, number>();
  for (const section of sections) sectionsPerPart.set(section.part, (sectionsPerPart.get(section.part) ?? 0) + 1);
  let currentPart: string | null = null;
  for (const section of sections) {
    if (section.part !== currentPart) {
      currentPart = section.part;
      const partTitle = partTitles.get(section.part);
      // A part of one section would only repeat its title: the part heading is for groups (the crisis plan's nine).
      if (partTitle && (sectionsPerPart.get(section.part) ?? 0) > 1) out.push({ text: fr(partTitle).toUpperCase(), style: 'part' });
    }
    const blocks = section.blocks.flatMap((definition) => block(definition, section.content[definition.code]));
    out.push({
      stack: [{ text: fr(section.title), style: 'section' }, ...(blocks.length > 0 ? blocks : [{ text: fr(NOTHING_WRITTEN), style: 'empty' }])],
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}
