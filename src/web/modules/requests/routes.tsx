import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { canRefer, canSeeOwnReferrals, canTriage } from './access';
import { MyReferralsPage } from './referrals/MyReferralsPage';
import { ReferralFormPage } from './referrals/ReferralFormPage';
import { RequestDetailPage } from './RequestDetailPage';
import { RequireAccess } from './RequireAccess';
import { TriagePage } from './TriagePage';

/** Pages of requests and referrals, inside the signed-in app layout. */
export const requestRoutes: RouteObject[] = [
  {
    element: <RequireAccess allowed={canTriage} />,
    children: [
      { path: paths.requests, Component: TriagePage },
      { path: `${paths.requests}/:id`, Component: RequestDetailPage },
    ],
  },
  { element: <RequireAccess allowed={canSeeOwnReferrals} />, children: [{ path: paths.referrals, Component: MyReferralsPage }] },
  { element: <RequireAccess allowed={canRefer} />, children: [{ path: paths.newReferral, Component: ReferralFormPage }] },
];
