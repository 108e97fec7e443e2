import { and, asc, eq, ilike, inArray, ne } from 'drizzle-orm';
import type { TShareRecipientCandidate } from '../../../../shared/recovery-sharing';
import type { TRole } from '../../../../shared/roles';
import { actorOf } from '../../../platform/tenancy/scope';
import { userRoles, users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import { SHARE_RECIPIENT_ROLES } from './create';

const ROLE_LABELS: Partial<Record<TRole, string>> = {
  coordinator: 'Coordination',
  peer_worker: 'Pair aidant professionnel',
  volunteer: 'Pair bénévole',
  supervisor: 'Supervision',
  partner_contact: 'Contact partenaire',
};
const MAX_CANDIDATES = 20;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Users the owner may share with (the team and partner contacts, active, never themselves), by name. */
export async function shareRecipientCandidates(ctx: ServiceContext, query: string | undefined): Promise<TShareRecipientCandidate[]> {
  const actor = actorOf(ctx);
  const rows = await ctx.tx
    .select({ id: users.id, name: users.name, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.organizationId, ctx.organizationId),
        eq(users.active, true),
        ne(users.id, actor.userId),
        inArray(userRoles.role, [...SHARE_RECIPIENT_ROLES]),
        query ? ilike(users.name, `%${escapeLike(query)}%`) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  const byUser = new Map<string, { id: string; name: string; roles: TRole[] }>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    entry.roles.push(row.role);
    byUser.set(row.id, entry);
  }
  return [...byUser.values()].slice(0, MAX_CANDIDATES).map((user) => {
    const partnerOnly = user.roles.every((role) => role === 'partner_contact');
    const labels = user.roles.map((role) => ROLE_LABELS[role]).filter((label): label is string => label !== undefined);
    return { id: user.id, name: user.name, kind: partnerOnly ? 'partner' : 'team', detail: labels.join(', ') || null };
  });
}
