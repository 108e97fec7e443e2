import { account as accountFr } from './fr/account';
import { admin as adminFr } from './fr/admin';
import { auth as authFr } from './fr/auth';
import { common as commonFr } from './fr/common';
import { home as homeFr } from './fr/home';
import { account as accountEn } from './en/account';
import { admin as adminEn } from './en/admin';
import { auth as authEn } from './en/auth';
import { common as commonEn } from './en/common';
import { home as homeEn } from './en/home';

export const resources = {
  fr: { common: commonFr, auth: authFr, account: accountFr, home: homeFr, admin: adminFr },
  en: { common: commonEn, auth: authEn, account: accountEn, home: homeEn, admin: adminEn },
};

export type TMessages = (typeof resources)['fr'];
export const namespaces = ['common', 'auth', 'account', 'home', 'admin'] as const;
