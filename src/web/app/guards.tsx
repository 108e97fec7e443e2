import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { peekPendingNotice } from './auth-notice';
import { applyLocale, storedLocale } from './i18n';
import { loginPathFor, paths } from './paths';
import { ForbiddenPage } from './ForbiddenPage';
import { isAdmin, isPlatformAdmin } from './roles';
import { SessionContext, useCurrentSession, useSession } from './session';
import { PublicShell } from './PublicShell';

/** Signed out → login (keeping the intended path); signed in → the session for everything below. */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const accountLocale = session.data?.user.locale;

  useEffect(() => {
    // The account's language applies unless this device has an explicit choice.
    if (accountLocale && !storedLocale()) void applyLocale(accountLocale, { remember: false });
  }, [accountLocale]);

  if (session.isPending || session.isError) {
    return (
      <PublicShell>
        <PageHeader title={t('appName')} />
        {session.isError ? (
          <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
        ) : (
          <LoadingState />
        )}
      </PublicShell>
    );
  }
  if (!session.data) {
    // After "Se déconnecter" the next person must not land on the previous one's page.
    const target = peekPendingNotice() === 'signedOut' ? paths.login : loginPathFor(location);
    return <Navigate to={target} replace />;
  }
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}

/** A role that reads health data must turn on 2FA before seeing anything else. */
export function RequireEnrolled() {
  const { user } = useCurrentSession();
  if (user.mustEnrolTwoFactor) return <Navigate to={paths.twoFactor} replace />;
  return <Outlet />;
}

/** Hides admin pages from other roles; the API refuses them anyway. */
export function RequireAdmin() {
  const { user } = useCurrentSession();
  return isAdmin(user) ? <Outlet /> : <ForbiddenPage />;
}

export function RequirePlatformAdmin() {
  const { user } = useCurrentSession();
  return isPlatformAdmin(user) ? <Outlet /> : <ForbiddenPage />;
}
