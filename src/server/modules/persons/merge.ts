import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, conflict } from '../../platform/http/errors';
import { identityKeyOf } from './folding';
import { loadPerson, type LoadedPerson } from './queries';
import { personConsents, personReferents, persons } from './schema';

/**
 * What another module does when two person records become one (requests move their rows). Modules
 * register a step instead of persons reading their tables: persons stays unaware of who points to it.
 */
export type PersonMergeStep = (ctx: ServiceContext, move: { fromId: string; toId: string }) => Promise<number>;
const mergeSteps = new Map<string, PersonMergeStep>();

export function registerPersonMergeStep(name: string, step: PersonMergeStep): void {
  mergeSteps.set(name, step);
}

/**
 * Folds `duplicate` into `kept`: consents, referents and every registered module's rows move to
 * the kept record, then the duplicate is deleted. Both versions must be the ones the coordinator
 * looked at (409 otherwise). Identity fields of the kept record win; empty ones are filled from
 * the duplicate, so nothing the duplicate knew (a phone number) is lost.
 */
export async function mergePersons(
  ctx: ServiceContext,
  kept: LoadedPerson,
  duplicate: LoadedPerson,
  versions: { version: number; duplicateVersion: number },
): Promise<LoadedPerson> {
  if (kept.id === duplicate.id) throw badRequest('mergeSamePerson');
  if (kept.version !== versions.version || duplicate.version !== versions.duplicateVersion) throw conflict();

  const moved: Record<string, number> = {};
  const consents = await ctx.tx
    .update(personConsents)
    .set({ personId: kept.id })
    .where(eq(personConsents.personId, duplicate.id))
    .returning({ id: personConsents.id });
  moved.consents = consents.length;
  const keptReferents = kept.referents.map((referent) => referent.id);
  const referents = await ctx.tx
    .update(personReferents)
    .set({ personId: kept.id })
    .where(
      and(
        eq(personReferents.personId, duplicate.id),
        keptReferents.length > 0 ? notInArray(personReferents.userId, keptReferents) : undefined,
      ),
    )
    .returning({ userId: personReferents.userId });
  moved.referents = referents.length;
  for (const [name, step] of mergeSteps) moved[name] = await step(ctx, { fromId: duplicate.id, toId: kept.id });

  await ctx.tx.delete(persons).where(and(eq(persons.id, duplicate.id), eq(persons.organizationId, ctx.organizationId)));
  const [updated] = await ctx.tx
    .update(persons)
    .set({
      phone: kept.phone ?? duplicate.phone,
      email: kept.email ?? duplicate.email,
      preferredChannel: kept.preferredChannel ?? duplicate.preferredChannel,
      birthYear: kept.birthYear ?? duplicate.birthYear,
      identityKey: identityKeyOf({ ...kept, birthYear: kept.birthYear ?? duplicate.birthYear }),
      lastContactAt: sql`greatest(${persons.lastContactAt}, ${duplicate.lastContactAt?.toISOString() ?? null}::timestamptz)`,
      version: sql`${persons.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(persons.id, kept.id), eq(persons.version, versions.version)))
    .returning({ id: persons.id });
  if (!updated) throw conflict();
  await ctx.audit({
    action: 'person.merged',
    resourceType: 'person',
    resourceId: kept.id,
    context: { mergedId: duplicate.id, ...moved },
  });
  return loadPerson(ctx, kept.id);
}
