/**
 * Collects import errors and warnings with their place ("file.csv:row N") and hole id, and the
 * loaded / dropped row counts per table kind. Repetitive issues are capped per file and reason so
 * a broken million-row file still gives a readable report.
 */
import type { LoadIssue } from '../model';

/** Detailed issues kept per file and reason before the rest are summarised. */
const MAX_DETAILED = 100;

export function at(file: string, line?: number): string {
  return line === undefined ? file : `${file}:row ${line}`;
}

export class Issues {
  readonly errors: LoadIssue[] = [];
  readonly warnings: LoadIssue[] = [];
  readonly counts: Record<string, number> = {};
  readonly dropped: Record<string, number> = {};
  private readonly seen = new Map<string, { level: 'error' | 'warning'; path: string; n: number }>();

  error(path: string, message: string, id?: string): void {
    this.errors.push(id === undefined ? { path, message } : { path, id, message });
  }

  warn(path: string, message: string, id?: string): void {
    this.warnings.push(id === undefined ? { path, message } : { path, id, message });
  }

  /** An issue that may repeat many times in one file: `reason` groups it for capping. */
  repeated(level: 'error' | 'warning', file: string, reason: string, path: string, message: string, id?: string): void {
    const key = `${file}\u0000${reason}`;
    const s = this.seen.get(key) ?? { level, path: file, n: 0 };
    s.n++;
    this.seen.set(key, s);
    if (s.n <= MAX_DETAILED) (level === 'error' ? this.error : this.warn).call(this, path, message, id);
  }

  load(kind: string, n = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  drop(kind: string, n = 1): void {
    this.dropped[kind] = (this.dropped[kind] ?? 0) + n;
  }

  /** Add one summary line for every capped reason. */
  finish(): void {
    for (const [key, s] of this.seen) {
      if (s.n <= MAX_DETAILED) continue;
      const reason = key.split('\u0000')[1];
      const msg = `${s.n - MAX_DETAILED} more "${reason}" issues not listed (${s.n} in all)`;
      if (s.level === 'error') this.error(s.path, msg);
      else this.warn(s.path, msg);
    }
    this.seen.clear();
  }
}

/** Whole number with thousands separators, for messages. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
