// Property tests explore new random cases on every local run. Under CI=true the seed comes from the commit
// being tested, so each landing explores new cases yet a failure replays exactly: the seed is printed, and
// FAST_CHECK_SEED=<seed> runs those cases again (locally too).
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';

/** FNV-1a of the commit id, as a 31-bit seed. */
function seedOf(commit: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < commit.length; k++) hash = Math.imul(hash ^ commit.charCodeAt(k), 0x01000193);
  return (hash >>> 0) & 0x7fffffff;
}

function commitUnderTest(): string {
  const fromEnv = process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'no-commit';
  }
}

const override = process.env.FAST_CHECK_SEED;
if (override !== undefined && !/^-?\d+$/.test(override))
  throw new Error(`FAST_CHECK_SEED must be a whole number, not "${override}"`);
const seed =
  override !== undefined
    ? Number(override)
    : process.env.CI === 'true'
      ? seedOf(commitUnderTest())
      : undefined;
if (seed !== undefined) {
  fc.configureGlobal({ seed });
  // Once per worker, so the seed stands in the log next to any failure.
  const g = globalThis as { fastCheckSeedPrinted?: boolean };
  if (!g.fastCheckSeedPrinted) {
    g.fastCheckSeedPrinted = true;
    console.info(`fast-check seed ${seed} (replay with FAST_CHECK_SEED=${seed})`);
  }
}
