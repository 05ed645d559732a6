/**
 * Collects import errors, warnings and notes (information that needs no action) with their place ("file.csv:row N") and hole id, and the
 * loaded / dropped row counts per table kind. Repetitive issues are capped per file and reason so
 * a broken million-row file still gives a readable report.
 */
import { say, type MessageKey, type MessageParams, type Said } from '../../domain/message';
import type { LoadIssue } from '../model';

/** Detailed issues kept per file and reason before the rest are summarised. */
const MAX_DETAILED = 100;
/** Longest message and record id kept: a 10 MB field quoted in a message must not make a 1 GB report. */
const MAX_MESSAGE = 600;
const MAX_ID = 120;

/** Text cut to `max` characters, saying how long it was. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${fmt(text.length)} characters in all)`;
}

/** A message's values with file text (cells, headers) clipped too: the translated text is made from them. */
function clipParams(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? clip(v, MAX_MESSAGE) : v]));
}

function issue(path: string, said: Said, id?: string, check?: LoadIssue['check']): LoadIssue {
  const m = clip(said.message, MAX_MESSAGE);
  const p = clip(path, MAX_MESSAGE);
  const i: LoadIssue = id === undefined ? { path: p, message: m } : { path: p, id: clip(id, MAX_ID), message: m };
  i.key = said.key;
  if (said.params) i.params = clipParams(said.params);
  if (check) i.check = check;
  return i;
}

/** What groups a repeated issue for capping (`csv.reason.*` in the messages catalogue). */
type After<K, P extends string> = K extends `${P}${infer R}` ? R : never;
export type Reason = After<MessageKey, 'csv.reason.'>;

export function at(file: string, line?: number): string {
  return line === undefined ? file : `${file}:row ${line}`;
}

export class Issues {
  readonly errors: LoadIssue[] = [];
  readonly warnings: LoadIssue[] = [];
  readonly notes: LoadIssue[] = [];
  readonly counts: Record<string, number> = {};
  readonly dropped: Record<string, number> = {};
  private readonly seen = new Map<string, { level: 'error' | 'warning'; path: string; n: number }>();

  error(path: string, said: Said, id?: string): void {
    this.errors.push(issue(path, said, id));
  }

  warn(path: string, said: Said, id?: string): void {
    this.warnings.push(issue(path, said, id));
  }

  /** Information that needs no action (the dialect and encoding a file was read in). */
  note(path: string, said: Said, id?: string): void {
    this.notes.push(issue(path, said, id));
  }

  /**
   * An issue that may repeat many times in one file: `reason` groups it for capping. `check`: the
   * data-QA check that finds the same problem (the QA panel lists it from there).
   */
  repeated(level: 'error' | 'warning', file: string, reason: Reason, path: string, said: Said, id?: string, check?: LoadIssue['check']): void {
    const key = `${file}\u0000${reason}`;
    const s = this.seen.get(key) ?? { level, path: file, n: 0 };
    s.n++;
    this.seen.set(key, s);
    if (s.n <= MAX_DETAILED) (level === 'error' ? this.errors : this.warnings).push(issue(path, said, id, check));
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
      const msg = say('csv.notListed', { more: s.n - MAX_DETAILED, reason, total: s.n });
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
