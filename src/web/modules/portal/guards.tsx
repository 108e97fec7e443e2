import { Navigate, Outlet } from 'react-router';
import { ForbiddenPage } from '../../app/ForbiddenPage';
import { paths } from '../../app/paths';
import { useCurrentSession } from '../../app/session';
import { isPortalUser } from './portal-access';

/** The person's space is theirs alone; staff follow persons from the staff pages. */
export function RequirePortalUser() {
  const { user } = useCurrentSession();
  return isPortalUser(user) ? <Outlet /> : <ForbiddenPage />;
}

/** A person signing in (or opening "/") lands on their space rather than the staff home. */
export function PortalLanding() {
  const { user } = useCurrentSession();
  return isPortalUser(user) ? <Navigate to={paths.portal} replace /> : <Outlet />;
}
