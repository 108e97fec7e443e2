export const ROLES = [
  'admin',
  'coordinator',
  'peer_worker',
  'volunteer',
  'supervisor',
  'trainer',
  'partner_contact',
  'person',
  'funder_viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that read health data: they must use two-factor authentication. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = ['admin', 'coordinator', 'peer_worker', 'supervisor'];

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
