import type { TSessionView } from '../../../shared/auth';
import type { NavItem } from '../../app/nav-items';
import { paths } from '../../app/paths';
import { isAdmin } from '../../app/roles';
import { canManageRights, canUseOutreachQueue, canWorkWithAccompaniments, seesAllAccompaniments } from './access';

/** Menu entries of accompaniments, outreach and rights, for the roles that can use them. */
export function followUpNavItems(user: TSessionView['user']): NavItem[] {
  const items: NavItem[] = [];
  if (canWorkWithAccompaniments(user)) {
    items.push({ key: seesAllAccompaniments(user) ? 'accompaniments' : 'myAccompaniments', to: paths.accompaniments });
  }
  if (canUseOutreachQueue(user)) items.push({ key: 'outreach', to: paths.outreach });
  if (canManageRights(user)) items.push({ key: 'rights', to: paths.rightsRequests });
  return items;
}

/** Administrators reach the rupture rule from the administration menu (coordinators from the outreach page). */
export function followUpAdminNavItems(user: TSessionView['user']): NavItem[] {
  return isAdmin(user) ? [{ key: 'continuitySettings', to: paths.continuitySettings }] : [];
}
