import type { TSessionView } from '../../../shared/auth';
import type { TRole } from '../../../shared/roles';

type TUser = TSessionView['user'];

const hasRole = (user: TUser, ...roles: TRole[]): boolean => roles.some((role) => user.roles.includes(role));

/*
 * What the menu and the pages offer, mirroring the role rules of the server's policies
 * (src/server/modules/requests/policy.ts, persons/policy.ts). The server still checks every call;
 * these only spare people links that would answer "forbidden".
 */
export const canTriage = (user: TUser) => hasRole(user, 'coordinator');
export const canRefer = (user: TUser) => hasRole(user, 'coordinator', 'partner_contact');
export const canSeeOwnReferrals = (user: TUser) => hasRole(user, 'partner_contact');
export const canListPersons = (user: TUser) => hasRole(user, 'coordinator', 'peer_worker');
export const canCreatePersons = (user: TUser) => hasRole(user, 'coordinator');
