import { inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';

/** The names of the users among `ids` (nulls skipped), in one query. */
export async function userNames(ctx: ServiceContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The name of a user of the export (a deleted account shows as such, never as an empty string). */
export function nameIn(names: Map<string, string>, id: string | null): string | null {
  if (!id) return null;
  return names.get(id) ?? 'Compte supprimé';
}

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;
