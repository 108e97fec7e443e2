import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { buildOrganization } from '../../../../tests/factories';
import { mailOutbox, personConsents, persons, rateLimits, supportRequests } from '../../db/schema';

let t: TestApp;
let organization: { id: string; slug: string };
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  organization = await buildOrganization(db());
});
afterAll(async () => t.close());
// Each test starts with a fresh per-IP budget.
beforeEach(async () => {
  await db().delete(rateLimits);
});

const form = (overrides: Record<string, unknown> = {}) => ({
  organizationSlug: organization.slug,
  firstName: 'Inès',
  contactMethod: 'email',
  email: 'ines.fictive@exemple.test',
  departement: '06',
  communeInsee: '06088',
  communeName: 'Nice',
  hopes: 'J’aimerais parler à quelqu’un qui a vécu la même chose que moi.',
  preferredTimes: 'le matin',
  consentToBeContacted: true,
  consentToDataProcessing: true,
  ...overrides,
});
const submit = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/public/requests', payload, headers });
const requestsOf = () => db().select().from(supportRequests).where(eq(supportRequests.organizationId, organization.id));

describe('POST /api/public/requests', () => {
  it('stores the person, two portal_click consents, the request and an acknowledgement mail; answers a reference', async () => {
    const response = await submit(form());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.reference).toMatch(/^DEM-2026-\d{6}$/);
    expect(body).toMatchObject({ acknowledgementSent: true });
    expect(body.whatHappensNext).toContain('gratuit');
    const [request] = (await requestsOf()).filter((row) => row.reference === body.reference);
    expect(request).toMatchObject({ source: 'public_form', urgency: 'standard', status: 'new', departement: '06', contactMethod: 'email' });
    const consents = await db().select().from(personConsents).where(eq(personConsents.personId, request?.personId ?? ''));
    expect(consents.map((row) => [row.purpose, row.method]).sort()).toEqual([
      ['contact', 'portal_click'],
      ['data_processing', 'portal_click'],
    ]);
    expect(consents[0]?.textVersion).toBe('formulaire-public-2026-01');
    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'ines.fictive@exemple.test'));
    expect(mail?.textBody).toContain(body.reference);
    expect(mail?.textBody).not.toContain('vécu');
  });

  it('a duplicate within 10 minutes answers the first reference and stores nothing; later it is a new request', async () => {
    const payload = form({ firstName: 'Double', email: 'double@exemple.test' });
    const first = (await submit(payload)).json().reference;
    const countBefore = (await requestsOf()).length;
    t.clock.advance(5 * 60_000);
    const again = await submit({ ...payload, firstName: 'DOUBLE', hopes: `  ${payload.hopes}  ` });
    expect(again.statusCode).toBe(201);
    expect(again.json().reference).toBe(first);
    expect(await requestsOf()).toHaveLength(countBefore);
    t.clock.advance(6 * 60_000);
    expect((await submit(payload)).json().reference).not.toBe(first);
  });

  it('the honeypot answers like a success but stores nothing', async () => {
    const before = (await db().select().from(persons)).length;
    const response = await submit(form({ firstName: 'Robot', website: 'http://spam.example' }));
    expect(response.statusCode).toBe(201);
    expect(response.json().reference).toMatch(/^DEM-/);
    expect(await db().select().from(persons)).toHaveLength(before);
  });

  it('limits sends per IP address (429 after 5 in an hour)', async () => {
    for (let index = 0; index < 5; index += 1) {
      expect((await submit(form({ firstName: `Essai${index}`, email: `essai${index}@exemple.test` }))).statusCode).toBe(201);
    }
    const refused = await submit(form({ firstName: 'Sixième' }));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('answers 400 with French field messages, and 404 for an unknown organisation', async () => {
    const missing = await submit({ organizationSlug: organization.slug, contactMethod: 'phone' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().errors)).toEqual(
      expect.arrayContaining(['firstName', 'departement', 'communeInsee', 'hopes', 'consentToBeContacted', 'consentToDataProcessing']),
    );
    const noPhone = await submit(form({ contactMethod: 'phone', email: undefined }));
    expect(noPhone.json().errors).toEqual({ phone: ['Indiquez un numéro de téléphone.'] });
    const refusedConsent = await submit(form({ consentToDataProcessing: false }));
    expect(refusedConsent.statusCode).toBe(400);
    expect((await submit(form({ organizationSlug: 'inconnue' }))).statusCode).toBe(404);
  });
});
