import { createTransport } from 'nodemailer';
import type { Database } from '../../db/client';
import { summarizeError } from '../jobs/error-summary';
import { createPollingLoop, type BackgroundLogger } from '../jobs/loop';
import { claimNextMail, markMailFailed, markMailSent, type OutboxRow } from './delivery';

export type MailSenderOptions = {
  db: Database;
  /** smtp:// or smtps:// with credentials; absent, the outbox is only read in the app. */
  smtpUrl: string | undefined;
  from: string;
  clock: () => Date;
  /** Longer than the worst delivery (connection, greeting and socket timeouts below). */
  lockSeconds?: number;
  pollMs?: number;
  batchSize?: number;
  log?: BackgroundLogger;
  /** PGlite: fsync the WAL once a message is settled, so a power cut does not resend it. */
  flush?: () => Promise<void>;
};

export type MailSender = {
  enabled: boolean;
  /** Sends due messages one after the other, at most `limit`; returns how many were tried. */
  sendDue: (limit?: number) => Promise<number>;
  start: () => void;
  stop: () => Promise<void>;
};

/**
 * The same id for every try of one message: if a sender dies after the server accepted it but
 * before marking it sent, the resend is recognisable as a duplicate (by people and by servers).
 */
export const outboxMessageId = (id: string) => `<outbox-${id}@passerelle>`;

/** Delivers the outbox through SMTP when configured; every process may run one. */
export function createMailSender(options: MailSenderOptions): MailSender {
  const { db, smtpUrl, from, clock, log } = options;
  if (!smtpUrl) {
    return {
      enabled: false,
      sendDue: async () => 0,
      start: () => log?.info({}, 'SMTP_URL absent : les messages restent dans la boîte d’envoi (administration)'),
      stop: async () => undefined,
    };
  }
  const lockSeconds = options.lockSeconds ?? 300;
  // Short timeouts keep a delivery well within its lock, so a slow server cannot cause a double send.
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let stopping = false;

  const sendOne = async (mail: OutboxRow) => {
    let failure: { error: unknown } | null = null;
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        messageId: outboxMessageId(mail.id),
      });
    } catch (error) {
      failure = { error };
    }
    // Only the delivery's own failure counts as a failed try: a database error after the server
    // accepted the message must not schedule a resend (the expired lock will, as a last resort).
    if (!failure) {
      await markMailSent(db, mail, clock());
    } else {
      const lastError = summarizeError(failure.error, [mail.toAddress]);
      const outcome = await markMailFailed(db, mail, clock(), lastError);
      log?.error({ outboxId: mail.id, attempts: mail.attempts, outcome, error: lastError }, 'envoi de message en échec');
    }
    await options.flush?.();
  };

  const sendDue = async (limit = 10) => {
    let tried = 0;
    while (tried < limit && !stopping) {
      const mail = await claimNextMail(db, clock(), lockSeconds);
      if (!mail) break;
      await sendOne(mail);
      tried += 1;
    }
    return tried;
  };

  const loop = createPollingLoop('mail', () => sendDue(options.batchSize ?? 10), {
    intervalMs: options.pollMs ?? 2000,
    log,
  });

  return {
    enabled: true,
    sendDue,
    start: () => {
      stopping = false;
      loop.start();
    },
    stop: async () => {
      stopping = true;
      await loop.stop();
      transport.close();
    },
  };
}
