import { Outlet } from 'react-router';
import type { TSessionView } from '../../../shared/auth';
import { ForbiddenPage } from '../../app/ForbiddenPage';
import { useCurrentSession } from '../../app/session';

/** Hides pages from roles that cannot use them; the API refuses them anyway. */
export function RequireAccess({ allowed }: { allowed: (user: TSessionView['user']) => boolean }) {
  const { user } = useCurrentSession();
  return allowed(user) ? <Outlet /> : <ForbiddenPage />;
}
