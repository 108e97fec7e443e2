import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { symmetricEncrypt } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../src/server/db/client';
import { organizations, twoFactors, users } from '../../src/server/db/schema';
import { createUserWithPassword } from '../../src/server/platform/auth/accounts';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION, type DemoAccount } from './accounts';
import { demoAccountsMarkdown } from './accounts-table';
import { seedDemoPersons } from './persons-seed';
import { seedRecoveryDocuments } from './recovery-documents-seed';
import { seedDemoShares } from './recovery-documents-seed-shares';
import { base32Decode } from './totp';

export { DEMO_ORGANIZATION } from './accounts';

type SecretKey = Parameters<typeof symmetricEncrypt>[0]['key'];

/** Ten codes in better-auth's own shape (`xxxxx-xxxxx`, letters and digits). */
function recoveryCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => {
    const code = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/**
 * Writes the `two_factors` row exactly as better-auth's enrolment leaves it: the secret as the
 * raw string its TOTP code is computed from (here the documented base32 secret, decoded) and the
 * recovery codes as JSON, both encrypted with better-auth's key; then turns 2FA on for the user.
 */
async function enableTwoFactor(tx: Transaction, key: SecretKey, userId: string, base32Secret: string): Promise<void> {
  const raw = base32Decode(base32Secret).toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(raw)) throw new Error('demo TOTP secrets must decode to printable ASCII');
  await tx.insert(twoFactors).values({
    userId,
    secret: await symmetricEncrypt({ key, data: raw }),
    backupCodes: await symmetricEncrypt({ key, data: JSON.stringify(recoveryCodes()) }),
    verified: true,
  });
  await tx.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
}

async function createDemoAccount(tx: Transaction, key: SecretKey, organizationId: string, entry: DemoAccount, now: Date) {
  const userId = await createUserWithPassword(
    tx,
    {
      organizationId,
      email: entry.email,
      name: entry.name,
      password: entry.password,
      roles: entry.roles,
      isPlatformAdmin: entry.isPlatformAdmin,
    },
    now,
  );
  if (entry.totpSecret) await enableTwoFactor(tx, key, userId, entry.totpSecret);
}

/**
 * Fictional demo data, written only into an empty database (no organisation yet), all in one
 * transaction; prints the accounts once so whoever ran `npm start` can sign in.
 */
export async function seedDemoIfEmpty(app: FastifyInstance, options: { print?: boolean } = {}): Promise<boolean> {
  const db = app.deps.database.db;
  const existing = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (existing.length > 0) return false;
  const key = (await app.auth.$context).secretConfig;
  const now = app.deps.clock();
  await db.transaction(async (tx) => {
    const [organization] = await tx.insert(organizations).values(DEMO_ORGANIZATION).returning({ id: organizations.id });
    if (!organization) throw new Error('demo organisation not created');
    for (const entry of DEMO_ACCOUNTS) await createDemoAccount(tx, key, organization.id, entry, now);
    await seedDemoPersons(tx, organization.id, now);
    await seedRecoveryDocuments(tx, organization.id, now);
    await seedDemoShares(tx, organization.id, now);
  });
  app.log.info({ accounts: DEMO_ACCOUNTS.length }, 'données de démonstration créées');
  if (options.print !== false) {
    process.stdout.write(`\nComptes de démonstration (fictifs) :\n\n${demoAccountsMarkdown()}\n\n`);
    process.stdout.write('Code TOTP du moment sans application : npm run demo:totp -- <email>\n\n');
  }
  return true;
}
