import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ZEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres:// ou postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  APP_URL: z.url('APP_URL doit être une URL complète (https://…)').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL doit commencer par smtp:// ou smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Passerelle <no-reply@passerelle.invalid>'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET doit faire au moins 32 caractères').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_SEED: z.enum(['auto', 'never']).default('auto'),
  /** Folder of the built web app (`npm run build:web`); another folder lets two builds coexist. */
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
});

/** Every setting of the process, validated once at start. */
export type TConfig = {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoSeed: boolean;
  webDistDir: string;
};

export class ConfigError extends Error {}

/**
 * Reads the environment. Outside production a missing SESSION_SECRET is generated once and kept in
 * the data folder, so sessions survive a restart without anyone having to invent a secret.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZEnvironment.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const dataDir = resolve(value.DATA_DIR);
  let sessionSecret = value.SESSION_SECRET;
  if (!sessionSecret) {
    if (value.NODE_ENV === 'production') {
      throw new ConfigError('Configuration invalide :\n  - SESSION_SECRET: obligatoire en production');
    }
    sessionSecret = readOrCreateSecret(dataDir);
  }
  return {
    env: value.NODE_ENV,
    databaseUrl: value.DATABASE_URL,
    dataDir,
    port: value.PORT,
    host: value.HOST,
    appUrl: value.APP_URL ?? `http://localhost:${value.PORT}`,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    sessionSecret,
    logLevel: value.LOG_LEVEL,
    demoSeed: value.DEMO_SEED === 'auto',
    webDistDir: resolve(value.WEB_DIST_DIR),
  };
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
