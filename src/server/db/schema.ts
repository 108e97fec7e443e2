// The one schema: every module's tables, for Drizzle queries and drizzle-kit migrations.
export * from '../platform/tenancy/schema';
export * from '../platform/auth/schema';
export * from '../platform/audit/schema';
export * from '../platform/mail/schema';
export * from '../platform/jobs/schema';
export * from '../modules/persons/schema';
export * from '../modules/requests/schema';
export * from '../modules/accompaniments/schema';
export * from '../modules/continuity/schema';
export * from '../modules/portal/schema';
export * from '../modules/rights/schema';
export * from '../modules/recovery-documents/schema';
