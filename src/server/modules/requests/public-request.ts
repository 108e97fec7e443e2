import { createHmac } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { PUBLIC_FORM_CONSENT_TEXT_VERSION, publicRequestRules, type TPublicRequestInput } from '../../../shared/requests';
import type { ServiceContext } from '../../platform/http/context';
import type { Locale } from '../../platform/http/messages';
import { enqueueMail } from '../../platform/mail/outbox';
import { createPerson } from '../persons/create';
import { enforceFieldRules } from '../persons/field-rules';
import { fold } from '../persons/folding';
import { insertRequest } from './create';
import { supportRequests } from './schema';

/** The same form sent again within this delay is the same request (double click, reload, retry). */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export type PublicRequestResult = { reference: string; duplicate: boolean; acknowledgementSent: boolean };

/**
 * Keyed hash of what the person wrote, folded (case, accents, spaces): two sends of the same form
 * match, and the stored value reveals nothing without the server secret.
 */
export function contentHashOf(secret: string, organizationId: string, input: TPublicRequestInput): string {
  const parts = [
    organizationId,
    fold(input.firstName),
    input.contactMethod,
    input.phone?.replace(/\D/g, '') ?? '',
    input.email ?? '',
    fold(input.partnerName ?? ''),
    input.communeInsee.toUpperCase(),
    fold(input.hopes),
    fold(input.preferredTimes ?? ''),
  ];
  return createHmac('sha256', secret).update(parts.join('\n')).digest('base64url');
}

/**
 * A request from the public form, without an account: a new person record (never matched to an
 * existing one: an anonymous form must not attach itself to someone's record; coordinators merge),
 * the two consents given on the form (method portal_click, with the text version), the request,
 * and an acknowledgement mail when an address was given. A resend of the same content within
 * 10 minutes answers the first reference and stores nothing.
 */
export async function submitPublicRequest(ctx: ServiceContext, input: TPublicRequestInput, secret: string): Promise<PublicRequestResult> {
  enforceFieldRules(publicRequestRules(input), ctx.locale);
  const contentHash = contentHashOf(secret, ctx.organizationId, input);
  // Two identical sends at the same moment: the second waits here, then finds the first.
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${contentHash}, 0))`);
  const [previous] = await ctx.tx
    .select({ reference: supportRequests.reference })
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.organizationId, ctx.organizationId),
        eq(supportRequests.contentHash, contentHash),
        gt(supportRequests.receivedAt, new Date(ctx.now.getTime() - DUPLICATE_WINDOW_MS)),
      ),
    );
  if (previous) return { reference: previous.reference, duplicate: true, acknowledgementSent: false };

  const consent = { method: 'portal_click', textVersion: PUBLIC_FORM_CONSENT_TEXT_VERSION } as const;
  const person = await createPerson(
    ctx,
    {
      firstName: input.firstName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredChannel: input.contactMethod,
      departement: input.departement,
      communeInsee: input.communeInsee,
      communeName: input.communeName,
    },
    {
      ignoreDuplicates: true,
      consents: [
        { ...consent, purpose: 'contact', recipients: 'équipe de coordination' },
        { ...consent, purpose: 'data_processing', scope: 'demande d’accompagnement par un pair' },
      ],
    },
  );
  const request = await insertRequest(ctx, {
    personId: person.id,
    source: 'public_form',
    urgency: 'standard',
    departement: input.departement,
    communeInsee: input.communeInsee.toUpperCase(),
    contactMethod: input.contactMethod,
    hopes: input.hopes,
    preferredTimes: input.preferredTimes ?? null,
    referringStructure: input.contactMethod === 'through_partner' ? (input.partnerName ?? null) : null,
    contentHash,
  });
  if (input.email) {
    await enqueueMail(
      ctx.tx,
      {
        organizationId: ctx.organizationId,
        to: input.email,
        subject: 'Nous avons bien reçu votre demande',
        text: acknowledgementText(input.firstName, request.reference),
        template: 'request_acknowledgement',
      },
      ctx.now,
    );
  }
  return { reference: request.reference, duplicate: false, acknowledgementSent: Boolean(input.email) };
}

/** Plain words, nothing about what the person wrote (no health data in mails, DOMAIN §9.6). */
function acknowledgementText(firstName: string, reference: string): string {
  return [
    `Bonjour ${firstName},`,
    '',
    `Nous avons bien reçu votre demande. Son numéro est ${reference}.`,
    '',
    'Une personne de l’équipe vous contactera dans les prochains jours, de la façon que vous avez choisie.',
    'C’est gratuit et sans engagement : vous pourrez dire à tout moment si vous ne souhaitez plus être accompagné·e.',
    '',
    'Si vous êtes en danger ou si vous pensez au suicide, appelez le 3114 (jour et nuit, gratuit) ou le 15.',
    '',
    'À bientôt,',
    'L’équipe de la plateforme de pairs ressources',
  ].join('\n');
}

/** What the person reads after sending the form. */
export function whatHappensNext(locale: Locale): string {
  return locale === 'en'
    ? 'Thank you. A member of the team will contact you within a few days, the way you chose. It is free and you can stop at any time. If you are in danger, call 3114 or 15.'
    : 'Merci. Une personne de l’équipe vous contactera dans les prochains jours, de la façon que vous avez choisie. C’est gratuit et vous pouvez arrêter à tout moment. Si vous êtes en danger, appelez le 3114 ou le 15.';
}
