import type { TSessionView } from '../../../shared/auth';

type TUser = TSessionView['user'];

/**
 * A person accompanied, and nothing else: the portal is their whole app (menu, landing page).
 * Mirrors the server's `portal.use` rule; the server still checks every call.
 */
export const isPortalUser = (user: TUser): boolean => user.roles.length > 0 && user.roles.every((role) => role === 'person');
