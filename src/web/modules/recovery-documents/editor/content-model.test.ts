import { describe, expect, it } from 'vitest';
import type { TTemplateDefinition } from '../../../../shared/recovery-documents';
import { cleanSection, filledParts, isSectionFilled, listLines, sectionAsText, templateParts, writingSteps } from './content-model';

const template: TTemplateDefinition = {
  kind: 'wrap',
  title: 'Mon plan',
  notice: 'Souhaits, pas des ordres.',
  parts: [
    { code: 'toolbox', title: '1. Ma boîte à outils' },
    { code: 'empty_part', title: '2. Sans section' },
    { code: 'crisis', title: '3. Mon plan de crise' },
  ],
  sections: [
    { code: 'tools', part: 'toolbox', title: 'Ce qui m’aide', emergencyEligible: false, blocks: [{ code: 'tools', label: 'Outils', kind: 'list' }] },
    { code: 'when_well', part: 'crisis', title: 'Quand je vais bien', emergencyEligible: true, blocks: [{ code: 'description', label: 'Je suis', kind: 'text' }] },
    {
      code: 'supporters',
      part: 'crisis',
      title: 'Mes soutiens',
      emergencyEligible: true,
      blocks: [
        {
          code: 'people',
          label: 'Personnes',
          kind: 'table',
          columns: [
            { code: 'name', label: 'Nom', kind: 'text' },
            { code: 'phone', label: 'Téléphone', kind: 'phone' },
            { code: 'agreed', label: 'D’accord', kind: 'yes_no' },
          ],
        },
      ],
    },
  ],
};

describe('content model', () => {
  it('writes one section per step, placed in its part, skipping parts without sections', () => {
    const parts = templateParts(template);
    expect(parts.map((part) => part.code)).toEqual(['toolbox', 'crisis']);
    const steps = writingSteps(parts);
    expect(steps.map((step) => [step.section.code, step.partIndex, step.indexInPart])).toEqual([
      ['tools', 0, 0],
      ['when_well', 1, 0],
      ['supporters', 1, 1],
    ]);
  });

  it('counts a part as filled once any of its sections has something written', () => {
    const parts = templateParts(template);
    expect(filledParts(parts, {})).toBe(0);
    expect(filledParts(parts, { tools: { tools: ['  '] } })).toBe(0);
    expect(filledParts(parts, { supporters: { people: [{ name: '', phone: '', agreed: false }] } })).toBe(1);
    expect(filledParts(parts, { tools: { tools: ['Marcher'] }, when_well: { description: 'Calme' } })).toBe(2);
  });

  it('drops blank lines and empty rows before saving, keeps text as typed', () => {
    const supporters = template.sections[2];
    const tools = template.sections[0];
    if (!supporters || !tools) throw new Error('template');
    expect(cleanSection(tools, { tools: ['Marcher', ' ', ''] })).toEqual({ tools: ['Marcher'] });
    expect(cleanSection(supporters, { people: [{ name: 'Léa', phone: '', agreed: null }, { name: '', phone: '', agreed: null }] })).toEqual({ people: [{ name: 'Léa', phone: '', agreed: null }] });
    expect(isSectionFilled(supporters, { people: [{ name: '', phone: '', agreed: null }] })).toBe(false);
    expect(listLines(undefined)).toEqual(['']);
  });

  it('turns a section into plain text for the clipboard', () => {
    const supporters = template.sections[2];
    if (!supporters) throw new Error('template');
    expect(sectionAsText(supporters, { people: [{ name: 'Léa', phone: '06 12', agreed: true }] }, { yes: 'oui', no: 'non' })).toBe('Mes soutiens\n\nPersonnes :\n- Nom : Léa ; Téléphone : 06 12 ; D’accord : oui');
  });
});
