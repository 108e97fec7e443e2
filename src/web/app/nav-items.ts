import type { TSessionView } from '../../shared/auth';
import { paths } from './paths';
import { isAdmin, isPlatformAdmin } from './roles';

export type TNavKey = 'home' | 'users' | 'invitations' | 'audit' | 'outbox' | 'organizations';

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
  const sections: NavSection[] = [{ key: 'main', items: [{ key: 'home', to: paths.home, end: true }] }];
  const adminItems: NavItem[] = [];
  if (isAdmin(user)) {
    adminItems.push(
      { key: 'users', to: paths.users },
      { key: 'invitations', to: paths.invitations },
      { key: 'audit', to: paths.audit },
      { key: 'outbox', to: paths.outbox },
    );
  }
  if (isPlatformAdmin(user)) adminItems.push({ key: 'organizations', to: paths.organizations });
  if (adminItems.length > 0) sections.push({ key: 'administration', items: adminItems });
  return sections;
}
