import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../scripts/demo/accounts';
import { launchBrowser, newPage } from './support/browser';
import { lookAt, signIn } from './support/journey';

const baseUrl = inject('baseUrl');
const coordinator = DEMO_ACCOUNTS.find((account) => account.email === 'coordinator@demo.passerelle.test');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe('a person who wants support from a peer', () => {
  it('asks without an account, gets a reference, and a coordinator finds the request in the queue', async () => {
    if (!coordinator?.totpSecret) throw new Error('demo coordinator missing');
    // Words of their own, so this request is never taken for a resend of an earlier one.
    const hopes = `Parler avec quelqu’un qui est passé par là (${Date.now()}).`;

    const visitor = await newPage(browser);
    await visitor.page.goto(`${baseUrl}/connexion`);
    await visitor.page.getByRole('link', { name: 'Faire une demande, sans créer de compte' }).click();
    await visitor.page.getByRole('heading', { level: 1, name: 'Être accompagné·e par un pair' }).waitFor();
    await lookAt(visitor.page, 'public-request');

    // sending it empty lists every problem, each linked to its field
    await visitor.page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await visitor.page.getByRole('alert').filter({ hasText: 'points à corriger' }).waitFor();
    await lookAt(visitor.page, 'public-request-errors');

    await visitor.page.getByLabel(/^Votre prénom ou un pseudonyme/).fill('Maëlle');
    await visitor.page.getByLabel('Par téléphone').check();
    await visitor.page.getByLabel(/^Votre numéro de téléphone/).fill('06 12 34 56 78');
    await visitor.page.getByLabel(/^Département/).selectOption('05');
    await visitor.page.getByLabel(/^Commune/).fill('Gap');
    await visitor.page.getByLabel(/^Code INSEE/).fill('05061');
    await visitor.page.getByLabel(/^Ce que vous espérez/).fill(hopes);
    await visitor.page.getByLabel(/^J’accepte d’être recontacté/).check();
    await visitor.page.getByLabel(/^J’accepte que les informations/).check();
    await visitor.page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await visitor.page.getByRole('heading', { name: 'Votre demande est bien envoyée' }).waitFor();
    const reference = (await visitor.page.getByTestId('public-request-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^DEM-\d{4}-\d{6}$/);
    await lookAt(visitor.page, 'public-request-sent');
    await visitor.context.close();

    const office = await newPage(browser);
    await signIn(office.page, baseUrl, coordinator.email, coordinator.totpSecret);
    await office.page.getByRole('link', { name: 'Demandes', exact: true }).click();
    await office.page.getByRole('heading', { level: 1, name: 'Demandes' }).waitFor();
    await office.page.getByLabel('Statut').selectOption('new');
    await office.page.getByLabel('Origine').selectOption('public_form');
    await office.page.getByLabel('Département').selectOption('05');
    await office.page.getByRole('link', { name: reference }).waitFor();
    await lookAt(office.page, 'triage');
    await office.page.getByRole('link', { name: reference }).click();
    await office.page.getByRole('heading', { level: 1, name: `Demande ${reference}` }).waitFor();
    await office.page.getByText(hopes).waitFor();
    await lookAt(office.page, 'request-detail');
    await office.context.close();
  });
});
