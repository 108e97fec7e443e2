/** Typed failures that services throw; the error handler turns each into problem+json. */
export type FieldErrors = Record<string, string[]>;

export type MessageKey = keyof typeof import('./messages').messages.fr;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(key);
  }
}

export const badRequest = (key: MessageKey = 'validation', fields?: FieldErrors) => new AppError(400, key, fields);
export const unauthorized = (key: MessageKey = 'unauthorized') => new AppError(401, key);
export const forbidden = (key: MessageKey = 'forbidden') => new AppError(403, key);
/** Also what a refusal on a record of another organisation looks like: it does not exist for you. */
export const notFound = (key: MessageKey = 'notFound') => new AppError(404, key);
export const conflict = (key: MessageKey = 'conflict') => new AppError(409, key);
export const tooManyRequests = (retryAfterSeconds: number, key: MessageKey = 'tooManyRequests') =>
  new AppError(429, key, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
