/** `npm run bench -- <name>`: runs one benchmark, which prints what it measured and on what. */
const benchmarks: Record<string, () => Promise<void>> = {
  http: async () => (await import('./http')).runHttpBenchmark(),
  persons: async () => (await import('./persons')).runPersonsBenchmark(),
};

const requested = process.argv[2];
const benchmark = requested ? benchmarks[requested] : undefined;
if (!benchmark) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}>`);
  process.exit(2);
}
await benchmark();

export {};
