import type { TOutreachChannel, TOutreachResult } from '../../../shared/accompaniments';
import type { TOutreachSuggestion } from '../../../shared/continuity';
import type { Locale } from '../../platform/http/messages';

export type SuggestionInput = {
  open: boolean;
  allowedChannels: readonly TOutreachChannel[];
  preferredContactName: string | null;
  doNotContact: boolean;
  recontactConsent: boolean;
  /** Oldest first. */
  attempts: readonly { channel: TOutreachChannel; result: TOutreachResult }[];
  maxAttempts: number;
};

/** VigilanS order (DOMAIN §10.2): call first, then written messages, then a visit; a third party last. */
type DirectChannel = Exclude<TOutreachChannel, 'through_partner' | 'through_relative'>;
const DIRECT_ORDER: readonly DirectChannel[] = ['phone', 'sms', 'email', 'letter', 'home_visit'];
const THROUGH_SOMEONE: readonly TOutreachChannel[] = ['through_partner', 'through_relative'];

const LABELS = {
  fr: {
    phone: 'Appeler la personne au téléphone (moyen qu’elle a autorisé).',
    sms: 'Envoyer un SMS bienveillant, sans détail personnel (moyen qu’elle a autorisé).',
    email: 'Envoyer un e-mail bienveillant, sans détail personnel (moyen qu’elle a autorisé).',
    letter: 'Envoyer un courrier simple (moyen qu’elle a autorisé).',
    home_visit: 'Proposer une visite à domicile, à deux si possible (moyen qu’elle a autorisé).',
    through_partner: (name: string) => `Contacter ${name}, le partenaire désigné par la personne, uniquement pour lui transmettre notre message.`,
    through_relative: (name: string) => `Contacter ${name}, le proche désigné par la personne, uniquement pour lui transmettre notre message.`,
    someone: 'la personne désignée',
    openDoorLetter: 'Envoyer le courrier « porte ouverte » : nous restons disponibles si la personne souhaite reprendre contact.',
    closeUnreachable: 'Nombre maximal de tentatives atteint : clore comme injoignable, en laissant la porte ouverte.',
    closeReestablished: 'Le contact est rétabli : clore la situation et reprendre l’accompagnement.',
    closeDeclined: 'La personne ne souhaite pas reprendre : clore avec bienveillance, en laissant la porte ouverte.',
    noConsent: 'Aucun accord de recontact en vigueur : ne pas contacter la personne ; vérifier avec l’équipe ce qu’elle a accepté.',
    noChannel: 'Aucun moyen de contact autorisé n’est enregistré : ne pas contacter la personne ; vérifier ses souhaits avec l’équipe.',
  },
  en: {
    phone: 'Call the person (a channel they allowed).',
    sms: 'Send a kind text message, with no personal detail (a channel they allowed).',
    email: 'Send a kind email, with no personal detail (a channel they allowed).',
    letter: 'Send a plain letter (a channel they allowed).',
    home_visit: 'Offer a home visit, in pairs if possible (a channel they allowed).',
    through_partner: (name: string) => `Contact ${name}, the partner the person named, only to pass on our message.`,
    through_relative: (name: string) => `Contact ${name}, the relative the person named, only to pass on our message.`,
    someone: 'the named person',
    openDoorLetter: 'Send the "open door" letter: we remain available if the person wishes to get back in touch.',
    closeUnreachable: 'Maximum number of attempts reached: close as unreachable, leaving the door open.',
    closeReestablished: 'Contact is re-established: close the case and resume the accompaniment.',
    closeDeclined: 'The person does not wish to resume: close kindly, leaving the door open.',
    noConsent: 'No consent to be re-contacted in force: do not contact the person; check with the team what they agreed to.',
    noChannel: 'No allowed channel is recorded: do not contact the person; check their wishes with the team.',
  },
} as const;

/**
 * What to do next on an open case, from the person's own choices (DOMAIN §10.2): only channels they
 * allowed, the named partner or relative only if they allowed it, no channel that already failed
 * for good (wrong number, returned mail), the "porte ouverte" letter after the last attempt. When
 * the person asked not to be contacted, nothing at all: not even a suggestion to check.
 */
export function suggestNextSteps(input: SuggestionInput, locale: Locale): TOutreachSuggestion[] {
  const text = LABELS[locale];
  if (!input.open || input.doNotContact) return [];
  if (!input.recontactConsent) return [{ code: 'check_preferences', channel: null, label: text.noConsent }];
  if (input.allowedChannels.length === 0) return [{ code: 'check_preferences', channel: null, label: text.noChannel }];

  const last = input.attempts.at(-1);
  if (last?.result === 'reached') return [{ code: 'close_contact_reestablished', channel: null, label: text.closeReestablished }];
  if (last?.result === 'declined') return [{ code: 'close_person_declined', channel: null, label: text.closeDeclined }];

  const failedForGood = new Set<TOutreachChannel>();
  for (const attempt of input.attempts) {
    if (attempt.result === 'wrong_number') failedForGood.add('phone').add('sms');
    if (attempt.result === 'returned_mail') failedForGood.add('letter');
  }
  const usable = (channel: TOutreachChannel) => input.allowedChannels.includes(channel) && !failedForGood.has(channel);

  if (input.attempts.length >= input.maxAttempts) {
    const closing: TOutreachSuggestion[] = [];
    if (usable('letter')) closing.push({ code: 'open_door_letter', channel: 'letter', label: text.openDoorLetter });
    closing.push({ code: 'close_unreachable', channel: null, label: text.closeUnreachable });
    return closing;
  }

  const suggestions: TOutreachSuggestion[] = DIRECT_ORDER.filter(usable).map((channel) => ({
    code: 'contact_on_channel',
    channel,
    label: text[channel],
  }));
  const name = input.preferredContactName ?? text.someone;
  for (const channel of THROUGH_SOMEONE.filter(usable)) {
    const label = channel === 'through_partner' ? text.through_partner(name) : text.through_relative(name);
    suggestions.push({ code: 'contact_through_named_person', channel, label });
  }
  return suggestions;
}
