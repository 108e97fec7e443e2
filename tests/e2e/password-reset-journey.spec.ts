import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../scripts/demo/accounts';
import { launchBrowser, newPage } from './support/browser';
import { lookAt, signIn } from './support/journey';

const baseUrl = inject('baseUrl');
const admin = DEMO_ACCOUNTS.find((account) => account.email === 'admin@demo.passerelle.test');
const trainer = DEMO_ACCOUNTS.find((account) => account.email === 'trainer@demo.passerelle.test');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('a trainer who forgot their password', () => {
  it('asks for a link, the link reaches the outbox, and the new password works', async () => {
    if (!admin?.totpSecret || !trainer) throw new Error('demo accounts missing');
    const visitor = await newPage(browser);
    await visitor.page.goto(`${baseUrl}/connexion`);
    await visitor.page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await lookAt(visitor.page, 'forgot-password');
    await visitor.page.getByLabel(/^Adresse e-mail/).fill(trainer.email);
    await visitor.page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await visitor.page.getByText('Demande envoyée').waitFor();
    await lookAt(visitor.page, 'forgot-password-sent');

    // without SMTP the administrator reads the message in the outbox (the demo's mail box)
    const office = await newPage(browser);
    await signIn(office.page, baseUrl, admin.email, admin.totpSecret);
    await office.page.goto(`${baseUrl}/admin/messages`);
    await office.page.locator('main table a').first().click();
    const link = await office.page.locator('main a[href*="/reinitialiser-mot-de-passe?token="]').first().getAttribute('href');
    if (!link) throw new Error('no reset link in the outbox');
    await office.context.close();

    await visitor.page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await lookAt(visitor.page, 'reset-password');
    const password = 'un tout nouveau mot de passe';
    await visitor.page.getByLabel(/^Nouveau mot de passe/).fill(password);
    await visitor.page.getByLabel(/^Confirmez/).fill(password);
    await visitor.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await visitor.page.waitForURL(/connexion/);
    await signIn(visitor.page, baseUrl, trainer.email, null, password);
    await lookAt(visitor.page, 'home-trainer');
    await visitor.context.close();
  });
});
