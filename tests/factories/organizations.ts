import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../src/server/db/client';
import { organizations } from '../../src/server/db/schema';

export type OrganizationRow = typeof organizations.$inferSelect;

/** A valid organisation with a unique slug; every other builder creates one when none is given. */
export async function buildOrganization(
  db: Queryable,
  overrides: Partial<Pick<OrganizationRow, 'slug' | 'name' | 'region' | 'createdAt'>> = {},
): Promise<OrganizationRow> {
  const suffix = randomBytes(4).toString('hex');
  const [row] = await db
    .insert(organizations)
    .values({ slug: `ptpr-${suffix}`, name: `PTPR ${suffix}`, region: 'PACA', ...overrides })
    .returning();
  if (!row) throw new Error('organization not created');
  return row;
}
