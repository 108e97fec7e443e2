import type { Queryable } from '../../db/client';
import type { Role } from '../access/actor';
import { accounts, userRoles, users } from './schema';
import { hashPassword } from './password-hashing';

export type NewAccount = {
  organizationId: string;
  email: string;
  name: string;
  password: string;
  roles: readonly Role[];
  isPlatformAdmin?: boolean;
  locale?: 'fr' | 'en';
};

/**
 * Creates a user, their password credential (in better-auth's format: provider "credential",
 * account id = user id) and their roles, in the caller's transaction — so accepting an
 * invitation is all-or-nothing.
 */
export async function createUserWithPassword(tx: Queryable, account: NewAccount, now: Date): Promise<string> {
  const passwordHash = await hashPassword(account.password);
  const [user] = await tx
    .insert(users)
    .values({
      organizationId: account.organizationId,
      email: account.email.trim().toLowerCase(),
      name: account.name,
      emailVerified: true,
      isPlatformAdmin: account.isPlatformAdmin ?? false,
      locale: account.locale ?? 'fr',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  if (!user) throw new Error('user insert returned nothing');
  await tx.insert(accounts).values({
    accountId: user.id,
    providerId: 'credential',
    userId: user.id,
    password: passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  if (account.roles.length > 0) {
    await tx
      .insert(userRoles)
      .values(account.roles.map((role) => ({ userId: user.id, organizationId: account.organizationId, role, grantedAt: now })));
  }
  return user.id;
}
