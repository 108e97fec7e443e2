import { z } from 'zod';

export type TFieldErrors = Record<string, string[]>;

/** RFC 9457 body as the server sends it (src/server/platform/http/problem.ts). */
export const ZProblem = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

/** A failed API call; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: TFieldErrors;
  /** The whole problem body: some answers carry more (a 409's `newerVersionAt`, a code's `remainingAttempts`). */
  readonly body: unknown;

  constructor(init: { status: number; title: string; type?: string; errors?: TFieldErrors; body?: unknown }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? {};
    this.body = init.body ?? null;
  }

  /** The server's message key, e.g. `invalidCredentials` from `about:blank#invalidCredentials`. */
  get code(): string {
    const hash = this.type.lastIndexOf('#');
    return hash >= 0 ? this.type.slice(hash + 1) : '';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
