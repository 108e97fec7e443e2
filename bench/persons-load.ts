import autocannon from 'autocannon';

export type RouteFigures = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
  errors: number;
  /** Responses per HTTP status: a route that does not exist yet shows as 404s here. */
  statuses: Record<number, number>;
};

/** `overallRate`: requests per second in all (open loop); without it, each connection sends as fast as it is answered. */
export type LoadOptions = { connections: number; seconds: number; headers: Record<string, string>; overallRate?: number };

/**
 * autocannon on one route with a different path at each request (pages, search terms, persons
 * taken in turn), p50/p95/p99 from every response time, and the count of each status.
 */
export async function loadPaths(baseUrl: string, paths: readonly string[], options: LoadOptions): Promise<RouteFigures> {
  if (paths.length === 0) throw new Error('no path to load');
  let next = 0;
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const path = paths[next % paths.length] ?? paths[0];
              next += 1;
              return { ...request, path };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  const at = (quantile: number) => times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? 0;
  return { requestsPerSecond: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99), total: result.requests.total, errors: result.errors, statuses };
}

export function non2xx(figures: RouteFigures): [number, number][] {
  return Object.entries(figures.statuses)
    .map(([status, count]): [number, number] => [Number(status), count])
    .filter(([status]) => status < 200 || status >= 300);
}
