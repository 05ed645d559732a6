import { describe, expect, it } from 'vitest';
import { depthScale, depthWindow, logScale, logTicks, niceStep, niceTicks, rowAtDepth } from './scale';

describe('strip log scales', () => {
  it('maps depth linearly, 0 at the top, and back', () => {
    const s = depthScale(0, 200, 20, 420);
    expect(s.y(0)).toBe(20);
    expect(s.y(200)).toBe(420);
    expect(s.y(50)).toBe(120);
    expect(s.depth(120)).toBeCloseTo(50, 9);
    const w = depthScale(100, 150, 0, 100);
    expect(w.y(125)).toBe(50);
    expect(w.depth(0)).toBe(100);
  });

  it('a zero-length depth range does not divide by zero', () => {
    const s = depthScale(0, 0, 10, 100);
    expect(s.y(5)).toBe(10);
    expect(s.depth(50)).toBe(0);
  });

  it('log scale: decades equally spaced, clamped, non-positive at the origin', () => {
    const s = logScale(0.01, 100, 0, 400);
    expect(s.x(0.01)).toBeCloseTo(0, 9);
    expect(s.x(0.1)).toBeCloseTo(100, 9);
    expect(s.x(1)).toBeCloseTo(200, 9);
    expect(s.x(100)).toBeCloseTo(400, 9);
    expect(s.x(1000)).toBeCloseTo(400, 9);
    expect(s.x(0.001)).toBeCloseTo(0, 9);
    expect(s.x(0)).toBe(0);
    expect(s.x(-1)).toBe(0);
    expect(s.x(NaN)).toBe(0);
    expect(() => logScale(0, 10, 0, 1)).toThrow(RangeError);
  });

  it('log ticks are the powers of ten', () => {
    expect(logTicks(0.01, 100)).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(logTicks(0.05, 20)).toEqual([0.1, 1, 10]);
  });

  it('nice steps are 1, 2 or 5 × 10^k', () => {
    expect(niceStep(300, 6)).toBe(50);
    expect(niceStep(100, 6)).toBe(20);
    expect(niceStep(50, 6)).toBe(10);
    expect(niceStep(12, 6)).toBe(2);
    expect(niceStep(1000, 6)).toBe(200);
    expect(niceStep(0)).toBe(1);
  });

  it('nice ticks cover the range on multiples of the step', () => {
    expect(niceTicks(0, 300, 6)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(niceTicks(0, 131, 6)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(niceTicks(37.5, 87.5, 5)).toEqual([40, 50, 60, 70, 80]);
    expect(niceTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('depth window: whole hole, or a span kept inside the hole', () => {
    expect(depthWindow(300, 150, null)).toEqual([0, 300]);
    expect(depthWindow(300, 150, 50)).toEqual([125, 175]);
    expect(depthWindow(300, 10, 50)).toEqual([0, 50]);
    expect(depthWindow(300, 295, 50)).toEqual([250, 300]);
    expect(depthWindow(30, 10, 50)).toEqual([0, 30]);
  });

  it('finds the interval under a depth', () => {
    const from = [0, 1, 2.5];
    const to = [1, 2, 3];
    expect(rowAtDepth([0, 1, 2], from, to, 0.5)).toBe(0);
    expect(rowAtDepth([0, 1, 2], from, to, 1)).toBe(1);
    expect(rowAtDepth([0, 1, 2], from, to, 2.2)).toBe(-1);
    expect(rowAtDepth([0, 1, 2], from, to, 3)).toBe(2);
  });
});
