import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { users } from './schema';

export type AccountSummary = { id: string; organizationId: string; email: string; active: boolean; twoFactorEnabled: boolean };

const columns = {
  id: users.id,
  organizationId: users.organizationId,
  email: users.email,
  active: users.active,
  twoFactorEnabled: users.twoFactorEnabled,
};

/** Emails are stored lower-cased (accounts.ts); the contracts normalise input the same way. */
export async function findAccountByEmail(db: Queryable, email: string): Promise<AccountSummary | null> {
  const [row] = await db.select(columns).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountSummary | null> {
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row ?? null;
}
