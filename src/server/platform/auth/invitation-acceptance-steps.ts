import type { Queryable } from '../../db/client';
import type { invitations } from './schema';

export type AcceptedInvitation = {
  invitation: typeof invitations.$inferSelect;
  /** The account just created for the invitee. */
  userId: string;
  now: Date;
};

/**
 * What a module does when an invitation is accepted, inside the acceptance transaction (the
 * portal links a person's record to their new account). Modules register a step, so the platform
 * stays unaware of them; a step that throws rolls the whole acceptance back.
 */
export type InvitationAcceptanceStep = (tx: Queryable, accepted: AcceptedInvitation) => Promise<void>;
const acceptanceSteps = new Map<string, InvitationAcceptanceStep>();

export function registerInvitationAcceptanceStep(name: string, step: InvitationAcceptanceStep): void {
  acceptanceSteps.set(name, step);
}

export async function runInvitationAcceptanceSteps(tx: Queryable, accepted: AcceptedInvitation): Promise<void> {
  for (const step of acceptanceSteps.values()) await step(tx, accepted);
}
