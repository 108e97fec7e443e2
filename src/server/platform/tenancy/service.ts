import { asc, count, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../http/context';
import { conflict } from '../http/errors';
import { users } from '../auth/schema';
import { issueInvitation } from '../auth/invitations/service';
import { organizations } from './schema';
import { contextInOrganization } from './scope';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationWithCount = OrganizationRow & { userCount: number };
export type NewOrganization = { name: string; slug: string; region: string; adminName: string; adminEmail: string };


/** Every organisation of the platform with its number of accounts, by name. */
export async function listOrganizations(
  ctx: ServiceContext,
  page: { page: number; pageSize: number },
): Promise<{ items: OrganizationWithCount[]; total: number }> {
  // Counted in the same query as the page (a grouped join), not once per organisation.
  const counts = ctx.tx
    .select({ organizationId: users.organizationId, userCount: sql<number>`count(*)::int`.as('user_count') })
    .from(users)
    .groupBy(users.organizationId)
    .as('user_counts');
  const rows = await ctx.tx
    .select({ organization: organizations, userCount: counts.userCount })
    .from(organizations)
    .leftJoin(counts, eq(counts.organizationId, organizations.id))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(organizations);
  return {
    items: rows.map((row) => ({ ...row.organization, userCount: row.userCount ?? 0 })),
    total: totals?.total ?? 0,
  };
}

/**
 * Opens a new regional organisation and invites its first administrator, all or nothing: if the
 * address already has an account, neither the organisation nor its audit entries remain.
 */
export async function createOrganization(
  ctx: ServiceContext,
  input: NewOrganization,
  options: { appUrl: string },
): Promise<OrganizationWithCount> {
  // ON CONFLICT rather than a prior SELECT: two simultaneous requests for one slug cannot both pass.
  const [organization] = await ctx.tx
    .insert(organizations)
    .values({ name: input.name, slug: input.slug, region: input.region, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing({ target: organizations.slug })
    .returning();
  if (!organization) throw conflict('slugTaken');
  const inNewOrganization = contextInOrganization(ctx, organization.id);
  await inNewOrganization.audit({
    action: 'organization.created',
    resourceType: 'organization',
    resourceId: organization.id,
    context: { slug: organization.slug, region: organization.region },
  });
  await issueInvitation(
    inNewOrganization,
    { email: input.adminEmail, name: input.adminName, roles: ['admin'] },
    { appUrl: options.appUrl, inviterRole: 'platform_admin' },
  );
  const [counted] = await ctx.tx.select({ total: count() }).from(users).where(eq(users.organizationId, organization.id));
  return { ...organization, userCount: counted?.total ?? 0 };
}

export function presentOrganization(organization: OrganizationWithCount) {
  return {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    region: organization.region,
    createdAt: organization.createdAt.toISOString(),
    userCount: organization.userCount,
  };
}
