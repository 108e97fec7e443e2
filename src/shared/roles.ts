import { z } from 'zod';

export const ZRole = z.enum([
  'admin',
  'coordinator',
  'peer_worker',
  'volunteer',
  'supervisor',
  'trainer',
  'partner_contact',
  'person',
  'funder_viewer',
]);
export type TRole = z.infer<typeof ZRole>;

/** Roles that read health data: two-factor authentication is mandatory for them. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly TRole[] = ['admin', 'coordinator', 'peer_worker', 'supervisor'];
