import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor';
import { can } from '../../../platform/access/policy';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import { persons } from '../../persons/schema';
import type { DocumentRecord } from '../policy';
import { loadDocumentRecord } from '../records';

type SharingAction = 'recovery_document.share' | 'recovery_document.views' | 'recovery_document.download';

/**
 * The document, if the actor may do this action on it. Anyone else (a facilitator asking to
 * share, a coordinator, another organisation) learns nothing: 404, as the issue asks.
 */
export async function loadDocumentForSharing(
  ctx: ServiceContext,
  actor: Actor,
  action: SharingAction,
  documentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DocumentRecord> {
  const record = await loadDocumentRecord(ctx, documentId, options);
  if (!can(actor, action, record)) throw notFound();
  return record;
}

/** The person as they go by: first name (or pseudonym) and last name. */
export function personDisplayName(person: { firstName: string | null; pseudonym: string | null; lastName: string | null }): string {
  return [person.firstName ?? person.pseudonym, person.lastName].filter(Boolean).join(' ') || 'La personne';
}

export async function personNameOf(ctx: ServiceContext, personId: string): Promise<string> {
  const [person] = await ctx.tx
    .select({ firstName: persons.firstName, pseudonym: persons.pseudonym, lastName: persons.lastName })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId)));
  return person ? personDisplayName(person) : 'La personne';
}

/** The owner's account (to tell them about a locked link or an opened crisis card); null without a portal account. */
export async function ownerAccount(ctx: ServiceContext, record: DocumentRecord): Promise<{ email: string; name: string } | null> {
  if (!record.ownerUserId) return null;
  const [row] = await ctx.tx
    .select({ email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(and(eq(users.id, record.ownerUserId), eq(users.organizationId, ctx.organizationId)));
  return row && row.active ? { email: row.email, name: row.name } : null;
}
