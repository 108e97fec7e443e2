import type { TSessionView } from '../../../shared/auth';
import type { NavItem } from '../../app/nav-items';
import { isPortalUser } from '../portal/portal-access';
import { recoveryPaths } from './paths';

/** "Mes documents" for the person; "Partagés avec moi" for every other signed-in user (team, partner contacts). */
export function recoveryNavItems(user: TSessionView['user']): NavItem[] {
  return isPortalUser(user) ? [{ key: 'portalDocuments', to: recoveryPaths.myDocuments }] : [{ key: 'sharedWithMe', to: recoveryPaths.sharedWithMe }];
}
