import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseFlags, requireNumber, UsageError } from './args.ts';
import { above } from '../engine/validation/index.ts';
import * as adlRank from './commands/adl-rank.ts';
import * as funding from './commands/funding.ts';
import * as position from './commands/position.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('args', () => {
  it('reads --name value and --name=value, including negative numbers', () => {
    const flags = parseFlags(['--size', '-3', '--price=100', '--tiers=[{"a":1}]']);
    expect(flags.get('size')).toBe('-3');
    expect(flags.get('price')).toBe('100');
    expect(flags.get('tiers')).toBe('[{"a":1}]');
  });

  it('refuses a missing value, a repeated flag and a stray word', () => {
    expect(() => parseFlags(['--qty'])).toThrow('--qty needs a value');
    expect(() => parseFlags(['--qty', '--side', 'long'])).toThrow('--qty needs a value');
    expect(() => parseFlags(['--qty=1', '--qty=2'])).toThrow('--qty is given twice');
    expect(() => parseFlags(['qty'])).toThrow(UsageError);
  });

  it('names the flag, the value and what is allowed', () => {
    expect(() => requireNumber(parseFlags(['--qty', 'abc']), 'qty', above(0))).toThrow(
      '--qty must be a number greater than 0 (got "abc")',
    );
    expect(() => requireNumber(parseFlags(['--qty', '0x10']), 'qty')).toThrow(
      '--qty must be a finite number (got "0x10")',
    );
    expect(() => requireNumber(parseFlags([]), 'qty', above(0))).toThrow(
      '--qty is required (a number greater than 0)',
    );
  });
});

describe('position', () => {
  const run = (...argv: string[]) => position.run(parseFlags(argv));

  it('vector 13: isolated long 1 BTC @50,000, wallet 5,000 → LP 45,180.7229, tier 1', () => {
    const out = run('--side', 'long', '--entry', '50000', '--qty', '1', '--wallet', '5000');
    expect(out.liquidationPrice).toBeCloseTo(45_180.7229, 4);
    expect(out.bankruptcyPrice).toBeCloseTo(45_000, 9);
    expect(out.tier).toBe(1);
  });

  it('vector 17: long 1 BTC @50,000 at 125x → LP 49,799.1968, BP 49,600', () => {
    const out = run('--side=long', '--entry=50000', '--qty=1', '--wallet=400');
    expect(out.liquidationPrice).toBeCloseTo(49_799.1968, 4);
    expect(out.bankruptcyPrice).toBeCloseTo(49_600, 9);
  });

  it('cross with other positions, and custom tiers', () => {
    const out = run(
      ...['--side', 'long', '--entry', '50000', '--qty', '1', '--wallet', '10000', '--margin', 'cross'],
      ...['--other-mm', '1000', '--other-upnl', '-2000', '--tiers', '[{"floor":0,"mmr":0.004}]'],
    );
    expect(out.liquidationPrice).toBeCloseTo(43_000 / 0.996, 6);
    expect(out.bankruptcyPrice).toBeCloseTo(42_000, 9);
  });

  it('prints null prices for a long backed by more than its notional', () => {
    const out = run('--side', 'long', '--entry', '100', '--qty', '1', '--wallet', '150');
    expect(out).toEqual({ liquidationPrice: null, bankruptcyPrice: null, tier: 1 });
  });

  it('refuses --other-* without cross margin, and malformed tiers', () => {
    const base = ['--side', 'short', '--entry', '100', '--qty', '1', '--wallet', '10'];
    expect(() => run(...base, '--other-mm', '5')).toThrow('--other-mm is only allowed with --margin cross');
    expect(() => run(...base, '--side2', 'x')).toThrow(/unknown flag --side2 \(allowed: --side, --entry/);
    expect(() => run(...base, '--tiers', '[{"floor":0,"mmr":2}]')).toThrow(
      '--tiers[0].mmr must be between 0 and 1 (1 excluded) (got 2)',
    );
    expect(() => run(...base, '--tiers', '[{"floor":0,"rate":0.01}]')).toThrow(
      '--tiers[0] field name must be floor or mmr (got "rate")',
    );
    expect(() => run(...base, '--tiers', '{"floor":0}')).toThrow(/--tiers must be a JSON array/);
  });
});

describe('funding', () => {
  const run = (...argv: string[]) => funding.run(parseFlags(argv));

  it('vector 42: P̄ 0.03%, I 0.01% → 0.01%; long 1 BTC at 50,000 pays 5', () => {
    const out = run('--premium', '0.0003', '--size', '1', '--price', '50000');
    expect(out.rate).toBeCloseTo(0.0001, 15);
    expect(out.payment).toBeCloseTo(5, 9);
  });

  it('vector 46: premium 1%, hourly → rate 0.95%/8; 10 BTC at 10,000 pays 118.75', () => {
    const out = run('--premium', '0.01', '--interval-hours', '1', '--size', '10', '--price', '10000');
    expect(out.rate).toBeCloseTo(0.0095 / 8, 15);
    expect(out.payment).toBeCloseTo(118.75, 9);
    expect(run('--premium', '0.01', '--size', '-10', '--price', '10000').payment).toBeCloseTo(-950, 9);
  });

  it('payment is null without a position; refuses half a position and odd intervals', () => {
    expect(run('--premium', '0.01', '--cap', '0.004').payment).toBeNull();
    expect(run('--premium', '0.01', '--cap', '0.004').rate).toBe(0.004);
    expect(() => run('--premium', '0', '--size', '1')).toThrow('--size and --price must be given together');
    expect(() => run('--premium', '0', '--interval-hours', '3')).toThrow(
      '--interval-hours must be one of 1, 2, 4, 8 (got "3")',
    );
  });
});

describe('adl-rank', () => {
  const run = (...argv: string[]) => adlRank.run(parseFlags(argv));

  it('vector 58 (B-ADL): UPnL 40.2, WB 4.27, margin ratio 13.42% → 1.26, ahead of a smaller winner', () => {
    const positions = [
      { id: 'small', side: 'long', qty: 1, entry: 990, mark: 1000, wallet: 100, mmr: 0.005 },
      {
        id: 'v58',
        side: 'long',
        qty: 1,
        entry: 959.8,
        mark: 1000,
        wallet: 4.27,
        mmr: (0.1342 * 44.47) / 1000,
      },
    ];
    const out = run('--method', 'binance', '--positions', JSON.stringify(positions));
    expect(out.order).toEqual(['v58', 'small']);
    expect(out.scores[0]).toBeCloseTo(1.2634, 4);
  });

  it('bitmex: the longs’ queue, then the shorts’, with bySide', () => {
    const positions = [
      { id: 'D', side: 'short', qty: 1, entry: 100, mark: 80, wallet: 10, mmr: 0.004 },
      { id: 'B', side: 'long', qty: 1, entry: 100, mark: 120, wallet: 50, mmr: 0.004 },
      { id: 'A', side: 'long', qty: 1, entry: 100, mark: 120, wallet: 10, mmr: 0.004 },
    ];
    const out = run('--method', 'bitmex', '--positions', JSON.stringify(positions));
    expect(out.order).toEqual(['A', 'B', 'D']);
    expect(out.bySide).toEqual({ long: ['A', 'B'], short: ['D'] });
    expect(out.scores[0]).toBeCloseTo(0.8, 12);
  });

  it('refuses malformed positions, naming the element and field', () => {
    const bad = (p: object) => run('--method', 'hyperliquid', '--positions', JSON.stringify([p]));
    const ok = { id: 'A', side: 'long', qty: 1, entry: 100, mark: 120, wallet: 10, mmr: 0.004 };
    expect(() => bad({ ...ok, qty: -1 })).toThrow(
      '--positions[0].qty must be a number greater than 0 (got -1)',
    );
    expect(() => bad({ ...ok, side: 'up' })).toThrow('--positions[0].side must be long or short (got "up")');
    expect(() => bad({ ...ok, id: 7 })).toThrow('--positions[0].id must be a non-empty string (got 7)');
    expect(() => run('--method', 'okx', '--positions', '[]')).toThrow(
      '--method must be one of binance, bitmex, hyperliquid (got "okx")',
    );
  });
});

describe('the real command line', { timeout: 60_000 }, () => {
  const cli = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('prints one JSON object on stdout (vector 13)', () => {
    const r = cli('position', '--side', 'long', '--entry', '50000', '--qty', '1', '--wallet', '5000');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as position.PositionOutput;
    expect(out.liquidationPrice).toBeCloseTo(45_180.7229, 4);
    expect(out.tier).toBe(1);
  });

  it('a bad flag: exit code 2, one line on stderr, no stack trace', () => {
    const r = cli('funding', '--premium', '0.01', '--interval-hours', '3');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --interval-hours must be one of 1, 2, 4, 8 (got "3")\n');
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
