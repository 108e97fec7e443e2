import { hasRole } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';

/** What request rules judge: the organisation (checked first by `can`) and who referred it. */
export type RequestRecord = { organizationId: string; id: string; referrerUserId: string | null };

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /** The triage queue: every request of the organisation, with names (coordinators). */
    'requests.triage': undefined;
    /** Read a request in full, change its status, accept or decline a referral. */
    'request.manage': RequestRecord;
    /** Refer a person: a partner contact, or a coordinator on a partner's behalf. */
    'referrals.create': undefined;
    /** A partner's own referrals, as statuses only. */
    'referrals.listOwn': undefined;
    /** Response targets per urgency (DOMAIN §10.1), set per organisation. */
    'requestSettings.manage': undefined;
  }
}

allow('requests.triage', (actor) => hasRole(actor, 'coordinator'));
allow('request.manage', (actor) => hasRole(actor, 'coordinator'));
allow('referrals.create', (actor) => hasRole(actor, 'coordinator', 'partner_contact'));
allow('referrals.listOwn', (actor) => hasRole(actor, 'partner_contact'));
allow('requestSettings.manage', (actor) => hasRole(actor, 'coordinator', 'admin'));
