import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { RequirePortalUser } from './guards';
import { MessagesPage } from './MessagesPage';
import { NotesPage } from './NotesPage';
import { PortalHomePage } from './PortalHomePage';
import { ReadersPage } from './ReadersPage';

/** Pages of the person's space, inside the signed-in app layout. */
export const portalRoutes: RouteObject[] = [
  {
    Component: RequirePortalUser,
    children: [
      { path: paths.portal, Component: PortalHomePage },
      { path: paths.portalMessages, Component: MessagesPage },
      { path: `${paths.portalMessages}/:id`, Component: MessagesPage },
      { path: paths.portalNotes, Component: NotesPage },
      { path: paths.portalReaders, Component: ReadersPage },
    ],
  },
];
