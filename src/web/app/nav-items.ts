import type { TSessionView } from '../../shared/auth';
import { paths } from './paths';
import { requestNavItems } from '../modules/requests/nav';
import { followUpAdminNavItems, followUpNavItems } from '../modules/accompaniments/nav';
import { portalNavItems } from '../modules/portal/nav';
import { isPortalUser } from '../modules/portal/portal-access';
import { recoveryNavItems } from '../modules/recovery-documents/nav';
import { isAdmin, isPlatformAdmin } from './roles';

export type TNavKey = 'home' | 'users' | 'invitations' | 'audit' | 'outbox' | 'organizations' | 'requests' | 'persons' | 'referrals' | 'portal' | 'portalMessages' | 'portalNotes' | 'portalReaders'
  | 'accompaniments' | 'myAccompaniments' | 'outreach' | 'rights' | 'continuitySettings' | 'portalDocuments' | 'sharedWithMe';

export interface NavItem {
  key: TNavKey;
  to: string;
  /** `true` when only this exact path marks the link as current (the home page). */
  end?: boolean;
}

export interface NavSection {
  key: 'main' | 'administration';
  items: NavItem[];
}

/** What the menu offers follows the session's roles; the server still checks every call. */
export function navSections(user: TSessionView['user']): NavSection[] {
  // A person accompanied sees their own space only.
  if (isPortalUser(user)) return [{ key: 'main', items: [...portalNavItems(), ...recoveryNavItems(user)] }];
  const sections: NavSection[] = [{ key: 'main', items: [{ key: 'home', to: paths.home, end: true }, ...requestNavItems(user), ...followUpNavItems(user), ...recoveryNavItems(user)] }];
  const adminItems: NavItem[] = [];
  if (isAdmin(user)) {
    adminItems.push(
      { key: 'users', to: paths.users },
      { key: 'invitations', to: paths.invitations },
      { key: 'audit', to: paths.audit },
      { key: 'outbox', to: paths.outbox },
    );
  }
  adminItems.push(...followUpAdminNavItems(user));
  if (isPlatformAdmin(user)) adminItems.push({ key: 'organizations', to: paths.organizations });
  if (adminItems.length > 0) sections.push({ key: 'administration', items: adminItems });
  return sections;
}
