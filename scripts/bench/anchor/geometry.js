/**
 * What the anchor page (page.js) draws, from a parsed deposit JSON, with no Veinscape code: the
 * surfaces' triangles as they are, and the ribbons (two triangles each) the app draws for the
 * holes, workings and resource outlines (see page.js). Plain functions, so the counts can be
 * checked in Node (tests/bench-anchor.test.ts).
 */
import { Vector3 } from 'three';

/** The app's trace pieces: at most this long between stations (m; MAX_TRACE_STEP in prepare.ts). */
const TRACE_STEP = 10;
/**
 * The app draws the intervals at or above the intercept cut-off a second time, over the surfaces
 * (g/t; the default `interceptQuery.cutoff`, src/state/slices/intercepts.ts): so does the anchor.
 */
const ON_TOP_GRADE = 1;
/** The app's opening camera: looking from this side (perspective, 35°). */
export const VIEW_FROM = new Vector3(-1500, -1500, 1200).normalize();
export const FOV = 35;

/** Unit direction of a hole drilled at `azimuth` (° from north, clockwise) and `dip` (°, negative down). */
function direction(azimuth, dip) {
  const a = (azimuth * Math.PI) / 180;
  const d = (dip * Math.PI) / 180;
  return [Math.sin(a) * Math.cos(d), Math.cos(a) * Math.cos(d), Math.sin(d)];
}

/** A hole's surveys as [{ depth, azimuth, dip }] whether the file lists stations or columns. */
function surveyRows(hole) {
  const s = hole.surveys;
  if (!s) return [];
  if (Array.isArray(s)) return s;
  return s.depth.map((depth, i) => ({ depth, azimuth: s.azimuth[i], dip: s.dip[i] }));
}

/** Sorted station depths of a hole: 0, its surveys inside it, its end. */
function stations(hole, end) {
  const ds = new Set([0, end]);
  for (const s of surveyRows(hole)) if (s.depth > 0 && s.depth < end) ds.add(s.depth);
  return [...ds].sort((a, b) => a - b);
}

/**
 * The grade table and column the app draws (pickValueColumn in src/domain/prepare.ts): the first
 * numeric column named Au…, else the first numeric column.
 */
function gradeColumn(doc) {
  const tables = doc.intervals ?? [];
  for (const t of tables) for (const c of t.columns ?? []) if (c.type === 'numeric' && /^au/i.test(c.name)) return { table: t, column: c.name };
  for (const t of tables) for (const c of t.columns ?? []) if (c.type === 'numeric') return { table: t, column: c.name };
  return null;
}

/**
 * [hole, d0, d1, ...] of every ribbon piece of the holes: intervals cut at stations (twice when at
 * or above the on-top grade), traces in the gaps.
 */
export function holePieces(doc) {
  const holes = doc.holes ?? [];
  const index = new Map(holes.map((h, i) => [h.id, i]));
  const byHole = holes.map(() => []);
  const grade = gradeColumn(doc);
  if (grade) {
    const { hole, from, to } = grade.table.data;
    const value = grade.table.data[grade.column];
    for (let r = 0; r < hole.length; r++) {
      const i = index.get(hole[r]);
      if (i !== undefined && to[r] > from[r]) byHole[i].push(from[r], to[r], typeof value[r] === 'number' ? value[r] : NaN);
    }
  }
  const out = []; // per hole: [holeIndex, d0, d1] flattened
  holes.forEach((h, i) => {
    const rows = byHole[i];
    const end = Math.max(h.depth ?? 0, ...rows.filter((_, k) => k % 3 === 1));
    const st = stations(h, end);
    const cut = (d0, d1, step) => {
      const ds = [d0];
      for (let k = 0; k < st.length - 1; k++) {
        const n = step ? Math.max(1, Math.ceil((st[k + 1] - st[k]) / step)) : 1;
        for (let j = 0; j < n; j++) {
          const d = st[k] + ((st[k + 1] - st[k]) * j) / n;
          if (d > d0 + 1e-6 && d < d1 - 1e-6) ds.push(d);
        }
      }
      ds.push(d1);
      for (let k = 0; k < ds.length - 1; k++) out.push(i, ds[k], ds[k + 1]);
    };
    for (let k = 0; k < rows.length; k += 3) {
      cut(rows[k], rows[k + 1], 0);
      if (rows[k + 2] >= ON_TOP_GRADE) cut(rows[k], rows[k + 1], 0);
    }
    // Traces where no interval covers the hole (pieces under 1 mm dropped, as the app does).
    const sorted = [];
    for (let k = 0; k < rows.length; k += 3) sorted.push([rows[k], rows[k + 1]]);
    sorted.sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [f, t] of sorted) {
      if (f > at + 1e-3) cut(at, Math.min(f, end), TRACE_STEP);
      at = Math.max(at, t);
      if (at >= end) break;
    }
    if (end > at + 1e-3) cut(at, end, TRACE_STEP);
  });
  return out;
}

export function build(doc) {
  const surfaces = doc.surfaces ?? [];
  const holes = doc.holes ?? [];
  // A local origin so float32 keeps centimetres at UTM-size coordinates.
  const first = holes[0]?.collar ?? surfaces[0]?.vertices ?? [0, 0, 0];
  const origin = [first[0], first[1], first[2]];
  let surfaceVertices = 0;
  let surfaceTriangles = 0;
  for (const s of surfaces) {
    surfaceVertices += s.vertices.length / 3;
    surfaceTriangles += s.triangles.length / 3;
  }
  const holeDirs = holes.map((h) => {
    const s0 = surveyRows(h)[0];
    return direction(s0?.azimuth ?? h.azimuth ?? 0, s0?.dip ?? h.dip ?? -90);
  });
  const collars = holes.map((h) => [h.collar[0] - origin[0], h.collar[1] - origin[1], h.collar[2] - origin[2]]);
  // Every ribbon as its two ends (local metres): the holes' pieces along straight holes, then the
  // workings' paths and the resource outlines' rings, which the app draws as ribbons too.
  const pieces = holePieces(doc);
  const ends = [];
  for (let k = 0; k < pieces.length; k += 3) {
    const c = collars[pieces[k]];
    const d = holeDirs[pieces[k]];
    for (const depth of [pieces[k + 1], pieces[k + 2]]) ends.push(c[0] + d[0] * depth, c[1] + d[1] * depth, c[2] + d[2] * depth);
  }
  const polyline = (pts) => {
    for (let k = 0; k < pts.length - 1; k++) for (const p of [pts[k], pts[k + 1]]) ends.push(p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]);
  };
  for (const w of doc.workings ?? []) polyline(w.path);
  for (const r of doc.resourceCategories ?? []) polyline([...r.outline, r.outline[0]]);
  const quads = ends.length / 6;
  const position = new Float32Array((surfaceVertices + quads * 4) * 3);
  const index = new Uint32Array((surfaceTriangles + quads * 2) * 3);
  let v = 0;
  let t = 0;
  for (const s of surfaces) {
    const base = v;
    const xs = s.vertices;
    for (let k = 0; k < xs.length; k += 3, v++) {
      position[v * 3] = xs[k] - origin[0];
      position[v * 3 + 1] = xs[k + 1] - origin[1];
      position[v * 3 + 2] = xs[k + 2] - origin[2];
    }
    for (const i of s.triangles) index[t++] = base + i;
  }
  // The box of what is drawn, for the camera and the ribbons' width.
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const grow = (x, y, z) => {
    lo[0] = Math.min(lo[0], x); lo[1] = Math.min(lo[1], y); lo[2] = Math.min(lo[2], z);
    hi[0] = Math.max(hi[0], x); hi[1] = Math.max(hi[1], y); hi[2] = Math.max(hi[2], z);
  };
  for (let k = 0; k < v; k++) grow(position[k * 3], position[k * 3 + 1], position[k * 3 + 2]);
  for (let k = 0; k < ends.length; k += 3) grow(ends[k], ends[k + 1], ends[k + 2]);
  const center = new Vector3((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
  const radius = Math.max(1, Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) / 2);
  // About as close as the app frames its data box (a sphere fit would leave most of the canvas empty).
  const distance = (0.7 * radius) / Math.tan(((FOV / 2) * Math.PI) / 180);
  return { position, index, v, t, origin, center, radius, distance, ends, surfaceTriangles, quads };
}

/** Camera-facing ribbons: each piece a quad `halfWidth` either side of its axis, seen from `eye`. */
export function ribbons(g, eye, halfWidth) {
  const { position, index, ends } = g;
  let v = g.v;
  let t = g.t;
  for (let k = 0; k < ends.length; k += 6) {
    const a = [ends[k], ends[k + 1], ends[k + 2]];
    const b = [ends[k + 3], ends[k + 4], ends[k + 5]];
    const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    // side = normalise(direction × (eye - a)) × half width
    const e = [eye.x - a[0], eye.y - a[1], eye.z - a[2]];
    let s = [d[1] * e[2] - d[2] * e[1], d[2] * e[0] - d[0] * e[2], d[0] * e[1] - d[1] * e[0]];
    const n = Math.hypot(s[0], s[1], s[2]) || 1;
    s = [(s[0] / n) * halfWidth, (s[1] / n) * halfWidth, (s[2] / n) * halfWidth];
    position.set([a[0] - s[0], a[1] - s[1], a[2] - s[2], a[0] + s[0], a[1] + s[1], a[2] + s[2], b[0] - s[0], b[1] - s[1], b[2] - s[2], b[0] + s[0], b[1] + s[1], b[2] + s[2]], v * 3);
    index.set([v, v + 1, v + 2, v + 2, v + 1, v + 3], t);
    v += 4;
    t += 6;
  }
}

