import type { RouteObject } from 'react-router';
import { RequirePortalUser } from '../portal/guards';
import { CrisisCardPage } from './pages/CrisisCardPage';
import { DocumentPage } from './pages/DocumentPage';
import { FacilitationPage } from './pages/FacilitationPage';
import { MyDocumentsPage } from './pages/MyDocumentsPage';
import { PublicCrisisPage } from './pages/PublicCrisisPage';
import { PublicSharePage } from './pages/PublicSharePage';
import { SharedDocumentPage } from './pages/SharedDocumentPage';
import { SharedWithMePage } from './pages/SharedWithMePage';
import { SharesPage } from './pages/SharesPage';
import { VersionsPage } from './pages/VersionsPage';
import { ViewsPage } from './pages/ViewsPage';
import { recoveryRoutePatterns as patterns } from './paths';

/**
 * Signed-in pages (inside the app layout): the person's documents (portal users only), the peer's
 * facilitation screen and "shared with me" (any session: the server answers 404 to whoever may not read).
 */
export const recoveryDocumentRoutes: RouteObject[] = [
  {
    Component: RequirePortalUser,
    children: [
      { path: patterns.myDocuments, Component: MyDocumentsPage },
      { path: patterns.document, Component: DocumentPage },
      { path: patterns.versions, Component: VersionsPage },
      { path: patterns.shares, Component: SharesPage },
      { path: patterns.views, Component: ViewsPage },
      { path: patterns.crisisCard, Component: CrisisCardPage },
    ],
  },
  { path: patterns.facilitation, Component: FacilitationPage },
  { path: patterns.sharedWithMe, Component: SharedWithMePage },
  { path: patterns.sharedWithMeItem, Component: SharedDocumentPage },
];

/** Pages without an account: an outside share's link and the crisis card's QR code. */
export const recoveryPublicRoutes: RouteObject[] = [
  { path: patterns.publicShare, Component: PublicSharePage },
  { path: patterns.publicCrisis, Component: PublicCrisisPage },
];
