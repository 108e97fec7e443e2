import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../scripts/demo/accounts';
import { launchBrowser, newPage } from './support/browser';
import { lookAt, signIn } from './support/journey';

/**
 * Issue #4 from end to end: a public request becomes an accompaniment, contact is lost, the team
 * re-establishes it within what the person accepted, and the person reads on their own space the
 * note shared with them. Each step runs in its own browser context, one per person at the screen.
 */

const baseUrl = inject('baseUrl');
const PHONE_SCREEN = { width: 360, height: 800 };
const STEP_TIMEOUT = 180_000;

function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((entry) => entry.email === email);
  if (!account) throw new Error(`demo account ${email} missing`);
  return account;
}
const coordinator = demoAccount('coordinator@demo.passerelle.test');
const peerWorker = demoAccount('peer-worker@demo.passerelle.test');
const admin = demoAccount('admin@demo.passerelle.test');

/** Letters only, so the first name reads as a name and is found by the queues' text. */
function uniqueLetters(): string {
  return Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
    .join('');
}

/** The `datetime-local` value (Paris wall-clock time, as the form reads it) of a day `days` ago. */
function parisLocalDaysAgo(days: number): string {
  const when = new Date(Date.now() - days * 24 * 3600 * 1000);
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(when);
  return parts.replace(' ', 'T');
}

const stamp = uniqueLetters();
const firstName = `Maëlys ${stamp.charAt(0).toUpperCase()}${stamp.slice(1)}`;
const email = `e2e-${Date.now()}@example.org`;
const hopes = `Retrouver confiance pour sortir de chez moi (${stamp}).`;
const goal = `Aller au marché le samedi avec quelqu’un (${stamp})`;
const sharedNote = `Nous avons parlé du marché de samedi ; vous avez envie d’essayer (${stamp}).`;
const DEPARTEMENT = '04';

// Filled in by the steps, read by the following ones (the steps run in order, in one file).
const journey = { reference: '', requestId: '', accompanimentId: '', personId: '' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function signedIn(account: DemoAccount, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const session = await newPage(browser, viewport);
  await signIn(session.page, baseUrl, account.email, account.totpSecret);
  return session;
}

const idFromUrl = (page: Page, prefix: string) => new URL(page.url()).pathname.replace(`${prefix}/`, '');

describe('an accompaniment from the first request to the person’s own space', () => {
  it('a visitor asks for support, to be contacted by e-mail, and gets a reference', { timeout: STEP_TIMEOUT }, async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/etre-accompagne`);
    await page.getByRole('heading', { level: 1, name: 'Être accompagné·e par un pair' }).waitFor();
    await page.getByLabel(/^Votre prénom ou un pseudonyme/).fill(firstName);
    await page.getByLabel('Par e-mail').check();
    await page.getByLabel(/^Votre adresse e-mail/).fill(email);
    await page.getByLabel(/^Département/).selectOption(DEPARTEMENT);
    await page.getByLabel(/^Commune/).fill('Digne-les-Bains');
    await page.getByLabel(/^Code INSEE/).fill('04070');
    await page.getByLabel(/^Ce que vous espérez/).fill(hopes);
    await page.getByLabel(/^J’accepte d’être recontacté/).check();
    await page.getByLabel(/^J’accepte que les informations/).check();
    await lookAt(page, 'accompaniment-journey-01-public-form');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('heading', { name: 'Votre demande est bien envoyée' }).waitFor();
    journey.reference = (await page.getByTestId('public-request-reference').textContent())?.trim() ?? '';
    expect(journey.reference).toMatch(/^DEM-\d{4}-\d{6}$/);
    await lookAt(page, 'accompaniment-journey-02-public-sent');
    await context.close();
  });

  it('the coordinator contacts the person, opens the accompaniment with Sophie Aubert, records the re-contact consent and wishes', { timeout: STEP_TIMEOUT }, async () => {
    const { context, page } = await signedIn(coordinator);
    await page.getByRole('link', { name: 'Demandes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Demandes' }).waitFor();
    await page.getByLabel('Statut').selectOption('new');
    await page.getByLabel('Origine').selectOption('public_form');
    await page.getByLabel('Département').selectOption(DEPARTEMENT);
    await page.getByRole('link', { name: journey.reference }).waitFor();
    await lookAt(page, 'accompaniment-journey-03-triage');
    await page.getByRole('link', { name: journey.reference }).click();
    await page.getByRole('heading', { level: 1, name: `Demande ${journey.reference}` }).waitFor();
    await page.getByText(hopes).waitFor();
    journey.requestId = idFromUrl(page, '/demandes');

    await page.getByLabel('Contactée : un premier échange a eu lieu').check();
    await page.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await page.getByText('Statut enregistré.').waitFor();
    await lookAt(page, 'accompaniment-journey-04-request-contacted');

    await page.getByRole('link', { name: 'Ouvrir un accompagnement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ouvrir un accompagnement' }).waitFor();
    await page.getByText(`À partir de la demande ${journey.reference}`).waitFor();
    const openForm = page.getByRole('form', { name: 'Ouvrir un accompagnement' });
    await openForm.getByText(firstName, { exact: true }).waitFor();
    await openForm.getByRole('checkbox', { name: 'Sophie Aubert', exact: true }).check();
    await openForm.getByRole('textbox', { name: 'Objectif 1' }).fill(goal);
    await lookAt(page, 'accompaniment-journey-05-open');
    await openForm.getByRole('button', { name: 'Ouvrir l’accompagnement' }).click();
    await page.getByRole('heading', { level: 1, name: `Accompagnement de ${firstName}` }).waitFor();
    await page.getByText('L’accompagnement est ouvert.').waitFor();
    await page.getByText(goal).waitFor();
    journey.accompanimentId = idFromUrl(page, '/accompagnements');
    await lookAt(page, 'accompaniment-journey-06-accompaniment-opened');

    await page.getByRole('link', { name: `Voir la fiche de ${firstName}` }).click();
    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    journey.personId = idFromUrl(page, '/personnes');

    // The re-contact consent is what allows any outreach at all (DOMAIN §10.2).
    await page.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    const consentForm = page.getByRole('form', { name: 'Nouveau consentement' });
    await consentForm.getByLabel(/^Objet/).selectOption('recontact');
    await consentForm.getByLabel(/^Manière de recueillir l’accord/).selectOption('oral_recorded');
    await consentForm.getByLabel(/^Version du texte présenté/).fill('recontact-v1');
    await lookAt(page, 'accompaniment-journey-07-consent-form');
    await consentForm.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await page.getByText('Consentement enregistré.').waitFor();
    await page.getByRole('table', { name: 'Consentements de la personne' }).getByText('Être recontacté·e après une perte de contact').waitFor();

    // The person gave only an e-mail address: that is the channel they allow.
    await page.getByRole('button', { name: 'Noter ses souhaits' }).click();
    const wishesForm = page.getByRole('form', { name: 'Souhaits de la personne si le contact se perd' });
    await wishesForm.getByRole('checkbox', { name: 'E-mail' }).check();
    await wishesForm.getByLabel(/^Ses souhaits/).fill('Un e-mail court, sans insister.');
    await wishesForm.getByRole('button', { name: 'Enregistrer ses souhaits' }).click();
    await page.getByText('Les souhaits de la personne sont enregistrés.').waitFor();
    await lookAt(page, 'accompaniment-journey-08-person-record');
    await context.close();
  });

  it('the peer worker, on a phone, logs an intervention 40 days ago and writes a note shared with the person', { timeout: STEP_TIMEOUT }, async () => {
    const { context, page } = await signedIn(peerWorker, PHONE_SCREEN);
    await page.setViewportSize(PHONE_SCREEN);
    await page.goto(`${baseUrl}/accompagnements`);
    await page.getByRole('heading', { level: 1, name: 'Mes accompagnements' }).waitFor();
    await page.getByRole('link', { name: firstName, exact: true }).waitFor();
    await lookAt(page, 'accompaniment-journey-09-my-accompaniments');
    await page.setViewportSize(PHONE_SCREEN);
    await page.getByRole('link', { name: firstName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Accompagnement de ${firstName}` }).waitFor();

    // This is how time moves on in the test: the only contact ever logged is 40 days old, beyond the
    // 30 days without contact after which the detection suspects a rupture.
    const interventionForm = page.getByRole('form', { name: 'Nouvelle intervention' });
    await interventionForm.getByLabel(/^Date et heure/).fill(parisLocalDaysAgo(40));
    await interventionForm.getByRole('textbox', { name: 'Durée (en minutes)' }).fill('45');
    await interventionForm.getByRole('radio', { name: 'Entretien' }).check();
    await interventionForm.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
    await page.getByText(/^Intervention enregistrée : Entretien/).waitFor();

    await page.getByRole('button', { name: 'Écrire une note' }).click();
    const noteForm = page.getByRole('form', { name: 'Nouvelle note' });
    await noteForm.getByLabel(/^Texte de la note/).fill(sharedNote);
    await noteForm.getByRole('radio', { name: 'Partagée avec la personne' }).check();
    await noteForm.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText('Note enregistrée.').waitFor();
    await page.getByText(sharedNote).waitFor();
    await lookAt(page, 'accompaniment-journey-10-peer-accompaniment');
    await context.close();
  });

  it('the coordinator finds the lost contact, reaches the person by e-mail and the accompaniment resumes', { timeout: STEP_TIMEOUT }, async () => {
    const { context, page } = await signedIn(coordinator);
    await page.goto(`${baseUrl}/reprise-de-contact`);
    await page.getByRole('heading', { level: 1, name: 'Reprise de contact' }).waitFor();
    await page.getByRole('button', { name: 'Repérer les pertes de contact maintenant' }).click();
    await page.getByText(/nouvelles? situations? repérées?\./).waitFor();
    await page.getByLabel('Département').selectOption(DEPARTEMENT);
    await page.getByLabel('Signal').selectOption('no_contact');
    // Oldest cases first: the one just flagged may be on a later page.
    const act = page.getByRole('link', { name: `Noter une tentative ou clore pour ${firstName}` });
    await page.getByRole('status').filter({ hasText: /situations?$/ }).waitFor();
    // The queue refetches after the detection: give it time before looking on later pages.
    await act.waitFor({ timeout: 10_000 }).catch(() => undefined);
    while (!(await act.isVisible())) {
      const next = page.getByRole('button', { name: 'Page suivante' });
      if (!(await next.isVisible()) || (await next.isDisabled())) throw new Error(`no outreach case for ${firstName}`);
      await next.click();
      await page.waitForLoadState('networkidle');
    }
    await lookAt(page, 'accompaniment-journey-11-outreach-queue');
    await act.click();
    await page.getByRole('heading', { level: 1, name: `Reprise de contact avec ${firstName}` }).waitFor();
    await lookAt(page, 'accompaniment-journey-12-outreach-case');

    const attemptForm = page.getByRole('form', { name: 'Nouvelle tentative de contact' });
    // Only the channel the person allowed is offered.
    expect(await attemptForm.getByRole('radio').count()).toBe(1);
    await attemptForm.getByRole('radio', { name: 'E-mail' }).check();
    await attemptForm.getByLabel(/^Résultat/).selectOption('reached');
    await attemptForm.getByRole('button', { name: 'Enregistrer la tentative' }).click();
    await page.getByText('Tentative enregistrée.').waitFor();
    await page.getByText('E-mail — Personne jointe').waitFor();

    const closeForm = page.getByRole('form', { name: 'Issue de la reprise de contact' });
    await closeForm.getByRole('radio', { name: 'Contact rétabli' }).check();
    await closeForm.getByRole('button', { name: 'Clore la situation…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clore la situation ?' });
    await dialog.getByText(`Le contact avec ${firstName} est rétabli`).waitFor();
    await dialog.getByRole('button', { name: 'Clore la situation' }).click();
    await page.getByText('Situation close : Contact rétabli').waitFor();
    await lookAt(page, 'accompaniment-journey-13-outreach-closed');

    await page.getByRole('link', { name: `Voir l’accompagnement de ${firstName}` }).click();
    const title = page.getByRole('heading', { level: 1, name: `Accompagnement de ${firstName}` });
    await title.waitFor();
    await expect.poll(() => title.locator('xpath=following-sibling::*[1]').textContent()).toBe('En cours');
    await lookAt(page, 'accompaniment-journey-14-accompaniment-active');
    await context.close();
  });

  it('the person is invited to their space, sets a password and reads the note shared with them', { timeout: STEP_TIMEOUT }, async () => {
    const office = await signedIn(coordinator);
    await office.page.goto(`${baseUrl}/personnes/${journey.personId}`);
    await office.page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    const access = office.page.getByRole('region', { name: 'Espace personnel' });
    await access.getByText('La personne n’a pas encore d’espace personnel.').waitFor();
    await access.getByRole('button', { name: 'Inviter sur son espace personnel' }).click();
    await access.getByText(`Invitation envoyée à ${email}.`).waitFor();
    await lookAt(office.page, 'accompaniment-journey-15-portal-invited');
    await office.context.close();

    // No mail server in the test: the admin reads the link in the outbox, newest message first.
    const outbox = await signedIn(admin);
    await outbox.page.goto(`${baseUrl}/admin/messages`);
    await outbox.page.getByRole('heading', { level: 1, name: 'Messages sortants' }).waitFor();
    await outbox.page.getByRole('row').filter({ hasText: email }).first().getByRole('link').click();
    await outbox.page.getByText('Contenu du message').waitFor();
    await lookAt(outbox.page, 'accompaniment-journey-16-outbox-invitation');
    const link = await outbox.page.locator('main a[href*="/invitation?token="]').first().getAttribute('href');
    if (!link) throw new Error('no invitation link in the message');
    await outbox.context.close();

    const { context, page } = await newPage(browser);
    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await page.getByLabel(/^Mot de passe/).waitFor();
    await lookAt(page, 'accompaniment-journey-17-invitation');
    const password = 'une phrase de passe bien à moi';
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByLabel(/^Confirmez/).fill(password);
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByText('Votre compte est prêt').waitFor();

    // Two-factor authentication is optional for persons: straight to their space.
    await page.getByLabel(/^Adresse e-mail/).fill(email);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
    if (!new URL(page.url()).pathname.startsWith('/mon-espace')) await page.goto(`${baseUrl}/mon-espace`);
    await page.getByRole('heading', { level: 1, name: `Bonjour ${firstName}` }).waitFor();
    await page.getByRole('heading', { name: 'Mes notes partagées' }).waitFor();
    await page.getByText(sharedNote).waitFor();
    await lookAt(page, 'accompaniment-journey-18-portal-home');
    await context.close();
  });
});
