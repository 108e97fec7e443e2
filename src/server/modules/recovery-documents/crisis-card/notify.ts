import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import { enqueueMail } from '../../../platform/mail/outbox';
import { accompanimentPeers, accompaniments } from '../../accompaniments/schema';
import { personReferents, persons } from '../../persons/schema';
import type { DocumentRecord } from '../policy';
import type { LoadedVersion } from '../records';
import { ownerAccount } from '../sharing/access';
import { frenchDateTime } from '../pdf/typography';

type Recipient = { email: string; why: 'owner' | 'peer' | 'supporter' };

const looksLikeEmail = (value: unknown): value is string => typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** The person's referent peers and the current peers of their open accompaniments, active accounts only. */
async function peerEmails(ctx: ServiceContext, personId: string): Promise<string[]> {
  const referents = ctx.tx
    .select({ userId: personReferents.userId })
    .from(personReferents)
    .where(and(eq(personReferents.personId, personId), eq(personReferents.organizationId, ctx.organizationId)));
  const accompanying = ctx.tx
    .select({ userId: accompanimentPeers.userId })
    .from(accompanimentPeers)
    .innerJoin(accompaniments, eq(accompaniments.id, accompanimentPeers.accompanimentId))
    .where(
      and(
        eq(accompaniments.personId, personId),
        eq(accompaniments.organizationId, ctx.organizationId),
        ne(accompaniments.status, 'closed'),
        isNull(accompanimentPeers.endedAt),
      ),
    );
  const ids = [...new Set([...(await referents), ...(await accompanying)].map((row) => row.userId))];
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.organizationId, ctx.organizationId), eq(users.active, true)));
  return rows.map((row) => row.email);
}

/** Supporters the person named in the WRAP crisis plan with an e-mail, except those marked "do not involve". */
function supporterEmails(version: LoadedVersion): string[] {
  const rows = version.content.supporters?.supporters;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    if (typeof row !== 'object' || row === null) return [];
    const excluded = row.do_not_involve === true || row.do_not_involve === 'true';
    return !excluded && looksLikeEmail(row.email) ? [row.email.trim()] : [];
  });
}

/** The person: their portal account, else the e-mail on their record. */
async function personEmail(ctx: ServiceContext, record: DocumentRecord): Promise<string | null> {
  const account = await ownerAccount(ctx, record);
  if (account) return account.email;
  const [row] = await ctx.tx.select({ email: persons.email }).from(persons).where(eq(persons.id, record.personId));
  return looksLikeEmail(row?.email) ? row.email.trim() : null;
}

/**
 * Tells the person, their referent peers and the supporters named in the crisis plan that the
 * card was opened. The e-mails say when, never what the plan contains.
 */
export async function notifyCardOpened(ctx: ServiceContext, record: DocumentRecord, version: LoadedVersion, ownerName: string): Promise<number> {
  const recipients = new Map<string, Recipient>();
  const add = (email: string | null, why: Recipient['why']) => {
    if (email && !recipients.has(email.toLowerCase())) recipients.set(email.toLowerCase(), { email, why });
  };
  add(await personEmail(ctx, record), 'owner');
  for (const email of await peerEmails(ctx, record.personId)) add(email, 'peer');
  if (record.kind === 'wrap') for (const email of supporterEmails(version)) add(email, 'supporter');
  const when = frenchDateTime(ctx.now);
  for (const recipient of recipients.values()) {
    const text =
      recipient.why === 'owner'
        ? [
            'Bonjour,',
            '',
            `Votre carte de crise a été ouverte le ${when} avec le code d’urgence : les parties que vous avez choisies ont été consultées.`,
            'Si ce n’était pas prévu, vous pouvez retirer la carte ou en faire une nouvelle depuis votre espace Passerelle.',
          ]
        : [
            'Bonjour,',
            '',
            `La carte de crise de ${ownerName} a été ouverte le ${when} avec le code d’urgence.`,
            recipient.why === 'peer'
              ? `Vous recevez ce message parce que vous accompagnez ${ownerName}.`
              : `Vous recevez ce message parce que ${ownerName} vous a nommé·e parmi les personnes qui l’aident en cas de crise.`,
            'Ce message ne contient rien du plan lui-même.',
          ];
    await enqueueMail(
      ctx.tx,
      { organizationId: ctx.organizationId, to: recipient.email, subject: recipient.why === 'owner' ? 'Votre carte de crise a été ouverte' : `La carte de crise de ${ownerName} a été ouverte`, text: text.join('\n'), template: 'crisis_card_opened' },
      ctx.now,
    );
  }
  return recipients.size;
}
