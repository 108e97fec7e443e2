import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { buildOrganization } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { persons } from '../../db/schema';
import { identityKeyOf, searchTextOf } from './folding';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db())).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  await buildPerson(db(), { organizationId, firstName: 'Hélène', lastName: 'Dupré', communeName: 'Salon-de-Provence', communeInsee: '13103' });
  await buildPerson(db(), { organizationId, firstName: null, pseudonym: 'Zébulon', lastName: null, communeName: 'Gap', communeInsee: '05061', departement: '05' });
  await buildPerson(db(), { organizationId, firstName: 'Chloé', lastName: 'Œuvray', communeName: 'Fréjus', communeInsee: '83061', departement: '83' });
  await buildPerson(db(), { firstName: 'Hélène', lastName: 'Ailleurs' });
});
afterAll(async () => t.close());

const search = (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/persons?search=${encodeURIComponent(query)}`, headers: coordinator.headers }).then((response) => response.json());

describe('GET /api/persons?search=', () => {
  it('is accent- and case-insensitive on name, pseudonym and commune, in the organisation only', async () => {
    expect((await search('HELENE')).items.map((item: { displayName: string }) => item.displayName)).toEqual(['Hélène Dupré']);
    expect((await search('dupre helene')).total).toBe(1);
    expect((await search('zebul')).items[0].displayName).toBe('Zébulon');
    expect((await search('salon de prov')).total).toBe(1);
    expect((await search('oeuvray')).total).toBe(1);
    expect((await search('frejus')).total).toBe(1);
    expect((await search('50%')).total).toBe(0);
  });

  it('paginates', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/persons?page=2&pageSize=2', headers: coordinator.headers });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
  });

  it('is answered by the trigram index on a few thousand rows', async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => {
      const fields = { firstName: `Prénom${index}`, pseudonym: null, lastName: `Nom${index % 97}`, communeName: 'Marseille', communeInsee: '13055', birthYear: 1980 };
      return { organizationId, departement: '13' as const, ...fields, searchText: searchTextOf(fields), identityKey: identityKeyOf(fields) };
    });
    for (let start = 0; start < rows.length; start += 500) await db().insert(persons).values(rows.slice(start, start + 500));
    await t.deps.database.exec('ANALYZE persons');
    // Without a sequential scan, and without the list-order btree (which a planner may also walk
    // whole on a table this small), the LIKE is answered by the trigram index. Rolled back.
    let plan = '';
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        await tx.execute(sql`DROP INDEX persons_list_order_idx`);
        plan = JSON.stringify(await tx.execute(sql`EXPLAIN SELECT id FROM persons WHERE search_text LIKE '%prenom123%'`));
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes('Rollback'))) throw error;
      });
    expect(plan).toContain('persons_search_trgm_idx');
    expect((await search('Prénom1234')).total).toBe(1);
    // 3,000 matches, under the cap: counted exactly; both orders give the same first page.
    expect(await search('marseille')).toMatchObject({ total: 3000, totalIsCapped: false });
    expect(await search('Prénom1234')).toMatchObject({ totalIsCapped: false });
    // The page sorted out of the matches is the list order's, page after page (reference: the plain query).
    const searchPage = (page: number) =>
      t.app
        .inject({ method: 'GET', url: `/api/persons?search=marseille&page=${page}&pageSize=25`, headers: coordinator.headers })
        .then((response) => response.json() as { items: { id: string }[]; total: number });
    for (const page of [1, 7, 120]) {
      const expected = await db()
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.organizationId, organizationId), like(persons.searchText, '%marseille%')))
        .orderBy(sql`${persons.searchText} collate "C"`, asc(persons.id))
        .limit(25)
        .offset((page - 1) * 25);
      const expectedIds = expected.map((row) => row.id);
      expect(expectedIds).toHaveLength(25);
      expect((await searchPage(page)).items.map((item) => item.id)).toEqual(expectedIds);
    }
    // A page past the end still says how many there are.
    expect(await searchPage(500)).toMatchObject({ items: [], total: 3000 });
  });

  it('counts up to 5,000 matches and says when there are more', async () => {
    const rows = Array.from({ length: 2100 }, (_, index) => {
      const fields = { firstName: `Autre${index}`, pseudonym: null, lastName: 'Martin', communeName: 'Marseille', communeInsee: '13055', birthYear: 1975 };
      return { organizationId, departement: '13' as const, ...fields, searchText: searchTextOf(fields), identityKey: identityKeyOf(fields) };
    });
    for (let start = 0; start < rows.length; start += 500) await db().insert(persons).values(rows.slice(start, start + 500));
    const page = await search('marseille');
    expect(page).toMatchObject({ total: 5000, totalIsCapped: true });
    expect(page.items).toHaveLength(25);
  });
});
