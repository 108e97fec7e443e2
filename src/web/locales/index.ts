import { account as accountFr } from './fr/account';
import { admin as adminFr } from './fr/admin';
import { auth as authFr } from './fr/auth';
import { common as commonFr } from './fr/common';
import { home as homeFr } from './fr/home';
import { persons as personsFr } from './fr/persons';
import { portal as portalFr } from './fr/portal';
import { publicRequest as publicRequestFr } from './fr/publicRequest';
import { requests as requestsFr } from './fr/requests';
import { accompaniments as accompanimentsFr } from './fr/accompaniments';
import { outreach as outreachFr } from './fr/outreach';
import { rights as rightsFr } from './fr/rights';
import { recoveryDocuments as recoveryDocumentsFr } from './fr/recoveryDocuments';
import { account as accountEn } from './en/account';
import { admin as adminEn } from './en/admin';
import { auth as authEn } from './en/auth';
import { common as commonEn } from './en/common';
import { home as homeEn } from './en/home';
import { persons as personsEn } from './en/persons';
import { portal as portalEn } from './en/portal';
import { publicRequest as publicRequestEn } from './en/publicRequest';
import { requests as requestsEn } from './en/requests';
import { accompaniments as accompanimentsEn } from './en/accompaniments';
import { outreach as outreachEn } from './en/outreach';
import { rights as rightsEn } from './en/rights';
import { recoveryDocuments as recoveryDocumentsEn } from './en/recoveryDocuments';

export const resources = {
  fr: { common: commonFr, auth: authFr, account: accountFr, home: homeFr, admin: adminFr, requests: requestsFr, persons: personsFr, publicRequest: publicRequestFr, portal: portalFr, accompaniments: accompanimentsFr, outreach: outreachFr, rights: rightsFr, recoveryDocuments: recoveryDocumentsFr },
  en: { common: commonEn, auth: authEn, account: accountEn, home: homeEn, admin: adminEn, requests: requestsEn, persons: personsEn, publicRequest: publicRequestEn, portal: portalEn, accompaniments: accompanimentsEn, outreach: outreachEn, rights: rightsEn, recoveryDocuments: recoveryDocumentsEn },
};

export type TMessages = (typeof resources)['fr'];
export const namespaces = ['common', 'auth', 'account', 'home', 'admin', 'requests', 'persons', 'publicRequest', 'portal', 'accompaniments', 'outreach', 'rights', 'recoveryDocuments'] as const;
