import type { publicRequest as fr } from '../fr/publicRequest';

export const publicRequest: typeof fr = {
  title: 'Get support from a peer',
  intro:
    'A peer is someone who has been through mental health difficulties themselves and is trained to support others. They can listen, help you see more clearly and walk alongside you, at your own pace.',
  free: 'It is free, with no commitment, and you can stop whenever you wish. Leave us a few words: someone from the team will get back to you.',
  emergencyTitle: 'Need help right now?',
  emergency:
    'This form is not for emergencies. If you are in danger or thinking about suicide, call 3114 (day and night, free) or 15.',
  requiredHint: 'Fields marked with an asterisk (*) are required. Everything else is optional.',
  sections: {
    you: 'You',
    contact: 'How to reach you',
    territory: 'Where you live',
    hopes: 'What you hope for',
    consents: 'Your agreement',
  },
  form: {
    firstName: 'Your first name or a pseudonym',
    firstNameHint: 'Just enough to call you by. No need for your surname.',
    contactMethod: 'How would you like us to get back to you?',
    contactMethods: {
      phone: 'By phone',
      email: 'By email',
      through_partner: 'Through an organisation that supports me',
    },
    phone: 'Your phone number',
    phoneHint: 'For example 06 12 34 56 78.',
    phoneInvalid: 'This number does not look valid. For example: 06 12 34 56 78.',
    email: 'Your email address',
    emailHint: 'You will receive an acknowledgement at this address.',
    partnerName: 'Name of the organisation',
    partnerNameHint: 'For example: your local mental health centre (CMP), a mutual aid group (GEM), social services, an association…',
    hopes: 'What you hope for, in your own words',
    hopesHint:
      'What brings you here, what you would like a peer to bring you. A few lines are enough; you do not have to tell everything.',
    preferredTimes: 'When we can reach you',
    preferredTimesHint: 'For example: weekdays after 5 pm, Saturday mornings.',
    consentsLegend: 'We need your agreement to be able to get back to you.',
    consentToBeContacted: 'I agree to be contacted by the team of the peer support platform, the way I chose.',
    consentToDataProcessing:
      'I agree that the information in this form is recorded to handle my request. It stays confidential, is seen only by the team, and I can ask to see it or have it erased at any time.',
    consentRequired: 'Tick this box so that we can get back to you.',
    contactMethodRequired: 'Choose how you would like us to get back to you.',
    website: 'Do not fill in this field',
    submit: 'Send my request',
  },
  summaryLabels: {
    contactMethod: 'Way of contact',
    consentToBeContacted: 'Agreement to be contacted',
    consentToDataProcessing: 'Agreement to the recording of information',
  },
  summary: {
    title_one: '{{count}} thing left to fix',
    title_other: '{{count}} things left to fix',
    item: '{{label}}: {{message}}',
    intro: 'Choose a line to go straight to the field.',
  },
  done: {
    title: 'Your request has been sent',
    reference: 'Your request number',
    keepIt: 'Keep this number: it lets the team find your request if you contact them.',
    nextTitle: 'What happens next?',
    acknowledgement: 'An acknowledgement has just been sent to your email address. Remember to check your spam folder.',
    another: 'Make another request',
  },
  unknownOrganization:
    'This form does not match any platform. The link may be incomplete: ask the organisation that gave it to you.',
  loginInvite: {
    question: 'Would you like support from a peer?',
    link: 'Make a request, without an account',
  },
  backToLogin: 'Do you have an account? Sign in',
};
