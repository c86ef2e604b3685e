/**
 * A flag's value from a file or standard input (issue 19): one argument is limited to 128 KiB by the OS, so a
 * long list (100,000 positions) is given as `--positions @positions.json` or piped with `--positions -`.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args.ts';

/** The largest file read for a flag: far above any list the commands need, far below the memory of a laptop. */
export const MAX_FLAG_FILE_BYTES = 64 * 1024 * 1024;

/** The text a flag stands for: the flag itself, or the file named after `@`, or standard input for `-`. */
export function flagText(name: string, raw: string): string {
  if (raw === '-') return readLimited(name, 0, 'standard input');
  if (raw.startsWith('@')) {
    const path = raw.slice(1);
    if (path === '') throw new UsageError(`--${name} @: a file name must follow @`);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new UsageError(`--${name} ${raw}: no file can be read at ${path}`);
    }
    if (size > MAX_FLAG_FILE_BYTES)
      throw new UsageError(
        `--${name} ${raw}: the file is larger than ${MAX_FLAG_FILE_BYTES / 1024 / 1024} MiB`,
      );
    return readLimited(name, path, path);
  }
  return raw;
}

function readLimited(name: string, source: number | string, label: string): string {
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    throw new UsageError(`--${name}: ${label} could not be read`);
  }
  if (text.length > MAX_FLAG_FILE_BYTES)
    throw new UsageError(`--${name}: ${label} is larger than ${MAX_FLAG_FILE_BYTES / 1024 / 1024} MiB`);
  return text;
}
