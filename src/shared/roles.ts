import { z } from 'zod';

/** The nine roles, in one place: the database enum, the server's types and the web app derive from it. */
export const ROLE_CODES = [
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

export const ZRole = z.enum(ROLE_CODES);
export type TRole = z.infer<typeof ZRole>;

/** Roles that read health data: two-factor authentication is mandatory for them. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly TRole[] = ['admin', 'coordinator', 'peer_worker', 'supervisor'];
