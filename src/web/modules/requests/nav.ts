import type { TSessionView } from '../../../shared/auth';
import type { NavItem } from '../../app/nav-items';
import { paths } from '../../app/paths';
import { canListPersons, canSeeOwnReferrals, canTriage } from './access';

/** Menu entries of requests and persons, for the roles that can use them. */
export function requestNavItems(user: TSessionView['user']): NavItem[] {
  const items: NavItem[] = [];
  if (canTriage(user)) items.push({ key: 'requests', to: paths.requests });
  if (canListPersons(user)) items.push({ key: 'persons', to: paths.persons });
  if (canSeeOwnReferrals(user)) items.push({ key: 'referrals', to: paths.referrals });
  return items;
}
