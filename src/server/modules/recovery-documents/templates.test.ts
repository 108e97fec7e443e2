import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTemplateDefinition } from '../../../shared/recovery-documents';
import type { TestApp } from '../../../../tests/support/test-app';
import { BUILT_IN_TEMPLATES } from './templates';
import { WISHES_NOT_ORDERS } from './templates/blocks';
import { call, createDocumentsTestApp, documentsWorld, startDocument, type DocumentsWorld } from './testing/world';

const CRISIS_SECTIONS = [
  'when_well',
  'symptoms_others_take_over',
  'supporters',
  'medications',
  'treatments',
  'home_community_care',
  'treatment_facilities',
  'help_from_others',
  'inactivation',
];

describe('built-in templates (data)', () => {
  it.each(Object.entries(BUILT_IN_TEMPLATES))('%s is a valid template definition with the notice and unique codes', (kind, definition) => {
    expect(ZTemplateDefinition.parse(definition)).toEqual(definition);
    expect(definition.kind).toBe(kind);
    expect(definition.notice).toBe('Ce document exprime mes souhaits et mes préférences ; il ne donne pas d’ordres.');
    const codes = definition.sections.map((section) => section.code);
    expect(new Set(codes).size).toBe(codes.length);
    const parts = definition.parts.map((part) => part.code);
    for (const section of definition.sections) expect(parts).toContain(section.part);
    for (const section of definition.sections) {
      for (const block of section.blocks) if (block.kind === 'table') expect(block.columns?.length).toBeGreaterThan(0);
    }
  });

  it('WRAP: the 8 parts, part 7 made of the 9 crisis sections (the only emergency-eligible ones), part 8 the post-crisis plan', () => {
    const wrap = BUILT_IN_TEMPLATES.wrap;
    expect(wrap.parts.map((part) => part.code)).toEqual([
      'well_description',
      'wellness_toolbox',
      'daily_maintenance',
      'triggers',
      'early_warning_signs',
      'breaking_down',
      'crisis_plan',
      'post_crisis_plan',
    ]);
    expect(wrap.sections.filter((section) => section.part === 'crisis_plan').map((section) => section.code)).toEqual(CRISIS_SECTIONS);
    expect(wrap.sections.filter((section) => section.emergencyEligible).map((section) => section.code)).toEqual(CRISIS_SECTIONS);
    // Action plans are tables (action, who, when); supporters a table with the "do not involve" choice.
    for (const code of ['triggers', 'early_warning_signs', 'breaking_down']) {
      const plan = wrap.sections.find((section) => section.code === code)?.blocks.find((block) => block.code === 'action_plan');
      expect(plan?.columns?.map((column) => column.code)).toEqual(['action', 'who', 'when']);
    }
    const supporters = wrap.sections.find((section) => section.code === 'supporters')?.blocks[0];
    expect(supporters?.columns?.map((column) => [column.code, column.kind])).toEqual([
      ['name', 'text'],
      ['relation', 'text'],
      ['phone', 'phone'],
      ['email', 'text'],
      ['role', 'long_text'],
      ['agreed_on', 'date'],
      ['do_not_involve', 'yes_no'],
      ['reason', 'long_text'],
    ]);
    expect(wrap.sections.find((section) => section.part === 'post_crisis_plan')?.code).toBe('post_crisis_plan');
  });

  it('DAP: the designated person has a section of their own, called "personne de soutien" (confiance only once co-signed)', () => {
    const trusted = BUILT_IN_TEMPLATES.dap.sections.find((section) => section.code === 'trusted_person');
    expect(trusted?.title).toBe('Ma personne de soutien');
    expect(trusted?.blocks[0]?.columns?.map((column) => column.code)).toContain('cosigned_on');
    expect(JSON.stringify(BUILT_IN_TEMPLATES.dap)).not.toMatch(/Ma personne de confiance/);
  });

  it('recovery plan: goals, strengths, steps, supports, what helps', () => {
    expect(BUILT_IN_TEMPLATES.recovery_plan.sections.map((section) => section.code)).toEqual(['goals', 'strengths', 'steps', 'supports', 'what_helps']);
    expect(WISHES_NOT_ORDERS).toContain('souhaits');
  });
});

describe('templates per organisation', () => {
  let t: TestApp;
  let world: DocumentsWorld;
  beforeAll(async () => {
    t = await createDocumentsTestApp();
    world = await documentsWorld(t);
  });
  afterAll(async () => t.close());

  it('seeds version 1 of the four kinds on first use, once', async () => {
    const first = await call(t, world.lucas, 'GET', '/api/recovery-documents/templates');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((item: { kind: string; version: number }) => [item.kind, item.version])).toEqual([
      ['wrap', 1],
      ['pcc', 1],
      ['dap', 1],
      ['recovery_plan', 1],
    ]);
    const again = await call(t, world.coordinator, 'GET', '/api/recovery-documents/templates');
    expect(again.json().items.map((item: { id: string }) => item.id)).toEqual(first.json().items.map((item: { id: string }) => item.id));
  });

  it('a coordinator or an admin adds a newer version: new documents use it, existing ones keep theirs', async () => {
    const before = await startDocument(t, world.lucas, 'recovery_plan');
    expect(before.template.version).toBe(1);
    const definition = { ...BUILT_IN_TEMPLATES.recovery_plan, title: 'Mon projet de rétablissement' };
    const created = await call(t, world.coordinator, 'POST', '/api/recovery-documents/templates/recovery_plan', { definition });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'recovery_plan', version: 2, definition: { title: 'Mon projet de rétablissement' } });
    expect((await call(t, world.admin, 'POST', '/api/recovery-documents/templates/recovery_plan', { definition })).json().version).toBe(3);

    const after = await startDocument(t, world.lucas, 'recovery_plan');
    expect(after.template.version).toBe(3);
    expect(after.document.title).toBe('Mon projet de rétablissement');
    const old = await call(t, world.lucas, 'GET', `/api/recovery-documents/${before.document.id}`);
    expect(old.json().template.version).toBe(1);
    // Other organisations keep their own templates.
    const foreign = await call(t, world.foreignCoordinator, 'GET', '/api/recovery-documents/templates');
    expect(foreign.json().items.find((item: { kind: string }) => item.kind === 'recovery_plan').version).toBe(1);
  });

  it('refuses peers and persons (403), a definition of another kind or an invalid one (400 naming the field)', async () => {
    const definition = BUILT_IN_TEMPLATES.pcc;
    expect((await call(t, world.referent, 'POST', '/api/recovery-documents/templates/pcc', { definition })).statusCode).toBe(403);
    expect((await call(t, world.lucas, 'POST', '/api/recovery-documents/templates/pcc', { definition })).statusCode).toBe(403);
    const mismatch = await call(t, world.coordinator, 'POST', '/api/recovery-documents/templates/dap', { definition });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors['definition.kind'][0]).toMatch(/même type/);
    const invalid = await call(t, world.coordinator, 'POST', '/api/recovery-documents/templates/pcc', { definition: { ...definition, sections: [] } });
    expect(invalid.statusCode).toBe(400);
    expect(Object.keys(invalid.json().errors)).toContain('definition.sections');
  });
});
