import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { desurvey, positionAtDepth, sampleDepths, type HolePath, type SurveyStation } from './desurvey';

/**
 * ISCWSA standard clearance wellpaths (rev. 4), independent reference values rounded to 0.01 m.
 * The file gives inclination from vertical: dip = -(90 - inc). TVD is positive down.
 */
const csv = readFileSync(new URL('../../../shared/data/reference/iscwsa_clearance_wells_r4.csv', import.meta.url), 'utf8');
interface Row { md: number; inc: number; azi: number; tvd: number; north: number; east: number }
const wells = new Map<string, Row[]>();
for (const line of csv.trim().split(/\r?\n/).slice(1)) {
  const [well, md, inc, azi, tvd, north, east] = line.split(',');
  const rows = wells.get(well) ?? [];
  rows.push({ md: +md, inc: +inc, azi: +azi, tvd: +tvd, north: +north, east: +east });
  wells.set(well, rows);
}

describe('minimum curvature against the ISCWSA reference wells', () => {
  it('has the 12 wells and 1,065 stations', () => {
    expect(wells.size).toBe(12);
    expect([...wells.values()].reduce((n, r) => n + r.length, 0)).toBe(1065);
  });
  for (const [well, rows] of wells) {
    it(`well ${well}: every station within 1 cm`, () => {
      const first = rows[0];
      // Each well starts at its own slot (well 10 is a sidetrack starting at MD 900 m): measure depth from there.
      const stations: SurveyStation[] = rows.map((r) => ({ depth: r.md - first.md, azimuth: r.azi, dip: -(90 - r.inc) }));
      const { path } = desurvey({
        holeId: well,
        collar: [first.east, first.north, -first.tvd],
        depth: rows[rows.length - 1].md - first.md,
        stations,
      });
      let worst = 0;
      for (const r of rows) {
        const p = positionAtDepth(path, r.md - first.md);
        const err = Math.hypot(p[0] - r.east, p[1] - r.north, p[2] + r.tvd);
        worst = Math.max(worst, err);
      }
      expect(worst).toBeLessThan(0.01);
    });
  }
});

describe('desurvey by hand', () => {
  it('a straight -60° hole to 100 m drops 86.60 m and runs 50 m along azimuth 90°', () => {
    const { path } = desurvey({ holeId: 'H', collar: [1000, 2000, 300], depth: 100, stations: [{ depth: 0, azimuth: 90, dip: -60 }] });
    const p = positionAtDepth(path, 100);
    expect(p[0]).toBeCloseTo(1050, 6);
    expect(p[1]).toBeCloseTo(2000, 6);
    expect(p[2]).toBeCloseTo(300 - 86.6025, 3);
  });
  it('a quarter-circle arc from vertical to horizontal over 100 m ends at radius 63.66 m', () => {
    // R = 100 / (π/2) = 63.662 m: the hole ends R east and R down from the collar.
    const { path } = desurvey({
      holeId: 'ARC', collar: [0, 0, 0], depth: 100,
      stations: [{ depth: 0, azimuth: 90, dip: -90 }, { depth: 100, azimuth: 90, dip: 0 }],
    });
    const R = 200 / Math.PI;
    const end = positionAtDepth(path, 100);
    expect(end[0]).toBeCloseTo(R, 6);
    expect(end[2]).toBeCloseTo(-R, 6);
    // Half way along the arc: 45° round the circle.
    const mid = positionAtDepth(path, 50);
    expect(mid[0]).toBeCloseTo(R * (1 - Math.cos(Math.PI / 4)), 6);
    expect(mid[2]).toBeCloseTo(-R * Math.sin(Math.PI / 4), 6);
  });
  it('tangential methods drift from minimum curvature on the same arc', () => {
    const input = { holeId: 'T', collar: [0, 0, 0] as [number, number, number], depth: 100,
      stations: [{ depth: 0, azimuth: 90, dip: -90 }, { depth: 100, azimuth: 90, dip: 0 }] };
    expect(positionAtDepth(desurvey(input, 'tangential').path, 100)[0]).toBeCloseTo(100, 6);
    expect(positionAtDepth(desurvey(input, 'balanced-tangential').path, 100)[0]).toBeCloseTo(50, 6);
  });
  it('warns, naming the hole, for a missing survey, a late first station, duplicates and stations past the end', () => {
    expect(desurvey({ holeId: 'A1', collar: [0, 0, 0], depth: 10, stations: [] }).warnings[0].message).toMatch(/A1.*vertical/);
    const r = desurvey({ holeId: 'B2', collar: [0, 0, 0], depth: 50, stations: [
      { depth: 12, azimuth: 0, dip: -45 }, { depth: 30, azimuth: 0, dip: -45 }, { depth: 30, azimuth: 10, dip: -40 }, { depth: 80, azimuth: 0, dip: -45 },
    ] });
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/B2: survey starts at 12 m/);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/B2: duplicated survey station at 30 m/);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/B2: 1 survey station\(s\) beyond the final depth 50 m/);
    // Extended to the collar: straight -45° line north.
    const p = positionAtDepth(r.path, 50);
    expect(p[1]).toBeCloseTo(50 * Math.SQRT1_2, 6);
  });
});

describe('sampleDepths', () => {
  // Stations at 0, 50, 100 and 150 m: an interval is cut at every station strictly inside it.
  const path = { holeId: 'H', method: 'minimum-curvature', depths: [0, 50, 100, 150], points: [], directions: [] } as unknown as HolePath;
  it('adds the stations strictly between from and to', () => {
    expect(sampleDepths(path, 10, 20)).toEqual([10, 20]);
    expect(sampleDepths(path, 40, 60)).toEqual([40, 50, 60]);
    expect(sampleDepths(path, 40, 120)).toEqual([40, 50, 100, 120]);
    expect(sampleDepths(path, 0, 150)).toEqual([0, 50, 100, 150]);
  });
  it('does not repeat a station that is an end of the interval', () => {
    expect(sampleDepths(path, 50, 100)).toEqual([50, 100]);
    expect(sampleDepths(path, 50, 100.0000001)).toEqual([50, 100.0000001]);
    expect(sampleDepths(path, 49.9, 100)).toEqual([49.9, 50, 100]);
  });
  it('handles intervals past the last station and before the collar', () => {
    expect(sampleDepths(path, 140, 170)).toEqual([140, 150, 170]);
    expect(sampleDepths(path, 160, 170)).toEqual([160, 170]);
    expect(sampleDepths(path, -5, 60)).toEqual([-5, 0, 50, 60]);
  });
});
