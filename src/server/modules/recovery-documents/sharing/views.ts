import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { VIEW_CHANNELS, type TDocumentView } from '../../../../shared/recovery-sharing';
import type { TPageQuery } from '../../../../shared/pagination';
import { auditEvents } from '../../../platform/audit/schema';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import type { DocumentRecord } from '../policy';
import { documentShares } from '../schema';

/** The audit entries "who saw my plan" is made of (every content read and download writes one). */
export const VIEW_ACTIONS = ['recovery_document.viewed', 'recovery_document.downloaded'] as const;
const CRISIS_CARD_LABEL = 'Carte de crise';
const UNKNOWN_LABEL = 'Lecteur inconnu';

type ViewEntry = typeof auditEvents.$inferSelect;

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asVia = (value: unknown): TDocumentView['via'] => (VIEW_CHANNELS as readonly unknown[]).includes(value) ? (value as TDocumentView['via']) : null;

/**
 * Every view and download of the document, newest first: who (the reader's name, the outside
 * recipient's label, or the crisis card), when, which version, how. Read from the audit, the
 * index (organisation, resource type, resource id) serves the query.
 */
export async function listViews(ctx: ServiceContext, record: DocumentRecord, page: TPageQuery) {
  const where = and(
    eq(auditEvents.organizationId, ctx.organizationId),
    eq(auditEvents.resourceType, 'recovery_document'),
    eq(auditEvents.resourceId, record.id),
    inArray(auditEvents.action, [...VIEW_ACTIONS]),
  );
  const [total] = await ctx.tx.select({ value: count() }).from(auditEvents).where(where);
  const entries = await ctx.tx
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [names, labels] = [await userNames(ctx, entries), await shareLabels(ctx, record, entries)];
  return {
    items: entries.map((entry) => presentView(entry, names, labels)),
    total: total?.value ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}

function presentView(entry: ViewEntry, names: Map<string, string>, labels: Map<string, string>): TDocumentView {
  const via = asVia(entry.context.via);
  const shareId = asString(entry.context.shareId);
  const versionNo = typeof entry.context.versionNo === 'number' ? entry.context.versionNo : null;
  let who: TDocumentView['who'];
  if (via === 'crisis_card') who = { kind: 'crisis_card', label: CRISIS_CARD_LABEL };
  else if (via === 'link') who = { kind: 'external_link', label: (shareId && labels.get(shareId)) || UNKNOWN_LABEL };
  else if (entry.actorUserId) who = { kind: 'user', label: names.get(entry.actorUserId) ?? UNKNOWN_LABEL };
  else who = { kind: 'unknown', label: UNKNOWN_LABEL };
  return {
    id: entry.id,
    at: entry.occurredAt.toISOString(),
    kind: entry.action === 'recovery_document.downloaded' ? 'downloaded' : 'viewed',
    who,
    versionNo,
    via,
    shareId: shareId && /^[0-9a-f-]{36}$/i.test(shareId) ? shareId : null,
  };
}

async function userNames(ctx: ServiceContext, entries: ViewEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.map((entry) => entry.actorUserId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function shareLabels(ctx: ServiceContext, record: DocumentRecord, entries: ViewEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.map((entry) => asString(entry.context.shareId)).filter((id): id is string => id !== null && /^[0-9a-f-]{36}$/i.test(id)))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: documentShares.id, label: documentShares.recipientLabel })
    .from(documentShares)
    .where(and(inArray(documentShares.id, ids), eq(documentShares.documentId, record.id)));
  return new Map(rows.map((row) => [row.id, row.label]));
}
