import { z } from 'zod';
import { ZAccompanimentStatus, ZGoalStatus } from './accompaniments';
import { ZPage, ZPageQuery } from './pagination';

/**
 * The person portal (issue #4 point 8): what a person sees of their own record, the messages
 * between a person and their peers, and the invitation that opens a person's account.
 */

const ZDateTime = z.iso.datetime({ offset: true });

/**
 * Rules the server checks against the database, worded in both languages (the API re-words zod
 * issues in the caller's language, so these are not zod refinements).
 */
export const PORTAL_FIELD_MESSAGES = {
  fr: {
    personEmailMissing: 'La fiche de cette personne n’a pas d’adresse e-mail : ajoutez-la avant d’envoyer l’invitation.',
    personHasAccount: 'Cette personne a déjà un compte sur son espace personnel.',
    accompanimentClosed: 'Cet accompagnement est terminé : on ne peut plus y écrire.',
    bothPersonsHaveAccounts: 'Les deux fiches ont chacune un compte sur l’espace personnel : elles ne peuvent pas être fusionnées.',
  },
  en: {
    personEmailMissing: 'This person’s record has no email address: add it before sending the invitation.',
    personHasAccount: 'This person already has an account on their personal space.',
    accompanimentClosed: 'This accompaniment has ended: no one can write in it any more.',
    bothPersonsHaveAccounts: 'Both records have an account on the personal space: they cannot be merged.',
  },
} as const;
export type TPortalFieldMessage = keyof (typeof PORTAL_FIELD_MESSAGES)['fr'];

// Staff side: a person's access to the portal -----------------------------------------------------

export const PORTAL_ACCOUNT_STATUSES = ['none', 'invited', 'active', 'deactivated'] as const;
export const ZPortalAccountStatusCode = z.enum(PORTAL_ACCOUNT_STATUSES);

/** Whether a person can use their personal space, and whether the reader may invite them. */
export const ZPortalAccount = z.object({
  status: ZPortalAccountStatusCode,
  /** The address an invitation goes to: the one on the person's record. */
  email: z.string().nullable(),
  invitedAt: ZDateTime.nullable(),
  /** While an invitation waits for an answer: until when its link works. */
  invitationExpiresAt: ZDateTime.nullable(),
  policies: z.object({ invite: z.boolean() }),
});
export type TPortalAccount = z.infer<typeof ZPortalAccount>;

// Person side -----------------------------------------------------------------------------------

/** A peer as the person sees them: a first name, nothing else. */
export const ZPortalPeer = z.object({ firstName: z.string() });

export const ZPortalGoal = z.object({ id: z.uuid(), wording: z.string(), status: ZGoalStatus });

export const ZPortalAccompaniment = z.object({
  id: z.uuid(),
  status: ZAccompanimentStatus,
  openedAt: ZDateTime,
  closedAt: ZDateTime.nullable(),
  peers: z.array(ZPortalPeer),
  goals: z.array(ZPortalGoal),
  /** Messages from the peers the person has not opened yet. */
  unreadMessages: z.number().int().min(0),
  /** Open accompaniments take messages; a closed one is history. */
  canWrite: z.boolean(),
});
export type TPortalAccompaniment = z.infer<typeof ZPortalAccompaniment>;

export const ZPortalAppointment = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  startsAt: ZDateTime,
  place: z.string().nullable(),
});
export type TPortalAppointment = z.infer<typeof ZPortalAppointment>;

/** The portal's home: the person's accompaniments and their next appointments. */
export const ZPortalHome = z.object({
  /** How the person is called: first name, or pseudonym (null when the record has neither). */
  person: z.object({ firstName: z.string().nullable() }),
  accompaniments: z.array(ZPortalAccompaniment),
  nextAppointments: z.array(ZPortalAppointment),
});
export type TPortalHome = z.infer<typeof ZPortalHome>;

/** A note its author chose to share with the person (`shared_with_person` only). */
export const ZPortalNote = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  authorFirstName: z.string(),
  body: z.string(),
  writtenAt: ZDateTime,
});
export type TPortalNote = z.infer<typeof ZPortalNote>;
export const ZPortalNotePage = ZPage(ZPortalNote);
export type TPortalNotePage = z.infer<typeof ZPortalNotePage>;

// Messages --------------------------------------------------------------------------------------

export const ZPortalMessageInput = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export type TPortalMessageInput = z.infer<typeof ZPortalMessageInput>;

/** Threads are read newest first, one page at a time; the web app shows them oldest at the top. */
export const ZPortalMessageQuery = ZPageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(30) });
export type TPortalMessageQuery = z.infer<typeof ZPortalMessageQuery>;

/** A message as the person sees it. `readAt`: when the other side opened it. */
export const ZPortalMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  sentAt: ZDateTime,
  readAt: ZDateTime.nullable(),
  fromMe: z.boolean(),
  /** The peer's first name; the person's own messages carry theirs. */
  authorFirstName: z.string(),
});
export type TPortalMessage = z.infer<typeof ZPortalMessage>;
export const ZPortalMessagePage = ZPage(ZPortalMessage).extend({ canWrite: z.boolean() });
export type TPortalMessagePage = z.infer<typeof ZPortalMessagePage>;

/** A message as peers and coordinators see it on the accompaniment. */
export const ZStaffMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  sentAt: ZDateTime,
  readAt: ZDateTime.nullable(),
  fromPerson: z.boolean(),
  author: z.object({ id: z.uuid(), name: z.string() }),
});
export type TStaffMessage = z.infer<typeof ZStaffMessage>;
export const ZStaffMessagePage = ZPage(ZStaffMessage).extend({ policies: z.object({ answer: z.boolean() }) });
export type TStaffMessagePage = z.infer<typeof ZStaffMessagePage>;

/** For a peer: the accompaniments they follow where the person wrote something not read yet. */
export const ZStaffUnreadList = z.object({
  items: z.array(z.object({ accompanimentId: z.uuid(), unread: z.number().int().min(1), lastSentAt: ZDateTime })),
});
export type TStaffUnreadList = z.infer<typeof ZStaffUnreadList>;
