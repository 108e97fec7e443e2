import { and, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { TNote, TNoteInput, TNotePage, TNoteUpdateInput } from '../../../shared/accompaniments';
import type { TPageQuery } from '../../../shared/pagination';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, forbidden, notFound } from '../../platform/http/errors';
import type { NoteRecord } from './policy';
import { asAccompanimentRecord, ensureOpen, type LoadedAccompaniment } from './records';
import { accompanimentNotes } from './schema';

type NoteRow = typeof accompanimentNotes.$inferSelect;
type NoteWithAuthor = NoteRow & { authorName: string };

const noteColumns = {
  id: accompanimentNotes.id,
  organizationId: accompanimentNotes.organizationId,
  accompanimentId: accompanimentNotes.accompanimentId,
  personId: accompanimentNotes.personId,
  authorId: accompanimentNotes.authorId,
  authorName: users.name,
  confidentiality: accompanimentNotes.confidentiality,
  body: accompanimentNotes.body,
  writtenAt: accompanimentNotes.writtenAt,
  updatedAt: accompanimentNotes.updatedAt,
  version: accompanimentNotes.version,
};

const noteRecord = (note: NoteRow, accompaniment: LoadedAccompaniment): NoteRecord => ({
  organizationId: note.organizationId,
  authorId: note.authorId,
  confidentiality: note.confidentiality,
  accompaniment: asAccompanimentRecord(accompaniment),
});

function presentNote(note: NoteWithAuthor, mayUpdate: boolean): TNote {
  return {
    id: note.id,
    accompanimentId: note.accompanimentId,
    author: { id: note.authorId, name: note.authorName },
    confidentiality: note.confidentiality,
    body: note.body,
    writtenAt: note.writtenAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    version: note.version,
    policies: { update: mayUpdate },
  };
}

async function loadNote(ctx: ServiceContext, accompanimentId: string, noteId: string): Promise<NoteWithAuthor> {
  const [row] = await ctx.tx
    .select(noteColumns)
    .from(accompanimentNotes)
    .innerJoin(users, eq(users.id, accompanimentNotes.authorId))
    .where(and(eq(accompanimentNotes.id, noteId), eq(accompanimentNotes.accompanimentId, accompanimentId), eq(accompanimentNotes.organizationId, ctx.organizationId)))
    .for('update', { of: accompanimentNotes });
  if (!row) throw notFound();
  return row;
}

/** Writes a note (factual, plain words: notes are communicable to the person, DOMAIN §9.5). Audit holds no text. */
export async function addNote(ctx: ServiceContext, actor: Actor, accompaniment: LoadedAccompaniment, input: TNoteInput): Promise<TNote> {
  ensureOpen(ctx, accompaniment);
  const [row] = await ctx.tx
    .insert(accompanimentNotes)
    .values({
      organizationId: ctx.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      authorId: actor.userId,
      confidentiality: input.confidentiality,
      body: input.body,
      writtenAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('note insert returned nothing');
  await ctx.audit({
    action: 'accompaniment.note.added',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { noteId: row.id, confidentiality: row.confidentiality },
  });
  const [author] = await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return presentNote({ ...row, authorName: author?.name ?? '' }, can(actor, 'accompaniment.note.update', noteRecord(row, accompaniment)));
}

/**
 * Corrects a note: its author only (a reader gets 403; a private note of someone else does not
 * exist for the actor: 404), if unchanged since `version` was read (else 409).
 */
export async function updateNote(
  ctx: ServiceContext,
  actor: Actor,
  accompaniment: LoadedAccompaniment,
  noteId: string,
  input: TNoteUpdateInput,
): Promise<TNote> {
  const note = await loadNote(ctx, accompaniment.id, noteId);
  const record = noteRecord(note, accompaniment);
  if (!can(actor, 'accompaniment.note.read', record)) throw notFound();
  if (!can(actor, 'accompaniment.note.update', record)) throw forbidden();
  ensureOpen(ctx, accompaniment);
  if (note.version !== input.version) throw conflict();
  const body = input.body ?? note.body;
  const confidentiality = input.confidentiality ?? note.confidentiality;
  if (body === note.body && confidentiality === note.confidentiality) return presentNote(note, true);
  const [updated] = await ctx.tx
    .update(accompanimentNotes)
    .set({ body, confidentiality, version: sql`${accompanimentNotes.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(accompanimentNotes.id, note.id), eq(accompanimentNotes.version, input.version)))
    .returning();
  if (!updated) throw conflict();
  await ctx.audit({
    action: 'accompaniment.note.updated',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { noteId: note.id, from: note.confidentiality, to: confidentiality, version: updated.version },
  });
  return presentNote({ ...updated, authorName: note.authorName }, true);
}

async function notePage(ctx: ServiceContext, where: SQL | undefined, page: TPageQuery): Promise<{ rows: NoteWithAuthor[]; total: number }> {
  const rows = await ctx.tx
    .select(noteColumns)
    .from(accompanimentNotes)
    .innerJoin(users, eq(users.id, accompanimentNotes.authorId))
    .where(where)
    .orderBy(desc(accompanimentNotes.writtenAt), desc(accompanimentNotes.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [totals] = await ctx.tx.select({ total: count() }).from(accompanimentNotes).where(where);
  return { rows, total: totals?.total ?? 0 };
}

/**
 * The notes of an accompaniment the actor may read, newest first. The filter is the rule of
 * `accompaniment.note.read` written in SQL (so pages and totals are right): private notes only
 * for their author, whoever reads. Each returned note is checked again with the rule. Audited.
 */
export async function listNotes(ctx: ServiceContext, actor: Actor, accompaniment: LoadedAccompaniment, page: TPageQuery): Promise<TNotePage> {
  const where = and(
    eq(accompanimentNotes.accompanimentId, accompaniment.id),
    eq(accompanimentNotes.organizationId, ctx.organizationId),
    or(ne(accompanimentNotes.confidentiality, 'private'), eq(accompanimentNotes.authorId, actor.userId)),
  );
  const { rows, total } = await notePage(ctx, where, page);
  const readable = rows.filter((note) => can(actor, 'accompaniment.note.read', noteRecord(note, accompaniment)));
  await ctx.audit({
    action: 'accompaniment.notes.read',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { results: readable.length, total, page: page.page },
  });
  return {
    items: readable.map((note) => presentNote(note, can(actor, 'accompaniment.note.update', noteRecord(note, accompaniment)))),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * The notes written to be shared with the person (`shared_with_person`), newest first, for the
 * person's own portal. No actor rule here: the caller has established that the reader is the
 * person (or acts for them). The read is audited.
 */
export async function listSharedNotes(ctx: ServiceContext, accompanimentId: string, page: TPageQuery = { page: 1, pageSize: 100 }): Promise<TNotePage> {
  const where = and(
    eq(accompanimentNotes.accompanimentId, accompanimentId),
    eq(accompanimentNotes.organizationId, ctx.organizationId),
    eq(accompanimentNotes.confidentiality, 'shared_with_person'),
  );
  const { rows, total } = await notePage(ctx, where, page);
  await ctx.audit({
    action: 'accompaniment.sharedNotes.read',
    resourceType: 'accompaniment',
    resourceId: accompanimentId,
    context: { results: rows.length, total, page: page.page },
  });
  return { items: rows.map((note) => presentNote(note, false)), total, page: page.page, pageSize: page.pageSize };
}
