import type { TConsentInput, TPersonCreateInput } from '../../../shared/persons';
import type { ServiceContext } from '../../platform/http/context';
import { personNameRule } from '../../../shared/persons';
import { AppError, badRequest } from '../../platform/http/errors';
import { enforceFieldRules } from './field-rules';
import { identityKeyOf, searchTextOf, type IdentityFields } from './folding';
import { activePeers, findByIdentityKey, type PersonRow } from './queries';
import { personReferents, persons } from './schema';
import { recordConsent } from './consents';

/** The create was refused because persons with the same identity exist; the route lists them. */
export class PossibleDuplicates extends AppError {
  constructor(readonly candidates: PersonRow[]) {
    super(409, 'possibleDuplicate');
  }
}

export type NewPerson = Omit<TPersonCreateInput, 'ignoreDuplicates'>;

/** Persons of the organisation that look like the same person (same folded name, birth year, commune). */
export function findIdentityMatches(ctx: ServiceContext, fields: IdentityFields): Promise<PersonRow[]> {
  return findByIdentityKey(ctx, identityKeyOf(fields));
}

/**
 * Creates a person record, with its referents and initial consents, in the caller's transaction.
 * Unless told the coordinator has seen them, existing look-alikes stop the creation (409), so
 * the same person does not end up with two records.
 */
export async function createPerson(
  ctx: ServiceContext,
  input: NewPerson,
  options: { ignoreDuplicates?: boolean; consents?: TConsentInput[] } = {},
): Promise<PersonRow> {
  enforceFieldRules(personNameRule(input), ctx.locale);
  const identityKey = identityKeyOf(input);
  if (!options.ignoreDuplicates) {
    const candidates = await findByIdentityKey(ctx, identityKey);
    if (candidates.length > 0) throw new PossibleDuplicates(candidates);
  }
  const referentIds = [...new Set(input.referentIds ?? [])];
  await ensureActivePeers(ctx, referentIds);
  const [row] = await ctx.tx
    .insert(persons)
    .values({
      organizationId: ctx.organizationId,
      firstName: input.firstName ?? null,
      pseudonym: input.pseudonym ?? null,
      lastName: input.lastName ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredChannel: input.preferredChannel ?? null,
      departement: input.departement,
      communeInsee: input.communeInsee.toUpperCase(),
      communeName: input.communeName,
      birthYear: input.birthYear ?? null,
      housing: input.housing ?? 'unknown',
      employment: input.employment ?? 'unknown',
      structures: input.structures ?? [],
      searchText: searchTextOf(input),
      identityKey,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('person insert returned nothing');
  if (referentIds.length > 0) {
    await ctx.tx
      .insert(personReferents)
      .values(referentIds.map((userId) => ({ personId: row.id, userId, organizationId: ctx.organizationId, assignedAt: ctx.now })));
  }
  await ctx.audit({
    action: 'person.created',
    resourceType: 'person',
    resourceId: row.id,
    context: { departement: row.departement, referents: referentIds.length, duplicatesIgnored: options.ignoreDuplicates ?? false },
  });
  for (const consent of options.consents ?? []) await recordConsent(ctx, row.id, consent);
  return row;
}

/** Referents must be active peer workers or volunteers of the organisation: otherwise 400. */
export async function ensureActivePeers(ctx: ServiceContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(await activePeers(ctx, ids));
  if (ids.some((id) => !found.has(id))) {
    throw badRequest('validation', {
      referentIds: [ctx.locale === 'fr' ? 'Chaque référent doit être un pair actif de l’organisation.' : 'Each referent must be an active peer of the organisation.'],
    });
  }
}
