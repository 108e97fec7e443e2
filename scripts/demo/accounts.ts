import type { Role } from '../../src/server/platform/access/actor';

/** Everything here is fictional: names, addresses (reserved `.test` domain), secrets. */
export const DEMO_ORGANIZATION = { slug: 'ptpr-paca', name: "PTPR Provence-Alpes-Côte d'Azur", region: 'PACA' };

/** One password for every demo account, so a visitor can try each role. */
export const DEMO_PASSWORD = 'Passerelle-demo-2026';

export type DemoAccount = {
  email: string;
  name: string;
  roles: Role[];
  isPlatformAdmin: boolean;
  /**
   * Base32 TOTP secret (public on purpose, add it to an authenticator app) for the roles that must
   * use 2FA; null otherwise. Each decodes to 20 ASCII characters, the form better-auth itself stores.
   */
  totpSecret: string | null;
  password: string;
};

const account = (fields: Omit<DemoAccount, 'password' | 'isPlatformAdmin'> & { isPlatformAdmin?: boolean }): DemoAccount => ({
  isPlatformAdmin: false,
  ...fields,
  password: DEMO_PASSWORD,
});

export const DEMO_PLATFORM_ADMIN = account({
  email: 'platform-admin@demo.passerelle.test',
  name: 'Claire Fontaine',
  roles: ['admin'],
  isPlatformAdmin: true,
  totpSecret: 'KZUDEVKYLBTXMQRRNNHEG5JXJM4FGZ2F',
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  DEMO_PLATFORM_ADMIN,
  account({
    email: 'admin@demo.passerelle.test',
    name: 'Hélène Marchetti',
    roles: ['admin'],
    totpSecret: 'J55HOODUPBZE23DOLFBEM3TUKFWGQ4SE',
  }),
  account({
    email: 'coordinator@demo.passerelle.test',
    name: 'Karim Belkacem',
    roles: ['coordinator'],
    totpSecret: 'PA4UE2TSNNGXC4KPHBWGKS3MJZVWW6DW',
  }),
  account({
    email: 'peer-worker@demo.passerelle.test',
    name: 'Sophie Aubert',
    roles: ['peer_worker'],
    totpSecret: 'GJJG44SSGRZXIMKOHBTGGZDYJRLUMZRT',
  }),
  account({
    email: 'supervisor@demo.passerelle.test',
    name: 'Martine Giraud',
    roles: ['supervisor'],
    totpSecret: 'NVRXMNSGJZ3G2MDOI5ZGYZDJJ5GVQ3KQ',
  }),
  account({
    email: 'volunteer@demo.passerelle.test',
    name: 'Julien Rossi',
    roles: ['volunteer'],
    totpSecret: null,
  }),
  account({
    email: 'trainer@demo.passerelle.test',
    name: 'Yannick Le Goff',
    roles: ['trainer'],
    totpSecret: null,
  }),
  account({
    email: 'partner-contact@demo.passerelle.test',
    name: 'Amandine Roux',
    roles: ['partner_contact'],
    totpSecret: null,
  }),
  account({
    email: 'person@demo.passerelle.test',
    name: 'Lucas Morel',
    roles: ['person'],
    totpSecret: null,
  }),
  account({
    email: 'funder-viewer@demo.passerelle.test',
    name: 'Nathalie Vidal',
    roles: ['funder_viewer'],
    totpSecret: null,
  }),
];

export function findDemoAccount(email: string): DemoAccount | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_ACCOUNTS.find((entry) => entry.email === wanted);
}
