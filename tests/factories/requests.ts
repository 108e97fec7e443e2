import type { Queryable } from '../../src/server/db/client';
import { requestStatusEvents, supportRequests } from '../../src/server/db/schema';
import { buildPerson, type PersonRow } from './persons';

export type RequestRow = typeof supportRequests.$inferSelect;

export type RequestOverrides = Partial<
  Pick<RequestRow, 'source' | 'urgency' | 'status' | 'departement' | 'referrerUserId' | 'receivedAt' | 'respondBy' | 'reference' | 'hopes'>
> & { organizationId?: string; person?: PersonRow };

let counter = 0;

/** A request in the triage queue (its person built when none is given), received now, due in 48 h. */
export async function buildRequest(db: Queryable, overrides: RequestOverrides = {}): Promise<RequestRow> {
  const person = overrides.person ?? (await buildPerson(db, { organizationId: overrides.organizationId }));
  const receivedAt = overrides.receivedAt ?? new Date();
  counter += 1;
  const [row] = await db
    .insert(supportRequests)
    .values({
      organizationId: person.organizationId,
      personId: person.id,
      reference: overrides.reference ?? `DEM-TEST-${String(counter).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      source: overrides.source ?? 'public_form',
      urgency: overrides.urgency ?? 'standard',
      status: overrides.status ?? 'new',
      departement: overrides.departement ?? person.departement,
      communeInsee: person.communeInsee,
      hopes: overrides.hopes ?? 'Parler avec quelqu’un qui est passé par là.',
      referrerUserId: overrides.referrerUserId ?? null,
      receivedAt,
      respondBy: overrides.respondBy ?? new Date(receivedAt.getTime() + 48 * 3600_000),
      createdAt: receivedAt,
      updatedAt: receivedAt,
    })
    .returning();
  if (!row) throw new Error('request not created');
  await db.insert(requestStatusEvents).values({ organizationId: row.organizationId, requestId: row.id, toStatus: row.status, at: receivedAt });
  return row;
}
