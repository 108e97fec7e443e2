import type { TestApp } from '../../../../../tests/support/test-app';
import { createTestApp } from '../../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../../tests/support/sessions';
import { buildPerson } from '../../../../../tests/factories/persons';
import { portalWorld, signInAsPerson, signInNamed } from '../../portal/testing/fixtures';
import { registerRecoveryDocumentRoutes } from '../register';

/**
 * The real app with the document routes: registered here while the lead has not yet wired them
 * into the app's chain, left alone once they are.
 */
export function createDocumentsTestApp(): Promise<TestApp> {
  return createTestApp({}, (app) => {
    if (!app.hasRoute({ method: 'GET', url: '/api/recovery-documents/templates' })) registerRecoveryDocumentRoutes(app);
  });
}

/**
 * portalWorld (an organisation, its coordinator, Lucas Morel followed by the peer Sophie, another
 * peer, a volunteer, another organisation's coordinator) plus Lucas signed in on his own account,
 * another person of the organisation with an account, and a peer of another organisation.
 */
export async function documentsWorld(t: TestApp) {
  const world = await portalWorld(t);
  const lucas = await signInAsPerson(t, world.person);
  const otherPerson = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Nadia', lastName: 'Benali' });
  const nadia = await signInAsPerson(t, otherPerson);
  const foreignPeer = await signInAs(t, ['peer_worker']);
  const admin = await signInNamed(t, ['admin'], 'Alice Admin', world.organizationId);
  return { ...world, lucas, nadia, otherPerson, foreignPeer, admin };
}

export type DocumentsWorld = Awaited<ReturnType<typeof documentsWorld>>;

/** A request as the web app sends it (session cookie, CSRF header, French). */
export function call(t: TestApp, session: TestSession | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...(session?.headers ?? {}), 'accept-language': 'fr' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The owner starts a document through the API; returns its detail. */
export async function startDocument(t: TestApp, owner: TestSession, kind: 'wrap' | 'pcc' | 'dap' | 'recovery_plan' = 'wrap') {
  const response = await call(t, owner, 'POST', '/api/recovery-documents', { kind });
  if (response.statusCode !== 201) throw new Error(`document not created: ${response.statusCode} ${response.body}`);
  return response.json();
}
