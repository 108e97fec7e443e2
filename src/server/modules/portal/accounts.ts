import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { personAccounts } from './schema';

/**
 * The resource type of a person's reads of their own record: audited like any read, but apart
 * from `person`, so "who read my record" lists the others who did, not the person's own visits.
 */
export const OWN_RECORD = 'person_portal';

export type PersonAccountRow = typeof personAccounts.$inferSelect;

/** The portal account of a person, if they have one. */
export async function accountOfPerson(ctx: ServiceContext, personId: string): Promise<PersonAccountRow | undefined> {
  const [row] = await ctx.tx
    .select()
    .from(personAccounts)
    .where(and(eq(personAccounts.personId, personId), eq(personAccounts.organizationId, ctx.organizationId)));
  return row;
}

/**
 * The person record the signed-in person owns. Everything the portal shows is scoped to this id,
 * never to an id from the request: a person only ever reaches their own record. An account not
 * linked to a record (yet) finds nothing (404).
 */
export async function ownPersonId(ctx: ServiceContext): Promise<string> {
  const actor = actorOf(ctx);
  const [row] = await ctx.tx
    .select({ personId: personAccounts.personId })
    .from(personAccounts)
    .where(and(eq(personAccounts.userId, actor.userId), eq(personAccounts.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  return row.personId;
}
