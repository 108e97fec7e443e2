import type { Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { DEMO_PASSWORD } from '../../../scripts/demo/accounts';
import { DESKTOP, PHONE, expectAccessible, screenshot } from './browser';

export const totp = (secret: string) => new TOTP({ secret, digits: 6, period: 30 }).generate();

/** Signs in through the login page, with the TOTP step when the account has 2FA. */
export async function signIn(page: Page, baseUrl: string, email: string, secret: string | null, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (secret) {
    await page.getByLabel(/^Code à 6 chiffres/).fill(totp(secret));
    await page.getByRole('button', { name: 'Valider' }).click();
  }
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Menu du compte/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.getByText('Vous êtes déconnecté').waitFor();
}

/**
 * Looks at the page as a person would, on a desktop then on a phone: axe finds nothing at either
 * width, nothing scrolls sideways, and a screenshot of each is kept.
 */
export async function lookAt(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  for (const [label, viewport] of [['1280', DESKTOP], ['360', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) throw new Error(`${name} scrolls sideways by ${overflow}px at ${label}px`);
    await screenshot(page, `${name}-${label}`);
  }
  await page.setViewportSize(DESKTOP);
}
