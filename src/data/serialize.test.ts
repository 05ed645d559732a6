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
  it('keeps below-detection assays flagged: saved as their limit, read back as half of it and flagged again', () => {
    const doc = JSON.parse(readFileSync(new URL('../../tests/fixtures/mini-deposit.json', import.meta.url), 'utf8'));
    // Row 5 of the fixture is -0.01 (below a 0.01 g/t limit); add "<0.005" and "<0" as text cells.
    doc.intervals[0].rows[0][3] = '<0.005';
    doc.intervals[0].rows[1][3] = '<0';
    const a = validateDeposit(doc, 'a').model!;
    const saved = JSON.parse(JSON.stringify(modelToDocument(a)));
    // By hand: the limits again (0.01 and 0.005 as negative numbers), a zero limit as its text.
    const au = saved.intervals[0].data.Au;
    expect([au[0], au[1], au[5]]).toEqual([-0.005, '<0', -0.01]);
    const b = validateDeposit(saved, 'b').model!;
    const [ta, tb] = [a.intervals[0], b.intervals[0]];
    expect(Array.from(tb.numeric.Au.slice(0, 2))).toEqual([0.0025, 0]);
    expect(tb.numeric.Au[5]).toBe(0.005);
    expect(Array.from(tb.belowDetection!.Au)).toEqual([1, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(tb.belowDetection!.Au)).toEqual(Array.from(ta.belowDetection!.Au));
    expect(Array.from(tb.numeric.Au).map(String)).toEqual(Array.from(ta.numeric.Au).map(String));
  });
});

