import type { TTemplateBlock, TTemplateColumn, TTemplateSection } from '../../../../shared/recovery-documents';

/**
 * Small builders for the built-in templates: they read as the form they describe. The wording is
 * our own plain French (DOMAIN §1: the official WRAP forms are not reproduced).
 */

/** On every template, screen and PDF (DOMAIN §0.4: wishes, not orders). */
export const WISHES_NOT_ORDERS = 'Ce document exprime mes souhaits et mes préférences ; il ne donne pas d’ordres.';

export const text = (code: string, label: string, help?: string): TTemplateBlock => ({ code, label, kind: 'text', ...(help ? { help } : {}) });
export const list = (code: string, label: string, help?: string): TTemplateBlock => ({ code, label, kind: 'list', ...(help ? { help } : {}) });
export const table = (code: string, label: string, columns: TTemplateColumn[], help?: string): TTemplateBlock => ({
  code,
  label,
  kind: 'table',
  columns,
  ...(help ? { help } : {}),
});

export const column = (code: string, label: string, kind: TTemplateColumn['kind'] = 'text'): TTemplateColumn => ({ code, label, kind });
export const choice = (code: string, label: string, options: [string, string][]): TTemplateColumn => ({
  code,
  label,
  kind: 'choice',
  options: options.map(([optionCode, optionLabel]) => ({ code: optionCode, label: optionLabel })),
});

/** What to do if it happens: action, who does it, when (DOMAIN §1: ordered items, printable as a checklist). */
export const actionPlan = (code = 'action_plan', label = 'Mon plan d’action si cela arrive'): TTemplateBlock =>
  table(code, label, [column('action', 'Ce qui est à faire'), column('who', 'Qui le fait'), column('when', 'Quand')], 'Une ligne par action : moi-même ou une personne que je nomme.');

/** The people the person counts on, and those they do not want involved (with the reason, if they wish). */
export const supportersTable = (code = 'supporters', label = 'Les personnes qui m’aident'): TTemplateBlock =>
  table(
    code,
    label,
    [
      column('name', 'Nom'),
      column('relation', 'Lien avec moi'),
      column('phone', 'Téléphone', 'phone'),
      column('email', 'E-mail'),
      column('role', 'Ce que je lui demande', 'long_text'),
      column('agreed_on', 'A donné son accord le', 'date'),
      column('do_not_involve', 'Ne pas impliquer', 'yes_no'),
      column('reason', 'Pourquoi (si je le souhaite)', 'long_text'),
    ],
    'Cochez « ne pas impliquer » pour une personne que vous ne voulez pas voir intervenir.',
  );

export const section = (
  code: string,
  part: string,
  title: string,
  intro: string,
  blocks: TTemplateBlock[],
  options: { emergencyEligible?: boolean } = {},
): TTemplateSection => ({ code, part, title, intro, blocks, emergencyEligible: options.emergencyEligible ?? false });

/**
 * The person the owner designates (DOMAIN §3, CSP L1111-6). Called "personne de soutien" unless
 * that person co-signed the designation: only then is she a "personne de confiance"
 * (see trustedPersonWording in shared/recovery-documents.ts).
 */
export const trustedPersonSection = (part: string, options: { emergencyEligible?: boolean } = {}) =>
  section(
    'trusted_person',
    part,
    'Ma personne de soutien',
    'La personne que je désigne pour m’accompagner et être consultée si je ne peux plus exprimer ma volonté. Elle devient « personne de confiance » seulement si elle co-signe ma désignation.',
    [
      table('designation', 'La personne que je désigne', [
        column('name', 'Nom'),
        column('relation', 'Lien avec moi'),
        column('phone', 'Téléphone', 'phone'),
        column('email', 'E-mail'),
        column('designated_on', 'Désignée le', 'date'),
        column('cosigned_on', 'A co-signé la désignation le', 'date'),
        column('scope_note', 'Ce que je lui confie', 'long_text'),
      ]),
      text('guardianship', 'Si je suis sous tutelle : la référence de l’autorisation du juge ou du conseil de famille'),
    ],
    options,
  );
