/**
 * `npm run demo:totp -- <email>`: the current 6-digit code of a demo account, for visitors who
 * have no authenticator app. Only knows the demo accounts' documented secrets.
 */
import { DEMO_ACCOUNTS, findDemoAccount } from './demo/accounts';
import { totpAt } from './demo/totp';

const email = process.argv[2];
const entry = email ? findDemoAccount(email) : undefined;
if (!entry?.totpSecret) {
  const withTotp = DEMO_ACCOUNTS.filter((candidate) => candidate.totpSecret).map((candidate) => `  ${candidate.email}`);
  console.error(
    `${email ? `Pas de secret TOTP de démonstration pour « ${email} ».` : 'Indiquez l’e-mail d’un compte de démonstration.'}\n` +
      `Usage : npm run demo:totp -- <email>\nComptes avec double authentification :\n${withTotp.join('\n')}`,
  );
  process.exit(1);
}
const now = new Date();
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${totpAt(entry.totpSecret, now)}  (${entry.email}, valable encore ${secondsLeft} s)`);
