import { describe, expect, it } from 'vitest';
import type { TComparison } from '../../../../shared/recovery-documents-api';
import type { TTemplateSection } from '../../../../shared/recovery-documents';
import { compareView, defaultPair } from './compare-model';

const toolbox: TTemplateSection = { code: 'wellness_toolbox', part: 'toolbox', title: 'Ma boîte à outils', emergencyEligible: false, blocks: [{ code: 'tools', label: 'Ce qui m’aide', kind: 'list' }] };

const comparison: TComparison = {
  from: 1,
  to: 2,
  sections: [
    { code: 'wellness_toolbox', title: 'Ma boîte à outils', status: 'changed' as const, from: { tools: ['Marcher'] }, to: { tools: ['Marcher', 'Appeler Léa'] } },
    { code: 'well_description', title: 'Quand je vais bien', status: 'unchanged' as const, from: { text: 'Calme' }, to: { text: 'Calme' } },
    { code: 'old_part', title: 'Ancienne partie', status: 'removed' as const, from: { supporters: [{ name: 'Léa', phone: '06' }], note: 'x' }, to: null },
  ],
};

describe('compare view', () => {
  it('highlights changed, added and removed sections and counts them', () => {
    const view = compareView(comparison, [toolbox], false);
    expect(view.changedCount).toBe(2);
    expect(view.sections.map((section) => [section.code, section.highlighted])).toEqual([
      ['wellness_toolbox', true],
      ['well_description', false],
      ['old_part', true],
    ]);
    expect(view.sections[0]?.template).toBe(toolbox);
  });

  it('shows only what changed when asked', () => {
    expect(compareView(comparison, [toolbox], true).sections.map((section) => section.code)).toEqual(['wellness_toolbox', 'old_part']);
  });

  it('infers how to show sections the current template no longer has', () => {
    const removed = compareView(comparison, [toolbox], false).sections[2];
    expect(removed?.template.blocks).toEqual([
      { code: 'supporters', label: 'supporters', kind: 'table', columns: [{ code: 'name', label: 'name', kind: 'text' }, { code: 'phone', label: 'phone', kind: 'text' }] },
      { code: 'note', label: 'note', kind: 'text' },
    ]);
    expect(compareView(comparison, [], false).sections[1]?.template.blocks).toEqual([{ code: 'text', label: 'text', kind: 'text' }]);
  });

  it('compares the two newest versions by default', () => {
    expect(defaultPair([1, 3, 2])).toEqual({ from: 2, to: 3 });
    expect(defaultPair([1])).toBeNull();
  });
});
