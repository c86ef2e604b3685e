import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './dispatch.ts';
import { costLine } from './run-cost.ts';
import { DEFAULT_RUN } from '../engine/run/config.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leverage-lab-cli-'));

/** n positions for adl-rank, more than one argument can carry (128 KiB) when n is 2,000 or so. */
function positions(n: number): string {
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      id: `T${i}`,
      side: i % 2 === 0 ? 'long' : 'short',
      qty: 1 + (i % 7),
      entry: 100,
      mark: 100 + (i % 13),
      wallet: 10 + (i % 5),
      mmr: 0.004,
    })),
  );
}

describe('--positions from a file or standard input (issue 19)', () => {
  it('reads @file: the same ranking as the list given inline', () => {
    const list = positions(50);
    const file = join(dir, 'positions.json');
    writeFileSync(file, list);
    const inline = runCli(['adl-rank', '--method', 'binance', '--positions', list]);
    const fromFile = runCli(['adl-rank', '--method', 'binance', '--positions', `@${file}`]);
    expect(inline.exitCode).toBe(0);
    expect(fromFile).toEqual(inline);
  });

  it('reads standard input for "-", beyond what one argument can carry', () => {
    const list = positions(3_000);
    expect(list.length).toBeGreaterThan(128 * 1024);
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'adl-rank', '--method', 'binance', '--positions', '-'],
      { cwd: repoRoot, input: list, encoding: 'utf8' },
    );
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { order: unknown[] }).order).toHaveLength(3_000);
  });

  it('refuses a file that cannot be read, with exit 2', () => {
    const out = runCli(['adl-rank', '--method', 'binance', '--positions', `@${join(dir, 'missing.json')}`]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/no file can be read/);
  });

  it('says "an array nested too deep", not "got object"', () => {
    const deep = '['.repeat(60_000) + ']'.repeat(60_000);
    const out = runCli(['adl-rank', '--method', 'binance', '--positions', deep]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('(got an array nested too deep)');
  });
});

describe('CLI refusals of overflow (issue 19)', () => {
  it('refuses a funding payment too large for a number, with exit 2 (null means "no position")', () => {
    const out = runCli(['funding', '--premium', '0.0003', '--size', '1e200', '--price', '1e200']);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/funding payment .* must be a finite number/);
  });

  it('refuses a funding rate too large for a number (a premium of 2.2e307, found by the fuzzer), with exit 2', () => {
    const out = runCli(['funding', '--premium', '2.247116418577895e+307']);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(
      /funding rate .* must be a finite number: --premium or --interest is too large/,
    );
  });

  it('refuses margin-loan figures beyond a number (a call LTV of 5e-324, found by the fuzzer), with exit 2', () => {
    const base = ['margin-loan', '--collateral-qty', '1', '--price', '60000', '--loan', '24000'];
    const out = runCli([...base, '--call-ltv', '5e-324']);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/marginCallPrice must be a finite number: .* \(got Infinity\)/);
    const tiny = runCli(['margin-loan', '--collateral-qty', '1e-300', '--price', '1e-300', '--loan', '1']);
    expect(tiny.exitCode).toBe(2);
    expect(tiny.stderr).toMatch(/^error: ltv must be a finite number/);
  });
});

describe('the cost line of a run (issue 19)', () => {
  it('says seconds for a million traders × 730 days, minutes for the two of a comparison, and under a second for the default', () => {
    const big = { ...DEFAULT_RUN, scenario: 'synthetic-volatile' as const, days: 730 };
    const million = { ...big, population: { ...big.population, traders: 1_000_000 } };
    expect(costLine([million])).toMatch(
      /1 run, 1\.05e\+12 trader-minutes: about \d+ seconds at the engine speed measured on 2026-12-07$/m,
    );
    expect(costLine([million, million])).toMatch(/2 runs, 2\.10e\+12 trader-minutes: about 2 minutes/);
    expect(costLine([DEFAULT_RUN, DEFAULT_RUN])).toMatch(/^cost: 2 runs, .*under a second/);
  });

  it('is printed on standard error before the run, and the run still prints its summary', () => {
    const out = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'run',
        '--scenario',
        '2025-10-tariff-crash',
        '--regime',
        'offshore-cex',
        '--traders',
        '20',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out.status).toBe(0);
    expect(out.stderr).toMatch(/^cost: 1 run, .* trader-minutes/);
    expect(JSON.parse(out.stdout)).toHaveProperty('checksum');
  });
});
