import { eq, inArray } from 'drizzle-orm';
import type { TShare, TShareStatus } from '../../../../shared/recovery-sharing';
import type { ServiceContext } from '../../../platform/http/context';
import { documentShares, recoveryDocumentVersions } from '../schema';

export type ShareRow = typeof documentShares.$inferSelect;

/** Why a share no longer opens, the first reason that applies (a revoked share stays "revoked" once expired). */
export function shareStatus(share: ShareRow, now: Date): TShareStatus {
  if (share.revokedAt) return 'revoked';
  if (share.lockedAt) return 'locked';
  if (share.linkUsedAt) return 'used';
  if (share.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Version numbers of the fixed versions these shares point to (one query for a list). */
export async function versionNumbersOf(ctx: ServiceContext, shares: readonly ShareRow[]): Promise<Map<string, number>> {
  const ids = [...new Set(shares.map((share) => share.versionId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: recoveryDocumentVersions.id, versionNo: recoveryDocumentVersions.versionNo })
    .from(recoveryDocumentVersions)
    .where(ids.length === 1 ? eq(recoveryDocumentVersions.id, ids[0] ?? '') : inArray(recoveryDocumentVersions.id, ids));
  return new Map(rows.map((row) => [row.id, row.versionNo]));
}

export function presentShare(share: ShareRow, versionNumbers: Map<string, number>, now: Date): TShare {
  return {
    id: share.id,
    documentId: share.documentId,
    versionNo: share.versionId ? (versionNumbers.get(share.versionId) ?? null) : null,
    recipient: { kind: share.recipientKind, userId: share.recipientUserId, email: share.recipientEmail, label: share.recipientLabel },
    purpose: share.purpose,
    scopeSections: share.scopeSections,
    channel: share.channel,
    expiresAt: share.expiresAt.toISOString(),
    grantedAt: share.grantedAt.toISOString(),
    revokedAt: share.revokedAt?.toISOString() ?? null,
    failedAttempts: share.failedAttempts,
    lockedAt: share.lockedAt?.toISOString() ?? null,
    linkUsedAt: share.linkUsedAt?.toISOString() ?? null,
    status: shareStatus(share, now),
  };
}

export async function presentShares(ctx: ServiceContext, shares: readonly ShareRow[]): Promise<TShare[]> {
  const numbers = await versionNumbersOf(ctx, shares);
  return shares.map((share) => presentShare(share, numbers, ctx.now));
}
