/**
 * Streaming JSON text writer for the stress generator: text is buffered in small pieces and written
 * to the file descriptor about every megabyte, so a 100+ MB deposit file never exists as one string
 * in memory. Synchronous (writeSync): the generator has nothing else to do meanwhile.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class JsonWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  /** characters written so far (ASCII output, so also bytes) */
  written = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  /** A JSON array of `count` numbers or literals produced by `item(i)`, written in slices. */
  array(count: number, item: (i: number) => string): void {
    this.write('[');
    const SLICE = 4096;
    for (let i = 0; i < count; i += SLICE) {
      const end = Math.min(count, i + SLICE);
      const chunk: string[] = new Array(end - i);
      for (let k = i; k < end; k++) chunk[k - i] = item(k);
      this.write((i > 0 ? ',' : '') + chunk.join(','));
    }
    this.write(']');
  }

  flush(): void {
    if (this.pending === 0) return;
    const text = this.parts.join('');
    writeSync(this.fd, text);
    this.written += text.length;
    this.parts = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Hundredths (an integer) as the shortest JSON number: 12345 -> "123.45", 700 -> "7". */
export const cents = (c: number): string => String(c / 100);

/** Round metres / grades to 0.01 and return the integer hundredths. */
export const toCents = (x: number): number => Math.round(x * 100);
