import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../scripts/demo/accounts';
import { launchBrowser, newPage } from './support/browser';
import { lookAt, signIn, signOut, totp } from './support/journey';

const baseUrl = inject('baseUrl');
const admin = DEMO_ACCOUNTS.find((account) => account.email === 'admin@demo.passerelle.test');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('an invited coordinator', () => {
  it('is invited by the admin, accepts through the outbox link, and must enrol in 2FA before anything else', async () => {
    if (!admin?.totpSecret) throw new Error('demo admin missing');
    const { context, page } = await newPage(browser);
    await signIn(page, baseUrl, admin.email, admin.totpSecret);

    const email = `ines.${Date.now()}@demo.passerelle.test`;
    await page.goto(`${baseUrl}/admin/invitations`);
    await page.getByLabel(/^Nom et prénom/).fill('Inès Coordination');
    await page.getByLabel(/^Adresse e-mail/).fill(email);
    await page.getByLabel('Coordinateur·rice').check();
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText(`Invitation envoyée à ${email}`).waitFor();

    await page.goto(`${baseUrl}/admin/messages`);
    await page.locator('main table a').first().click();
    await page.getByText('Contenu du message').waitFor();
    await lookAt(page, 'outbox-message');
    const link = await page.locator('main a[href*="/invitation?token="]').first().getAttribute('href');
    if (!link) throw new Error('no invitation link in the message');
    await signOut(page);

    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await page.getByText('Bonjour Inès Coordination').waitFor();
    await lookAt(page, 'invitation');
    const password = 'une phrase de passe solide';
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByLabel(/^Confirmez/).fill(password);
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByText('Votre compte est prêt').waitFor();

    await page.getByLabel(/^Adresse e-mail/).fill(email);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // a coordinator reads health data: enrolment comes first
    await page.waitForURL(/double-authentification/);
    await lookAt(page, 'enrol-password');
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByText('Étape 2').waitFor();
    await lookAt(page, 'enrol-scan');
    const uri = await page.getByLabel('Adresse complète (otpauth)').inputValue();
    const secret = new URL(uri).searchParams.get('secret');
    if (!secret) throw new Error('no secret in the otpauth URI');
    await page.getByLabel(/^Code à 6 chiffres/).fill(totp(secret));
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await page.getByText('Étape 3').waitFor();
    await lookAt(page, 'enrol-recovery-codes');
    await page.getByLabel('J’ai mis mes codes en lieu sûr').check();
    await page.getByRole('button', { name: 'Continuer vers Passerelle' }).click();
    await page.getByRole('heading', { level: 1, name: /Bonjour Inès/ }).waitFor();
    await lookAt(page, 'home-coordinator');
    await context.close();
  });
});
