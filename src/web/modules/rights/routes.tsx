import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { canManageRights } from '../accompaniments/access';
import { RequireAccess } from '../requests/RequireAccess';
import { AnonymisationProposalsPage } from './AnonymisationProposalsPage';
import { RightsRequestsPage } from './RightsRequestsPage';

/** Rights of the persons and retention (coordinators). */
export const rightsRoutes: RouteObject[] = [
  {
    element: <RequireAccess allowed={canManageRights} />,
    children: [
      { path: paths.rightsRequests, Component: RightsRequestsPage },
      { path: paths.anonymisationProposals, Component: AnonymisationProposalsPage },
    ],
  },
];
