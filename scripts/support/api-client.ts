import { TOTP } from 'otpauth';

/**
 * A minimal cookie-keeping client of Passerelle's HTTP API, as a browser would use it: session
 * cookie, CSRF double-submit header, French errors. For scripts and benchmarks, not for the app.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get('passerelle.csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (!pair || separator < 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Fetches a CSRF cookie, then signs in with password and, when asked, a TOTP code. */
  async signIn(email: string, password: string, totpSecret: string | null): Promise<void> {
    await this.request('GET', '/api/health');
    if (!this.cookies.has('passerelle.csrf')) await this.request('GET', '/api/auth/session');
    const login = await this.request('POST', '/api/auth/login', { email, password });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const result: unknown = await login.json();
    if (isTotpRequired(result)) {
      if (!totpSecret) throw new Error('TOTP required but no secret given');
      const code = new TOTP({ secret: totpSecret, digits: 6, period: 30 }).generate();
      const step = await this.request('POST', '/api/auth/login/totp', { code });
      if (!step.ok) throw new Error(`TOTP step failed: ${step.status} ${await step.text()}`);
    }
  }

  hasSession(): boolean {
    return this.cookies.has('passerelle.session_token');
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  csrfToken(): string | undefined {
    return this.cookies.get('passerelle.csrf');
  }
}

function isTotpRequired(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'status' in value && value.status === 'totp_required';
}
