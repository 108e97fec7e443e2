import { ROLE_CODES, ROLES_REQUIRING_TWO_FACTOR as SHARED_TWO_FACTOR_ROLES, type TRole } from '../../../shared/roles';

export const ROLES = ROLE_CODES;
export type Role = TRole;

/** Roles that read health data: they must use two-factor authentication. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = SHARED_TWO_FACTOR_ROLES;

/** Who is acting: resolved once per request from the session. */
export type Actor = {
  userId: string;
  organizationId: string;
  roles: ReadonlySet<Role>;
  isPlatformAdmin: boolean;
  sessionId: string;
  /** A role that reads health data and no 2FA yet: only enrolment is open until it is done. */
  mustEnrolTwoFactor: boolean;
};

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.has(role));
