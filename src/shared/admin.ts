import { z } from 'zod';
import { ZPage, ZPageQuery } from './pagination';
import { ZRole } from './roles';
import { ZEmail } from './auth';

export const ZUserSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(ZRole),
  active: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type TUserSummary = z.infer<typeof ZUserSummary>;
export const ZUserPage = ZPage(ZUserSummary);

export const ZUserListQuery = ZPageQuery.extend({
  search: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const ZUserDetail = ZUserSummary.extend({
  policies: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});

/** `version` is the one read: a stale one answers 409 instead of overwriting someone's change. */
export const ZUserUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  roles: z.array(ZRole).min(1).max(9).optional(),
  active: z.boolean().optional(),
});

export const ZInvitationCreateInput = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(120),
  roles: z.array(ZRole).min(1).max(9),
});
export const ZInvitationSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZRole),
  expiresAt: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export const ZInvitationPage = ZPage(ZInvitationSummary);

export const ZOrganizationSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  userCount: z.number().int(),
});
export const ZOrganizationPage = ZPage(ZOrganizationSummary);
export const ZOrganizationCreateInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
  region: z.string().trim().min(2).max(80),
  adminName: z.string().trim().min(1).max(120),
  adminEmail: ZEmail,
});

export const ZAuditEvent = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const ZAuditPage = ZPage(ZAuditEvent);
export const ZAuditQuery = ZPageQuery.extend({
  actorUserId: z.uuid().optional(),
  resourceType: z.string().max(60).optional(),
  resourceId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const ZOutboxMessage = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  template: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export const ZOutboxPage = ZPage(ZOutboxMessage);
export const ZOutboxMessageDetail = ZOutboxMessage.extend({ textBody: z.string(), lastError: z.string().nullable() });
