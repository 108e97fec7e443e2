import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PLATFORM_ADMIN } from '../../scripts/demo/accounts';
import { launchBrowser, newPage } from './support/browser';
import { lookAt, signIn } from './support/journey';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('the platform administrator', () => {
  it('signs in with 2FA, visits every page and gives a user a second role', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/connexion`);
    await lookAt(page, 'login');
    await signIn(page, baseUrl, DEMO_PLATFORM_ADMIN.email, DEMO_PLATFORM_ADMIN.totpSecret);
    await lookAt(page, 'home-admin');

    for (const [name, path, marker] of [
      ['users', '/admin/utilisateurs', 'Hélène Marchetti'],
      ['invitations', '/admin/invitations', 'Invitations envoyées'],
      ['audit', '/admin/journal', 'Date et heure'],
      ['outbox', '/admin/messages', 'Messages sortants'],
      ['organizations', '/admin/organisations', 'ptpr-paca'],
      ['account', '/mon-compte', 'Changer de mot de passe'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText(marker).first().waitFor();
      await lookAt(page, name);
    }

    // gives an existing user a second role
    await page.goto(`${baseUrl}/admin/utilisateurs`);
    await page.getByRole('link', { name: 'Julien Rossi' }).click();
    await page.getByLabel(/^Nom/).waitFor();
    await page.getByLabel('Formateur·rice').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await lookAt(page, 'user-detail');
    await page.goto(`${baseUrl}/admin/utilisateurs?role=trainer`);
    await expect.poll(() => page.getByRole('link', { name: 'Julien Rossi' }).count()).toBe(1);

    // the audit shows who changed what
    await page.goto(`${baseUrl}/admin/journal`);
    await page.getByText('user.updated').first().waitFor();
    await context.close();
  });
});
