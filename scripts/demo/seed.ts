import type { FastifyInstance } from 'fastify';
import { organizations } from '../../src/server/db/schema';

export const DEMO_ORGANIZATION = { slug: 'ptpr-paca', name: "PTPR Provence-Alpes-Côte d'Azur", region: 'PACA' };

/** Fictional demo data, written only into an empty database. */
export async function seedDemoIfEmpty(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const existing = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (existing.length > 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values(DEMO_ORGANIZATION);
  });
  app.log.info('données de démonstration créées');
}
