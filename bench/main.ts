/**
 * `npm run bench`: traders (1k, 10k, 100k) × length (1, 7, 30 days of one-minute steps) for the fast and the
 * reference engine, each run in its own process; prints a table, or JSON with `-- --json`. Reference runs
 * predicted to take over a minute are skipped and listed, except 10,000 traders × 7 days, on which the 50×
 * target is defined.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Row {
  engine: 'fast' | 'reference';
  traders: number;
  days: number;
  seconds: number;
  peakMemoryMB: number;
  events: number;
  eventsPerSecond: number;
  checksum: string;
  conservationError: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const unknown = args.filter((a) => a !== '--json');
if (unknown.length > 0) {
  console.error(`error: unknown argument ${unknown[0]} (allowed: --json)`);
  process.exit(2);
}

const TRADERS = [1_000, 10_000, 100_000];
const DAYS = [1, 7, 30];
const REFERENCE_LIMIT_SECONDS = 60;
const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url));

function measure(engine: Row['engine'], traders: number, days: number): Row {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', runOne, engine, String(traders), String(days)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
}

const rows: Row[] = [];
const skipped: { traders: number; days: number; predictedSeconds: number }[] = [];
// Reference cost per trader-minute, learnt from the runs made so far (it grows with traders × steps).
let referencePerTraderMinute = 0;
for (const traders of TRADERS)
  for (const days of DAYS) {
    const fast = measure('fast', traders, days);
    rows.push(fast);
    if (!json) process.stderr.write(`fast      ${traders} × ${days} d: ${fast.seconds.toFixed(2)} s\n`);
    const predicted = referencePerTraderMinute * traders * days * 1440;
    const target = traders === 10_000 && days === 7;
    if (referencePerTraderMinute > 0 && predicted > REFERENCE_LIMIT_SECONDS && !target) {
      skipped.push({ traders, days, predictedSeconds: predicted });
      continue;
    }
    const reference = measure('reference', traders, days);
    referencePerTraderMinute = Math.max(
      referencePerTraderMinute,
      reference.seconds / (traders * days * 1440),
    );
    rows.push(reference);
    if (!json) process.stderr.write(`reference ${traders} × ${days} d: ${reference.seconds.toFixed(2)} s\n`);
  }

const pairs = rows
  .filter((r) => r.engine === 'reference')
  .map((reference) => {
    const fast = rows.find(
      (r) => r.engine === 'fast' && r.traders === reference.traders && r.days === reference.days,
    )!;
    return {
      traders: reference.traders,
      days: reference.days,
      speedup: reference.seconds / fast.seconds,
      identical: reference.checksum === fast.checksum,
    };
  });

if (json) {
  console.log(JSON.stringify({ rows, pairs, skipped }, null, 2));
} else {
  const lines = [
    '| engine | traders | days | wall time (s) | peak memory (MB) | events | events/s |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.engine} | ${r.traders.toLocaleString('en')} | ${r.days} | ${r.seconds.toFixed(2)} | ${r.peakMemoryMB.toFixed(0)} | ${r.events.toLocaleString('en')} | ${Math.round(r.eventsPerSecond).toLocaleString('en')} |`,
    );
  lines.push('', '| traders | days | fast ÷ reference speed-up | same checksum |', '|---:|---:|---:|---|');
  for (const p of pairs)
    lines.push(
      `| ${p.traders.toLocaleString('en')} | ${p.days} | ${p.speedup.toFixed(1)}× | ${p.identical ? 'yes' : 'NO'} |`,
    );
  for (const s of skipped)
    lines.push(
      `\nreference ${s.traders.toLocaleString('en')} × ${s.days} d skipped: predicted ${Math.round(s.predictedSeconds)} s (over ${REFERENCE_LIMIT_SECONDS} s)`,
    );
  console.log(lines.join('\n'));
}
if (pairs.some((p) => !p.identical)) process.exit(1);
