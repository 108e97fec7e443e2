import { describeMachine } from './machine';
import type { GenerationStep } from './persons-data';
import { non2xx, type RouteFigures } from './persons-load';
import type { QueryPlan } from './persons-plans';

export const TARGET_P95_MS = 50;

export type Measured = { label: string; pattern: string; figures: RouteFigures; floor?: boolean };
export type TableSize = { table: string; rows: number; size: string };

export type Report = {
  serverUrl: string;
  databaseName: string;
  version: string;
  steps: GenerationStep[];
  generationMs: number;
  sizes: TableSize[];
  mostInterventions: number;
  machineLoad: string;
  load: string;
  rate: string;
  probeLines: string[];
  measured: Runs;
  plans: QueryPlan[];
  interventionsFromCode: boolean;
  perTerm: SearchTiming[];
};
export type SearchTiming = { term: string; matches: string; medianMs: number; maxMs: number };
export type Runs = { saturated: Measured[]; steady: Measured[] };

const line = (text = '') => console.log(text);

function printRuns(runs: Runs, rate: string): void {
  line('closed loop (saturation):');
  printFigures(runs.saturated);
  line(`steady ${rate}:`);
  printFigures(runs.steady);
}

function printFigures(measured: Measured[]): void {
  line(`${'route'.padEnd(30)} ${'req/s'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}  requests  non-2xx  p95 < ${TARGET_P95_MS} ms`);
  for (const { label, figures, floor } of measured) {
    const failed = non2xx(figures).reduce((sum, [, count]) => sum + count, 0);
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
    const verdict = floor ? '(floor)' : failed > 0 ? 'n/a (non-2xx)' : figures.p95 < TARGET_P95_MS ? 'yes' : 'NO';
    line(
      `${label.padEnd(30)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}  ${String(figures.total).padStart(8)}  ${String(failed).padStart(7)}  ${verdict}`,
    );
  }
  const failing = measured.filter((route) => non2xx(route.figures).length > 0);
  line(
    failing.length === 0
      ? 'every route answered 2xx'
      : `routes answering non-2xx:\n${failing.map((route) => `  ${route.pattern}: ${non2xx(route.figures).map(([status, count]) => `${count} × ${status}`).join(', ')}`).join('\n')}`,
  );
}

function printPlans(plans: QueryPlan[]): void {
  for (const plan of plans) {
    line(`\n-- ${plan.label} — ${plan.executionMs.toFixed(2)} ms`);
    line(`-- ${plan.sql.replace(/\s+/g, ' ')}`);
    line(`-- params: ${JSON.stringify(plan.params.map((param) => (typeof param === 'string' && param.length > 60 ? `${param.slice(0, 60)}…` : param)))}`);
    line(plan.plan);
  }
}

/** Everything measured, and on what: printed for the report of the benchmark. */
export function printReport(data: Report): void {
  line(`\nbench persons — ${describeMachine()}`);
  line(`${data.version.split(',')[0]} at ${data.serverUrl.replace(/\/\/[^@]*@/, '//')} (fresh database ${data.databaseName}, dropped at the end)`);
  line(`data generated in SQL in ${(data.generationMs / 1000).toFixed(1)} s (on top of the demo seed):`);
  for (const step of data.steps) line(`  ${step.label.padEnd(42)} ${String(step.rows).padStart(9)} rows  ${(step.ms / 1000).toFixed(1).padStart(6)} s`);
  line('sizes (rows, table + indexes):');
  for (const entry of data.sizes) line(`  ${entry.table.padEnd(22)} ${String(entry.rows).padStart(9)}  ${entry.size}`);
  line(`most interventions for one person: ${data.mostInterventions}`);
  line(data.machineLoad);
  line(data.load);
  line('first answer of each route:');
  for (const probe of data.probeLines) line(probe);
  line('');
  printRuns(data.measured, data.rate);
  line('\nquery plans (EXPLAIN (ANALYZE, BUFFERS), warm, parameters as the routes send them):');
  line(
    data.interventionsFromCode
      ? 'SQL captured by running the modules\' own query functions (persons/queries.ts, accompaniments/person-interventions.ts)'
      : 'SQL captured from persons/queries.ts; interventions: equivalent SQL (the accompaniments query was not found)',
  );
  printPlans(data.plans);
  line(`\neach search term alone, one request at a time (after 3 unmeasured), through HTTP:`);
  for (const timing of data.perTerm) {
    line(`  ${JSON.stringify(timing.term).padEnd(18)} ${timing.matches.padStart(7)} matches  median ${timing.medianMs.toFixed(1).padStart(6)} ms  max ${timing.maxMs.toFixed(1).padStart(6)} ms`);
  }
}
