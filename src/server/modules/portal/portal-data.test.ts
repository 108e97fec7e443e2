import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { TestSession } from '../../../../tests/support/sessions';
import { buildAccompaniment, buildNote, portalWorld, signInAsPerson } from './testing/fixtures';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let lucas: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
  const accompaniment = await buildAccompaniment(world.db, world.person, { peerIds: [world.referent.user.id] });
  await buildNote(world.db, accompaniment, { authorId: world.referent.user.id, confidentiality: 'shared_with_person', body: 'Note partagée.' });
  lucas = await signInAsPerson(t, world.person);
});
afterAll(async () => t.close());

const get = (session: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

describe('who read my record', () => {
  it('lists the staff who opened the record, with their roles, newest first; the person’s own visits are not "readers"', async () => {
    await get(lucas, '/api/portal/home');
    await get(lucas, '/api/portal/notes');
    t.clock.advance(60_000);
    expect((await get(world.referent, `/api/persons/${world.person.id}`)).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await get(world.coordinator, `/api/persons/${world.person.id}`)).statusCode).toBe(200);

    const response = await get(lucas, '/api/portal/readers');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    const readers = page.items.filter((item: { kind: string }) => item.kind === 'read');
    expect(readers.map((item: { reader: { name: string }; roles: string[] }) => [item.reader.name, item.roles])).toEqual([
      ['Karim Belkacem', ['coordinator']],
      ['Sophie Aubert', ['peer_worker']],
    ]);
    expect(page.items.some((item: { reader: { id: string } }) => item.reader.id === lucas.user.id)).toBe(false);
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((row) => row.action === 'portal.readers.read');
    expect(entry).toMatchObject({ actorUserId: lucas.user.id, resourceType: 'person_portal', resourceId: world.person.id });
  });
});

describe('download my data', () => {
  it('sends everything held on the person’s own record as a JSON attachment, audited as person.exported by the person', async () => {
    const response = await get(lucas, '/api/portal/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mes-donnees-passerelle-2026-11-23.json"');
    const data = response.json();
    expect(data.person).toMatchObject({ id: world.person.id, firstName: 'Lucas', email: world.person.email });
    expect(data.accompaniments).toHaveLength(1);
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((row) => row.action === 'person.exported');
    expect(entry).toMatchObject({ actorUserId: lucas.user.id, resourceType: 'person', resourceId: world.person.id, context: { channel: 'portal' } });
    // The download then shows in "who read my record" as the person's own export.
    const readers = (await get(lucas, '/api/portal/readers')).json();
    expect(readers.items[0]).toMatchObject({ kind: 'export', reader: { id: lucas.user.id } });
  });

  it('another person’s download holds only their own record', async () => {
    const other = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Autre', email: 'autre.export@exemple.test' });
    const session = await signInAsPerson(t, other);
    const data = (await get(session, '/api/portal/export')).json();
    expect(data.person.id).toBe(other.id);
    expect(data.accompaniments).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('Lucas');
  });
});
