/**
 * Addresses of the recovery documents pages (issue #5). French, part of the product: mails and the
 * crisis card's QR code point at some of them (`/partage/<token>`, `/urgence/<token>`).
 */
const id = (value: string) => encodeURIComponent(value);

export const recoveryPaths = {
  myDocuments: '/portail/documents',
  document: (documentId: string) => `/portail/documents/${id(documentId)}`,
  versions: (documentId: string) => `/portail/documents/${id(documentId)}/versions`,
  shares: (documentId: string) => `/portail/documents/${id(documentId)}/partages`,
  views: (documentId: string) => `/portail/documents/${id(documentId)}/vues`,
  crisisCard: (documentId: string) => `/portail/documents/${id(documentId)}/carte-de-crise`,
  facilitation: (personId: string, documentId: string) => `/personnes/${id(personId)}/documents/${id(documentId)}`,
  sharedWithMe: '/partages',
  sharedWithMeItem: (shareId: string) => `/partages/${id(shareId)}`,
  publicShare: (token: string) => `/partage/${id(token)}`,
  publicCrisis: (token: string) => `/urgence/${id(token)}`,
} as const;

/** Route patterns, for the router. */
export const recoveryRoutePatterns = {
  myDocuments: '/portail/documents',
  document: '/portail/documents/:documentId',
  versions: '/portail/documents/:documentId/versions',
  shares: '/portail/documents/:documentId/partages',
  views: '/portail/documents/:documentId/vues',
  crisisCard: '/portail/documents/:documentId/carte-de-crise',
  facilitation: '/personnes/:personId/documents/:documentId',
  sharedWithMe: '/partages',
  sharedWithMeItem: '/partages/:shareId',
  publicShare: '/partage/:token',
  publicCrisis: '/urgence/:token',
} as const;
