import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER } from '../../../../shared/auth';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/**
 * A browser-like client over `app.inject` for the auth tests: keeps the cookies it is given,
 * sends the CSRF header matching its CSRF cookie (unless told not to), speaks French by default.
 */
export class InjectClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    options: { csrf?: boolean; ip?: string } = {},
  ) {
    if (options.csrf !== false) this.cookies.set(CSRF_COOKIE, randomBytes(16).toString('hex'));
    this.ip = options.ip ?? '203.0.113.10';
  }

  private readonly ip: string;

  async request(method: Method, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders };
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (csrf && !(CSRF_HEADER in headers)) headers[CSRF_HEADER] = csrf;
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const options: InjectOptions = { method, url, headers, remoteAddress: this.ip };
    if (body !== undefined) options.payload = typeof body === 'string' ? body : JSON.stringify(body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject(options);
    this.keep(response);
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  private keep(response: Response): void {
    const raw = response.headers['set-cookie'];
    const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const line of lines) {
      const [pair] = line.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (!pair || separator < 1) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
