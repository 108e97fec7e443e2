import type { TOutreachChannel, TOutreachResult } from '../../src/shared/accompaniments';
import type { outreachAttempts, outreachCases, recontactPreferences } from '../../src/server/modules/continuity/schema';
import type { personAccounts, portalMessages } from '../../src/server/modules/portal/schema';
import type { rightsRequests } from '../../src/server/modules/rights/schema';
import { withName, type AccompanimentRows, type AccompanimentStory } from './persons-seed-accompaniments';
import type { ConsentInsert, DemoStaff, PersonSlot } from './persons-seed-people';
import type { SeededRandom } from './persons-seed-random';
import { CONSENT_TEXTS } from './persons-seed-requests';
import { addMinutes, DAY, type Timeline } from './persons-seed-timeline';
import { RECONTACT_PRESETS } from './persons-seed-vocabulary';

export type ContinuityRows = {
  consents: ConsentInsert[];
  recontactPreferences: (typeof recontactPreferences.$inferInsert)[];
  outreachCases: (typeof outreachCases.$inferInsert & { id: string })[];
  outreachAttempts: (typeof outreachAttempts.$inferInsert)[];
  personAccounts: (typeof personAccounts.$inferInsert)[];
  portalMessages: (typeof portalMessages.$inferInsert)[];
  rightsRequests: (typeof rightsRequests.$inferInsert)[];
};

type Attempt = { afterFlagDays: number; channel: TOutreachChannel; result: TOutreachResult; note: string };

/** The two open ruptures: one attempt each, on a channel the person allowed (re-contact presets 0 and 2). */
const RUPTURE_ATTEMPTS: readonly { preset: number; attempt: Attempt }[] = [
  {
    preset: 0,
    attempt: { afterFlagDays: 1, channel: 'sms', result: 'no_answer', note: 'SMS envoyé pour proposer un café au local, sans réponse pour l’instant. Nouvel essai par téléphone dans quelques jours.' },
  },
  {
    preset: 2,
    attempt: { afterFlagDays: 2, channel: 'phone', result: 'no_answer', note: 'Appel sans réponse, pas de messagerie. Si le silence dure, passer par le GEM comme {p} l’a demandé.' },
  },
];

/** Accompaniments closed as unreachable went through three attempts first. */
const UNREACHABLE_ATTEMPTS: readonly Attempt[] = [
  { afterFlagDays: 1, channel: 'phone', result: 'no_answer', note: 'Appel sans réponse.' },
  { afterFlagDays: 6, channel: 'sms', result: 'message_left', note: 'SMS pour proposer un rendez-vous au local, sans obligation.' },
  { afterFlagDays: 12, channel: 'letter', result: 'no_answer', note: 'Courrier « porte ouverte » envoyé.' },
];

const UNREACHABLE_PRESET = 4;

function addMonth(date: Date): Date {
  const due = new Date(date);
  due.setUTCMonth(due.getUTCMonth() + 1);
  return due;
}

/**
 * What keeps contact possible and what happens when it breaks (DOMAIN §9.4, §10.2): consents to
 * the accompaniment record, to sharing a document and to be re-contacted (with the channels and
 * wishes said in advance, one person asking not to be contacted), the two open outreach cases and
 * the closed ones, the portal account of the demo person with a few messages, two rights requests.
 */
export function planContinuity(rng: SeededRandom, time: Timeline, stories: AccompanimentStory[], rows: AccompanimentRows, staff: DemoStaff): ContinuityRows {
  const out: ContinuityRows = { consents: [], recontactPreferences: [], outreachCases: [], outreachAttempts: [], personAccounts: [], portalMessages: [], rightsRequests: [] };
  const ruptures = [...RUPTURE_ATTEMPTS];
  let doNotContactLeft = 1;
  for (const story of stories) {
    const { row, slot } = story;
    const organizationId = row.organizationId;
    const personId = row.personId;
    const consent = { organizationId, personId, collectedBy: staff.peerWorker, method: 'paper_signed' } as const;
    const lastContact = row.lastContactAt ?? row.openedAt;
    out.consents.push({ ...consent, purpose: 'data_processing', scope: 'dossier d’accompagnement', textVersion: CONSENT_TEXTS.accompaniment, collectedAt: row.openedAt, createdAt: row.openedAt });
    if (rng.chance(0.33)) {
      const at = addMinutes(row.openedAt, 20 * 24 * 60);
      const collectedAt = at < lastContact ? at : lastContact;
      out.consents.push({ ...consent, purpose: 'share_document', scope: 'Plan de crise', recipients: 'Médecin traitant', textVersion: CONSENT_TEXTS.accompaniment, collectedAt, createdAt: collectedAt });
    }

    const rupture = row.status === 'outreach_in_progress' ? ruptures.shift() : undefined;
    const unreachable = story.closingReason === 'unreachable';
    const declines = story.closingReason === 'person_decided' && doNotContactLeft > 0;
    const wantsPreferences = row.status !== 'closed' || unreachable || declines || rng.chance(0.2);
    if (!wantsPreferences) continue;
    const recordedAt = addMinutes(row.openedAt, 7 * 24 * 60);
    const preset = RECONTACT_PRESETS[rupture ? rupture.preset : unreachable ? UNREACHABLE_PRESET : rng.int(0, RECONTACT_PRESETS.length - 1)];
    if (!preset) throw new Error('no re-contact preset');
    if (declines) doNotContactLeft -= 1;
    out.consents.push({
      ...consent,
      purpose: 'recontact',
      scope: 'Reprise de contact en cas de rupture',
      recipients: 'Équipe de pairs',
      textVersion: CONSENT_TEXTS.recontact,
      collectedAt: recordedAt,
      createdAt: recordedAt,
      withdrawnAt: declines ? row.closedAt : null,
      withdrawnHow: declines ? 'Oralement, lors du dernier entretien' : null,
    });
    out.recontactPreferences.push({
      personId,
      organizationId,
      allowedChannels: declines ? [] : [...preset.channels],
      preferredContactName: declines ? null : preset.contactName,
      wishes: declines ? 'Ne plus me contacter. Je reviendrai vers vous si j’en ai besoin.' : preset.wishes,
      doNotContact: declines,
      recordedAt: declines ? (row.closedAt ?? recordedAt) : recordedAt,
      recordedBy: staff.peerWorker,
      version: declines ? 2 : 1,
    });

    if (rupture || unreachable) {
      const flaggedAt = time.daysAgo(story.lastContactDaysAgo - 31, 5, 0);
      const attempts = rupture ? [rupture.attempt] : UNREACHABLE_ATTEMPTS;
      const caseId = rng.uuid();
      out.outreachCases.push({
        id: caseId,
        organizationId,
        accompanimentId: row.id,
        personId,
        signal: 'no_contact',
        flaggedAt,
        status: rupture ? 'open' : 'unreachable',
        closedAt: rupture ? null : row.closedAt,
        closedBy: rupture ? null : staff.coordinator,
        outcomeNote: rupture ? null : 'Trois tentatives sans réponse ; courrier « porte ouverte » envoyé.',
        version: rupture ? 1 : 2,
      });
      const base = { organizationId, accompanimentId: row.id };
      rows.statusEvents.push({ ...base, fromStatus: 'active', toStatus: 'rupture_suspected', at: flaggedAt, byUserId: null, reason: 'Sans contact depuis plus de 30 jours' });
      attempts.forEach((attempt, index) => {
        const at = new Date(flaggedAt.getTime() + attempt.afterFlagDays * DAY + (4 + index) * 3_600_000);
        out.outreachAttempts.push({ organizationId, caseId, at, channel: attempt.channel, result: attempt.result, note: withName(attempt.note, slot.callName), byUserId: staff.peerWorker });
        if (index === 0) rows.statusEvents.push({ ...base, fromStatus: 'rupture_suspected', toStatus: 'outreach_in_progress', at, byUserId: staff.peerWorker, reason: null });
      });
      row.version = rupture ? 3 : 4;
      if (row.closedAt) rows.statusEvents.push({ ...base, fromStatus: 'outreach_in_progress', toStatus: 'closed', at: row.closedAt, byUserId: staff.coordinator, reason: row.closingNote ?? null });
    }
  }
  addPortal(out, time, stories, staff);
  addRightsRequests(out, time, stories, staff);
  return out;
}

/** The demo person account sees its own record: account link and a short exchange with its peer. */
function addPortal(out: ContinuityRows, time: Timeline, stories: AccompanimentStory[], staff: DemoStaff): void {
  const story = stories.find((candidate) => candidate.slot.fate === 'portal');
  if (!story) throw new Error('the portal person has no accompaniment');
  const { row } = story;
  const base = { organizationId: row.organizationId, accompanimentId: row.id, personId: row.personId };
  out.personAccounts.push({ personId: row.personId, userId: staff.personAccount, organizationId: row.organizationId, invitedBy: staff.coordinator, invitedAt: addMinutes(row.openedAt, 20 * 24 * 60) });
  out.portalMessages.push(
    {
      ...base,
      authorId: staff.peerWorker,
      body: `Bonjour ${story.slot.callName}, comme convenu, je vous propose qu’on se retrouve au local la semaine prochaine. Dites-moi si le créneau vous va.`,
      sentAt: time.daysAgo(4, 7, 40),
      readAt: time.daysAgo(4, 11, 0),
    },
    { ...base, authorId: staff.personAccount, body: 'Bonjour, oui ça me va. Je viendrai avec les papiers de la CAF.', sentAt: time.daysAgo(4, 11, 5), readAt: time.daysAgo(3, 7, 0) },
    { ...base, authorId: staff.peerWorker, body: 'Parfait, à bientôt. Pensez aussi à votre attestation de logement si vous l’avez.', sentAt: time.daysAgo(3, 7, 15), readAt: null },
  );
}

/** One access request answered, one rectification still within its month. */
function addRightsRequests(out: ContinuityRows, time: Timeline, stories: AccompanimentStory[], staff: DemoStaff): void {
  const closed = stories.find((story) => story.row.status === 'closed');
  const active = stories.find((story) => story.slot.fate === 'active');
  const person = (slot: PersonSlot | undefined) => {
    if (!slot) throw new Error('no person for the rights requests');
    return { organizationId: slot.person.organizationId, personId: slot.person.id, recordedBy: staff.coordinator };
  };
  const accessAt = time.daysAgo(40, 9, 30);
  const rectificationAt = time.daysAgo(5, 14, 0);
  out.rightsRequests.push(
    {
      ...person(closed?.slot),
      type: 'access',
      receivedAt: accessAt,
      identityCheck: 'Pièce d’identité présentée au local',
      dueAt: addMonth(accessAt),
      answeredAt: time.daysAgo(22, 10, 0),
      outcome: 'Copie du dossier remise en main propre au local.',
      version: 2,
    },
    {
      ...person(active?.slot),
      type: 'rectification',
      receivedAt: rectificationAt,
      identityCheck: 'Demande faite en entretien, personne connue de l’équipe',
      dueAt: addMonth(rectificationAt),
      version: 1,
    },
  );
}
