import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDeposit } from './load';
import { modelToDocument } from './serialize';

describe('saving a loaded model as a Veinscape file', () => {
  it('round-trips the mini fixture: same holes, surveys, intervals and missing values', () => {
    const doc = JSON.parse(readFileSync(new URL('../../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));
    const a = validateDeposit(doc, 'a').model!;
    const saved = JSON.parse(JSON.stringify(modelToDocument(a)));
    const { model: b, report } = validateDeposit(saved, 'b');
    expect(report.errors).toEqual([]);
    expect(b!.holes).toEqual(a.holes);
    expect(Array.from(b!.intervals[0].from)).toEqual(Array.from(a.intervals[0].from));
    const au = b!.intervals[0].numeric.Au;
    expect(Number.isNaN(au[3])).toBe(true); // missing stays missing
    expect(au[2]).toBe(12.5);
    expect(b!.surfaces[0].vertices).toEqual(a.surfaces[0].vertices);
  });
});
