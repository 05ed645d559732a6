/**
 * Vein and fault surfaces of the stress deposit, written straight to the output as regular grids
 * (two triangles per cell) so a two-million-triangle file needs no big arrays in memory.
 */
import { DIP, GROUND, world, type FieldSize, type VeinDef } from './layout';
import { toCents, cents, type JsonWriter } from './writer';
import type { Vec3 } from '../../src/domain/vec3';

const rad = Math.PI / 180;

export interface GridSurface {
  id: string;
  name: string;
  zone?: string;
  fault?: string;
  /** cells along the first and second grid direction */
  nu: number;
  nw: number;
  point: (iu: number, iw: number) => Vec3;
}

export interface VeinExtent {
  /** along-strike range, m */
  u0: number;
  u1: number;
  /** down-dip length from the ground surface, m */
  downDip: number;
}

/** A gently undulating vein sheet, so normals (and shading) vary like a real vein's. */
export function veinGrid(vein: VeinDef, index: number, extent: VeinExtent, triangles: number): GridSurface {
  const lu = extent.u1 - extent.u0;
  const lw = extent.downDip;
  const cells = Math.max(1, Math.round(triangles / 2));
  const nw = Math.max(1, Math.round(Math.sqrt((cells * lw) / lu)));
  const nu = Math.max(1, Math.round(cells / nw));
  const cosD = Math.cos(DIP * rad);
  const sinD = Math.sin(DIP * rad);
  const phase = index * 1.7;
  return {
    id: `${vein.id}-sheet`,
    name: vein.name,
    zone: vein.id,
    nu,
    nw,
    point: (iu, iw) => {
      const u = extent.u0 + (lu * iu) / nu;
      const w = (lw * iw) / nw;
      // Undulation along the vein normal (south and up in the across-strike plane), up to 4 m.
      const a = 4 * Math.sin(u / 83 + phase) * Math.cos(w / 61 + phase / 2);
      return world(u, vein.offset + w * cosD + a * sinD, GROUND - w * sinD + a * cosD);
    },
  };
}

export interface FaultDef {
  id: string;
  name: string;
  /** along-strike position of the fault's ground trace at the vein field's centre line, m */
  u: number;
  movingSide: 'east' | 'west';
  strikeSlip: number;
  dipSlip: number;
}

/** Three north-trending faults (strike 005°, dip 85° east) cutting the whole field. */
export function faultDefs(field: FieldSize): FaultDef[] {
  const q = field.strikeLength / 4;
  return [
    { id: 'F1', name: 'Fault F1', u: -q, movingSide: 'west', strikeSlip: 25, dipSlip: 8 },
    { id: 'F2', name: 'Fault F2', u: 0.1 * q, movingSide: 'east', strikeSlip: -18, dipSlip: 5 },
    { id: 'F3', name: 'Fault F3', u: q * 1.05, movingSide: 'east', strikeSlip: 35, dipSlip: 12 },
  ];
}

/** A planar fault (planar to the millimetre, so the viewer's fast side test applies). */
export function faultGrid(f: FaultDef, halfLength: number, downDip: number): GridSurface {
  const strike = 5 * rad;
  const dip = 85 * rad;
  const along: Vec3 = [Math.sin(strike), Math.cos(strike), 0];
  const dd: Vec3 = [Math.cos(dip) * Math.sin(strike + Math.PI / 2), Math.cos(dip) * Math.cos(strike + Math.PI / 2), -Math.sin(dip)];
  const anchor = world(f.u, 0, GROUND);
  const nu = 8;
  const nw = 6;
  const w0 = -150; // 150 m above the ground, so the ground trace is drawn
  return {
    id: `fault-${f.id.toLowerCase()}`,
    name: f.name,
    fault: f.id,
    nu,
    nw,
    point: (iu, iw) => {
      const s = -halfLength + (2 * halfLength * iu) / nu;
      const w = w0 + ((downDip - w0) * iw) / nw;
      return [anchor[0] + s * along[0] + w * dd[0], anchor[1] + s * along[1] + w * dd[1], anchor[2] + s * along[2] + w * dd[2]];
    },
  };
}

/** Write one surface record; returns its triangle count. */
export function writeSurface(out: JsonWriter, s: GridSurface): number {
  const head: Record<string, string> = { id: s.id, name: s.name };
  if (s.zone) head.zone = s.zone;
  if (s.fault) head.fault = s.fault;
  const stride = s.nu + 1;
  const nv = stride * (s.nw + 1);
  out.write(`    ${JSON.stringify(head).slice(0, -1)},\n      "vertices": `);
  let cache: Vec3 = [0, 0, 0];
  out.array(nv * 3, (i) => {
    const v = Math.floor(i / 3);
    if (i % 3 === 0) cache = s.point(v % stride, Math.floor(v / stride));
    return cents(toCents(cache[i % 3]));
  });
  out.write(',\n      "triangles": ');
  const nt = s.nu * s.nw * 2;
  out.array(nt * 3, (i) => {
    const t = Math.floor(i / 3);
    const cell = t >> 1;
    const iu = cell % s.nu;
    const iw = Math.floor(cell / s.nu);
    const a = iw * stride + iu;
    const b = a + 1;
    const c = a + stride;
    const d = c + 1;
    const corner = i % 3;
    // Cell split along b-c: (a, b, c) and (b, d, c), both counter-clockwise in grid order.
    if (t & 1) return String(corner === 0 ? b : corner === 1 ? d : c);
    return String(corner === 0 ? a : corner === 1 ? b : c);
  });
  out.write('}');
  return nt;
}
