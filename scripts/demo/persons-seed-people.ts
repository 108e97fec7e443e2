import { DEPARTEMENTS, type TDepartement } from '../../src/shared/persons';
import type { TRequestStatus } from '../../src/shared/requests';
import { fold, identityKeyOf, searchTextOf } from '../../src/server/modules/persons/folding';
import type { personConsents, persons } from '../../src/server/modules/persons/schema';
import type { StructureInvolved } from '../../src/server/modules/persons/schema';
import type { SeededRandom } from './persons-seed-random';
import { COMMUNES, FIRST_NAMES, LAST_NAMES, PERSONS_PER_DEPARTEMENT, PSEUDONYMS, type Commune } from './persons-seed-vocabulary';

export type PersonInsert = typeof persons.$inferInsert & { id: string };
export type ConsentInsert = typeof personConsents.$inferInsert;

/** The demo accounts the data refers to (ids read from the database at seed time). */
export type DemoStaff = { coordinator: string; peerWorker: string; volunteer: string; partner: string; personAccount: string };

/**
 * What happens to each person in the demo story. The first three are the accompaniments the demo
 * peer worker follows today; `accompaniment_closed` ones ended; the others never got that far.
 */
export type Fate =
  | 'portal'
  | 'active'
  | 'rupture'
  | 'accompaniment_closed'
  | 'new_overdue'
  | 'new'
  | 'contacted'
  | 'redirected'
  | 'closed';

export const CURRENT_FATES: readonly Fate[] = ['portal', 'active', 'rupture'];

/** How many persons meet each fate: 200 in all, a dozen followed by the demo peer worker today. */
export const FATE_COUNTS: Record<Fate, number> = {
  portal: 1,
  active: 9,
  rupture: 2,
  accompaniment_closed: 28,
  new_overdue: 10,
  new: 12,
  contacted: 28,
  redirected: 45,
  closed: 65,
};

/** The person of the demo `person@demo.passerelle.test` account (same name as the account). */
export const PORTAL_PERSON = { firstName: 'Lucas', lastName: 'Morel', birthYear: 1991, commune: { insee: '13055', name: 'Marseille', weight: 1 } } as const;

/** A person being built, with what the later steps (requests, accompaniments) need to know. */
export type PersonSlot = {
  fate: Fate;
  person: PersonInsert;
  commune: Commune;
  /** First name or pseudonym: how notes call the person. */
  callName: string;
  /** When the accompaniment opened (accompaniment fates only). */
  openedAt: Date | null;
  /** Days before today the accompaniment closed (accompaniment_closed only). */
  closedDaysAgo: number | null;
};

function expand<T extends string>(counts: Record<T, number>, keys: readonly T[]): T[] {
  return keys.flatMap((key) => Array.from({ length: counts[key] }, () => key));
}

function pickCommune(rng: SeededRandom, departement: TDepartement): Commune {
  return rng.weighted(COMMUNES[departement].map((commune) => [commune, commune.weight] as const));
}

type Names = { firstName: string | null; pseudonym: string | null; lastName: string | null };

function drawNames(rng: SeededRandom): Names {
  const kind = rng.weighted([
    ['full', 85],
    ['first', 7],
    ['pseudonym', 5],
    ['alias', 3],
  ] as const);
  const firstName = kind === 'pseudonym' ? null : rng.pick(FIRST_NAMES);
  const pseudonym = kind === 'pseudonym' || kind === 'alias' ? rng.pick(PSEUDONYMS) : null;
  const lastName = kind === 'full' || kind === 'alias' ? rng.pick(LAST_NAMES) : null;
  return { firstName, pseudonym, lastName };
}

/** A number of the range ARCEP keeps for fiction (06 39 98 xx xx): it rings nobody. */
function fictionalPhone(rng: SeededRandom): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  return `06 39 98 ${pair()} ${pair()}`;
}

function fictionalEmail(rng: SeededRandom, names: Names): string {
  const local = [names.firstName ?? names.pseudonym, names.lastName]
    .filter((part): part is string => Boolean(part))
    .map((part) => fold(part).replace(/ /g, '-'))
    .join('.');
  return `${local}${rng.int(1, 99)}@exemple.test`;
}

const STRUCTURES: readonly (readonly [StructureInvolved['type'], (commune: string) => string])[] = [
  ['cmp', (commune) => `CMP de secteur — ${commune}`],
  ['gem', (commune) => `GEM — ${commune}`],
  ['social_service', (commune) => `CCAS de ${commune}`],
  ['hospital', (commune) => `Centre hospitalier — ${commune}`],
  ['essms', () => 'SAMSAH du territoire'],
];

/**
 * The 200 persons: each fate placed in a département (the dozen followed by the demo peer worker
 * live in the Bouches-du-Rhône, like her), a commune, a name never used twice with the same birth
 * year and commune, folded search text and identity key exactly as the persons module computes them.
 */
export function planPersons(rng: SeededRandom, organizationId: string): PersonSlot[] {
  const fates = Object.keys(FATE_COUNTS).filter((fate): fate is Fate => fate in FATE_COUNTS);
  const current = expand(FATE_COUNTS, fates.filter((fate) => CURRENT_FATES.includes(fate)));
  const others = rng.shuffle(expand(FATE_COUNTS, fates.filter((fate) => !CURRENT_FATES.includes(fate))));
  const departements = expand(PERSONS_PER_DEPARTEMENT, DEPARTEMENTS);
  const thirteen = departements.indexOf('13');
  departements.splice(thirteen, current.length);
  const placed: [Fate, TDepartement][] = [
    ...current.map((fate) => [fate, '13'] as [Fate, TDepartement]),
    ...rng.shuffle(departements).map((departement, index) => [others[index] ?? 'closed', departement] as [Fate, TDepartement]),
  ];
  const identities = new Set<string>();
  return placed.map(([fate, departement]) => {
    const portal = fate === 'portal';
    let names: Names = portal ? { firstName: PORTAL_PERSON.firstName, pseudonym: null, lastName: PORTAL_PERSON.lastName } : drawNames(rng);
    let commune: Commune = portal ? PORTAL_PERSON.commune : pickCommune(rng, departement);
    let birthYear: number | null = portal ? PORTAL_PERSON.birthYear : rng.chance(0.9) ? rng.int(1956, 2006) : null;
    while (identities.has(identityKeyOf({ ...names, birthYear, communeInsee: commune.insee }))) {
      names = drawNames(rng);
      commune = pickCommune(rng, departement);
      birthYear = rng.int(1956, 2006);
    }
    identities.add(identityKeyOf({ ...names, birthYear, communeInsee: commune.insee }));
    const phone = portal || rng.chance(0.75) ? fictionalPhone(rng) : null;
    const email = portal || rng.chance(0.35) ? fictionalEmail(rng, names) : null;
    const structures = rng
      .sample(STRUCTURES, rng.weighted([[0, 4], [1, 4], [2, 2]] as const))
      .map(([type, name]) => ({ type, name: name(commune.name) }));
    const fields = { ...names, communeName: commune.name, communeInsee: commune.insee, birthYear };
    return {
      fate,
      commune,
      callName: names.firstName ?? names.pseudonym ?? '',
      openedAt: null,
      closedDaysAgo: null,
      person: {
        id: rng.uuid(),
        organizationId,
        ...names,
        phone,
        email,
        preferredChannel: phone ? rng.pick(['phone', 'sms'] as const) : email ? 'email' : 'through_partner',
        departement,
        communeInsee: commune.insee,
        communeName: commune.name,
        birthYear,
        housing: rng.weighted([
          ['own_or_rented', 40],
          ['hosted_by_relatives', 15],
          ['supported_housing', 12],
          ['precarious', 10],
          ['homeless', 6],
          ['institution', 3],
          ['unknown', 14],
        ] as const),
        employment: rng.weighted([
          ['employed', 15],
          ['job_seeking', 20],
          ['training', 5],
          ['inactive', 35],
          ['retired', 8],
          ['unknown', 17],
        ] as const),
        structures,
        searchText: searchTextOf(fields),
        identityKey: identityKeyOf(fields),
        version: 1,
      },
    };
  });
}

/** The status a request of this fate ends in. */
export function requestStatusOf(fate: Fate): TRequestStatus {
  const statuses: Record<Fate, TRequestStatus> = {
    portal: 'accompaniment_opened',
    active: 'accompaniment_opened',
    rupture: 'accompaniment_opened',
    accompaniment_closed: 'accompaniment_opened',
    new_overdue: 'new',
    new: 'new',
    contacted: 'contacted',
    redirected: 'redirected',
    closed: 'closed',
  };
  return statuses[fate];
}
