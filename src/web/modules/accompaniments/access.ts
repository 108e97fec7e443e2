import type { TSessionView } from '../../../shared/auth';
import type { TRole } from '../../../shared/roles';

type TUser = TSessionView['user'];

const hasRole = (user: TUser, ...roles: TRole[]): boolean => roles.some((role) => user.roles.includes(role));

/*
 * What the menu and the pages offer, mirroring the role rules of the server's policies
 * (accompaniments/policy.ts, continuity/policy.ts, rights/policy.ts). The server still checks every
 * call and every record; these only spare people links that would answer "forbidden".
 */
export const canWorkWithAccompaniments = (user: TUser) => hasRole(user, 'coordinator', 'peer_worker', 'volunteer');
/** Coordinators see every accompaniment of the organisation; peers only those they follow. */
export const seesAllAccompaniments = (user: TUser) => hasRole(user, 'coordinator');
export const canOpenAccompaniments = (user: TUser) => hasRole(user, 'coordinator');
export const canUseOutreachQueue = (user: TUser) => hasRole(user, 'coordinator', 'peer_worker');
/** Peers may only record that contact is re-established; any other outcome is a coordinator's. */
export const canCloseWithAnyOutcome = (user: TUser) => hasRole(user, 'coordinator');
export const canManageContinuitySettings = (user: TUser) => hasRole(user, 'coordinator', 'admin');
/** Coordinators, and peer workers for the persons they are referent for (the server decides). */
export const mayManageRecontactPreferences = (user: TUser) => hasRole(user, 'coordinator', 'peer_worker');
export const canManageRights = (user: TUser) => hasRole(user, 'coordinator');
