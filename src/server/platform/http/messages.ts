/** Titles and details of problem responses, French first. */
export const messages = {
  fr: {
    validation: 'Certaines informations sont manquantes ou invalides.',
    malformedJson: 'Le corps de la requête n’est pas un JSON valide.',
    unsupportedMediaType: 'Format de requête non pris en charge : envoyez du JSON.',
    unauthorized: 'Vous devez vous connecter.',
    forbidden: 'Vous n’avez pas accès à cette action.',
    notFound: 'Élément introuvable.',
    routeNotFound: 'Cette adresse n’existe pas.',
    conflict: 'Cet élément a été modifié entre-temps : rechargez-le avant d’enregistrer.',
    payloadTooLarge: 'La requête est trop volumineuse (1 Mo au maximum).',
    tooManyRequests: 'Trop de tentatives. Réessayez un peu plus tard.',
    loginTooManyAttempts: 'Trop de tentatives de connexion pour ce compte. Réessayez dans 15 minutes.',
    invalidCredentials: 'Adresse e-mail ou mot de passe incorrect.',
    invalidTotp: 'Code de vérification incorrect.',
    totpRequired: 'Saisissez le code de votre application d’authentification.',
    enrolmentRequired: 'Activez la double authentification pour continuer.',
    invalidToken: 'Ce lien n’est plus valide. Demandez-en un nouveau.',
    wrongPassword: 'Mot de passe actuel incorrect.',
    invalidRecoveryCode: 'Code de secours incorrect ou déjà utilisé.',
    twoFactorAlreadyEnabled: 'La double authentification est déjà activée sur ce compte.',
    twoFactorSetupMissing: 'Commencez par configurer la double authentification.',
    emailTaken: 'Un compte existe déjà avec cette adresse e-mail.',
    csrf: 'Requête refusée : jeton anti-falsification manquant ou invalide.',
    accountInactive: 'Ce compte est désactivé.',
    lastAdmin: 'Il doit rester au moins un administrateur actif.',
    slugTaken: 'Cet identifiant d’organisation est déjà utilisé.',
    invitationAccepted: 'Cette invitation a déjà été acceptée : elle ne peut plus être révoquée.',
    cannotDeactivateSelf: 'Vous ne pouvez pas désactiver votre propre compte.',
    internal: 'Une erreur inattendue s’est produite. Elle a été enregistrée.',
  },
  en: {
    validation: 'Some information is missing or invalid.',
    malformedJson: 'The request body is not valid JSON.',
    unsupportedMediaType: 'Unsupported request format: send JSON.',
    unauthorized: 'You need to sign in.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'Not found.',
    routeNotFound: 'This address does not exist.',
    conflict: 'This item was changed in the meantime: reload it before saving.',
    payloadTooLarge: 'The request is too large (1 MB at most).',
    tooManyRequests: 'Too many attempts. Try again a little later.',
    loginTooManyAttempts: 'Too many sign-in attempts for this account. Try again in 15 minutes.',
    invalidCredentials: 'Incorrect email address or password.',
    invalidTotp: 'Incorrect verification code.',
    totpRequired: 'Enter the code from your authenticator app.',
    enrolmentRequired: 'Turn on two-factor authentication to continue.',
    invalidToken: 'This link is no longer valid. Ask for a new one.',
    wrongPassword: 'Current password is incorrect.',
    invalidRecoveryCode: 'Incorrect or already used recovery code.',
    twoFactorAlreadyEnabled: 'Two-factor authentication is already on for this account.',
    twoFactorSetupMissing: 'Set up two-factor authentication first.',
    emailTaken: 'An account already exists with this email address.',
    csrf: 'Request refused: missing or invalid anti-forgery token.',
    accountInactive: 'This account is disabled.',
    lastAdmin: 'At least one active administrator must remain.',
    slugTaken: 'This organisation identifier is already in use.',
    invitationAccepted: 'This invitation has already been accepted: it can no longer be revoked.',
    cannotDeactivateSelf: 'You cannot deactivate your own account.',
    internal: 'An unexpected error occurred. It has been logged.',
  },
} as const satisfies Record<'fr' | 'en', Record<string, string>>;

export type Locale = keyof typeof messages;

/** French unless the request asks for English first. */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'fr';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
