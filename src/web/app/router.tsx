import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../modules/account/AccountPage';
import { AuditPage } from '../modules/admin/audit/AuditPage';
import { InvitationsPage } from '../modules/admin/invitations/InvitationsPage';
import { OrganizationsPage } from '../modules/admin/organizations/OrganizationsPage';
import { OutboxMessagePage } from '../modules/admin/outbox/OutboxMessagePage';
import { OutboxPage } from '../modules/admin/outbox/OutboxPage';
import { UserDetailPage } from '../modules/admin/users/UserDetailPage';
import { UsersPage } from '../modules/admin/users/UsersPage';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { InvitationPage } from '../modules/auth/InvitationPage';
import { LoginPage } from '../modules/auth/LoginPage';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { TwoFactorPage } from '../modules/auth/two-factor/TwoFactorPage';
import { HomePage } from '../modules/home/HomePage';
import { accompanimentRoutes } from '../modules/accompaniments/routes';
import { outreachRoutes } from '../modules/outreach/routes';
import { personRoutes } from '../modules/persons/routes';
import { PortalLanding } from '../modules/portal/guards';
import { portalRoutes } from '../modules/portal/routes';
import { publicRequestRoutes } from '../modules/public-request/routes';
import { recoveryDocumentRoutes, recoveryPublicRoutes } from '../modules/recovery-documents/routes';
import { requestRoutes } from '../modules/requests/routes';
import { rightsRoutes } from '../modules/rights/routes';
import { AppLayout } from './AppLayout';
import { RequireAdmin, RequireEnrolled, RequirePlatformAdmin, RequireSession } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';
import { PublicLayout } from './PublicLayout';
import { RootLayout } from './RootLayout';
import { RouteErrorPage } from './RouteErrorPage';

export const router = createBrowserRouter([
  {
    Component: RootLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        Component: PublicLayout,
        children: [
          { path: paths.login, Component: LoginPage },
          { path: paths.forgotPassword, Component: ForgotPasswordPage },
          { path: paths.resetPassword, Component: ResetPasswordPage },
          { path: paths.invitation, Component: InvitationPage },
        ],
      },
      ...publicRequestRoutes,
      ...recoveryPublicRoutes,
      {
        Component: RequireSession,
        children: [
          { path: paths.twoFactor, Component: TwoFactorPage },
          {
            Component: RequireEnrolled,
            children: [
              {
                Component: AppLayout,
                children: [
                  // A person lands on their own space (modules/portal); everyone else on the home page.
                  { Component: PortalLanding, children: [{ index: true, Component: HomePage }] },
                  { path: paths.account, Component: AccountPage },
                  ...requestRoutes,
                  ...personRoutes,
                  ...portalRoutes,
                  ...accompanimentRoutes,
                  ...outreachRoutes,
                  ...rightsRoutes,
                  ...recoveryDocumentRoutes,
                  {
                    Component: RequireAdmin,
                    children: [
                      { path: paths.users, Component: UsersPage },
                      { path: `${paths.users}/:id`, Component: UserDetailPage },
                      { path: paths.invitations, Component: InvitationsPage },
                      { path: paths.audit, Component: AuditPage },
                      { path: paths.outbox, Component: OutboxPage },
                      { path: `${paths.outbox}/:id`, Component: OutboxMessagePage },
                    ],
                  },
                  {
                    Component: RequirePlatformAdmin,
                    children: [{ path: paths.organizations, Component: OrganizationsPage }],
                  },
                  { path: '*', Component: NotFoundPage },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
