/** French paths are part of the product: mails link to some of them (see docs/api-foundation.md). */
export const paths = {
  home: '/',
  login: '/connexion',
  forgotPassword: '/mot-de-passe-oublie',
  resetPassword: '/reinitialiser-mot-de-passe',
  invitation: '/invitation',
  twoFactor: '/double-authentification',
  account: '/mon-compte',
  users: '/admin/utilisateurs',
  user: (id: string) => `/admin/utilisateurs/${encodeURIComponent(id)}`,
  invitations: '/admin/invitations',
  audit: '/admin/journal',
  outbox: '/admin/messages',
  outboxMessage: (id: string) => `/admin/messages/${encodeURIComponent(id)}`,
  organizations: '/admin/organisations',
  portal: '/mon-espace',
  portalMessages: '/mon-espace/messages',
  portalThread: (accompanimentId: string) => `/mon-espace/messages/${encodeURIComponent(accompanimentId)}`,
  portalNotes: '/mon-espace/notes',
  portalReaders: '/mon-espace/consultations',
  publicRequest: '/etre-accompagne',
  requests: '/demandes',
  request: (id: string) => `/demandes/${encodeURIComponent(id)}`,
  referrals: '/orientations',
  newReferral: '/orientations/nouvelle',
  persons: '/personnes',
  newPerson: '/personnes/nouvelle',
  person: (id: string) => `/personnes/${encodeURIComponent(id)}`,
  editPerson: (id: string) => `/personnes/${encodeURIComponent(id)}/modifier`,
  // Accompaniments, continuity after rupture, rights (issue #4; modules/accompaniments, outreach, rights).
  accompaniments: '/accompagnements',
  newAccompaniment: '/accompagnements/nouveau',
  accompaniment: (id: string) => `/accompagnements/${encodeURIComponent(id)}`,
  outreach: '/reprise-de-contact',
  outreachCase: (id: string) => `/reprise-de-contact/${encodeURIComponent(id)}`,
  continuitySettings: '/reglages/reprise-de-contact',
  rightsRequests: '/droits',
  anonymisationProposals: '/droits/anonymisation',
} as const;

const RETURN_PARAM = 'retour';

/** Login URL that brings the person back where they were. */
export function loginPathFor(location: { pathname: string; search: string }): string {
  const target = `${location.pathname}${location.search}`;
  if (location.pathname === paths.login || target === paths.home) return paths.login;
  return `${paths.login}?${RETURN_PARAM}=${encodeURIComponent(target)}`;
}

/** Only same-site paths: `?retour=https://evil.example` must not become an open redirect. */
export function returnPathFrom(search: URLSearchParams): string {
  const value = search.get(RETURN_PARAM);
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.home;
  return value;
}
