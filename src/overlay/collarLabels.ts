/**
 * Collar id labels for the overlay and image exports. The live overlay repaints with every 3D
 * frame, and most frames (a filter change, a selection) move no collar on screen: the collars'
 * screen positions are kept per view (view-projection matrix, view size, vertical exaggeration,
 * fault shifts) and the thinned label list per view, hole filters and selection, so such a frame
 * reuses both instead of projecting and sorting 10,000 collars again. Grade and elevation filters
 * never hide a collar label: a change of either reuses everything.
 */
import { holesShown } from '../state/holesShown';
import { faultShifts } from '../state/faultShifts';
import { projectInto } from '../domain/pick';
import type { Label } from './paint';
import type { LabelState, OverlayAnchors, Projector, ViewSize } from './labels';

/**
 * A projector that is a plain view-projection: screen x = ((x'/w + 1) / 2) width, y = ((1 - y'/w)
 * / 2) height, NDC depth z'/w, of (x, y, z zScale, 1) times the column-major matrix m. Given, collar
 * positions are computed without allocating and kept while these numbers are the same.
 */
export interface ProjectorView {
  m: ArrayLike<number>;
  width: number;
  height: number;
  /** vertical exaggeration applied to z before the matrix */
  zScale: number;
}

/** Screen-grid cell (px) for thinning collar labels: about one short hole id. */
const CELL_W = 64;
const CELL_H = 16;
/** A collar this far (px) left of the view may still have its id (drawn to its right) in view. */
const LEFT_MARGIN = 120;

/** Collar screen positions: px x, px y, NDC depth; ok 0 when clipped (behind the eye or beyond the depth range). */
interface CollarScreen {
  key: Float64Array;
  collars: ArrayLike<number>;
  anchors: OverlayAnchors;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  ok: Uint8Array;
}

let screenCache: CollarScreen | null = null;

/** The numbers collar positions depend on besides the collars: matrix, size, z scale, shifts. */
function viewKey(v: ProjectorView, shifts: number[][]): Float64Array {
  const key = new Float64Array(19 + shifts.length * 3);
  for (let k = 0; k < 16; k++) key[k] = v.m[k];
  key[16] = v.width; key[17] = v.height; key[18] = v.zScale;
  shifts.forEach((d, i) => key.set(d, 19 + i * 3));
  return key;
}

/**
 * Whether two view keys are the same view. The orbit controls recompute the camera from its
 * angles on every frame, so a still view differs in the last bits of its matrix; a relative
 * 1e-12 moves a collar by far less than 1e-3 px.
 */
function sameKey(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k] && !(Math.abs(a[k] - b[k]) <= 1e-12 * Math.max(1, Math.abs(a[k])))) return false;
  return true;
}

function collarScreen(collars: ArrayLike<number>, anchors: OverlayAnchors, shifts: number[][], project: Projector, view?: ProjectorView): CollarScreen {
  const key = view ? viewKey(view, shifts) : null;
  const hit = screenCache;
  if (key && hit && hit.collars === collars && hit.anchors === anchors && sameKey(hit.key, key)) return hit;
  const n = anchors.collarMask.length;
  const q = [0, 0, 0];
  const out: CollarScreen = { key: key ?? new Float64Array(0), collars, anchors, x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), ok: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    let x = collars[i * 3], y = collars[i * 3 + 1], z = collars[i * 3 + 2];
    const mask = anchors.collarMask[i];
    for (let k = 0; k < shifts.length; k++) {
      if (mask & (1 << k)) { x += shifts[k][0]; y += shifts[k][1]; z += shifts[k][2]; }
    }
    if (view) {
      // The picking code's projection into one scratch array: no array per collar.
      if (!projectInto(view.m, x, y, z * view.zScale, view, q, 0) || !(q[2] >= -1 && q[2] <= 1)) continue;
      out.x[i] = q[0]; out.y[i] = q[1]; out.z[i] = q[2]; out.ok[i] = 1;
    } else {
      const p = project(x, y, z);
      if (!p) continue;
      out.x[i] = p[0]; out.y[i] = p[1]; out.z[i] = p[2]; out.ok[i] = 1;
    }
  }
  if (key) screenCache = out;
  return out;
}


let thinCache: { screen: CollarScreen; pass: Uint8Array; selected: number; ids: unknown; width: number; height: number; labels: Label[] } | null = null;

/**
 * Collar id labels of the holes the hole filters keep. With a view size, collars off screen are
 * dropped and, of the collars in one cell of a coarse screen grid, only the nearest is kept (the
 * selected hole always is), so 10,000 holes leave at most a few hundred candidates for the
 * declutter in paintLabels instead of sorting and measuring every id on each frame. The list
 * returned may be shared with later calls: callers copy it, never change it.
 */
export function collarLabels(s: LabelState, anchors: OverlayAnchors, project: Projector, size?: ViewSize, view?: ProjectorView): readonly Label[] {
  const { model, prepared } = s;
  if (!model || !prepared) return [];
  const pass = holesShown(s);
  const follow = s.holesFollowFaults ? 1 : 0;
  const shifts = faultShifts(s).map((d) => [d[0] * follow, d[1] * follow, d[2] * follow]);
  const screen = collarScreen(prepared.collars, anchors, shifts, project, view);
  const selected = s.selection?.hole ?? -1;
  const t = thinCache;
  if (size && t && t.screen === screen && t.pass === pass && t.selected === selected && t.ids === model.holes && t.width === size.width && t.height === size.height) return t.labels;
  const labels: Label[] = [];
  const label = (i: number, x: number, y: number, depth: number): Label => ({ x, y, depth, text: model.holes[i].id, bold: selected === i, hole: i });
  const cols = size ? Math.ceil((size.width + LEFT_MARGIN) / CELL_W) + 1 : 0;
  const rows = size ? Math.ceil(size.height / CELL_H) + 2 : 0;
  // Per grid cell: the nearest collar (hole index, -1 for none).
  const best = new Int32Array(cols * rows).fill(-1);
  const { x: sx, y: sy, z: sz, ok } = screen;
  for (let i = 0; i < pass.length; i++) {
    if (!pass[i] || !ok[i]) continue;
    if (!size || i === selected) {
      labels.push(label(i, sx[i], sy[i], sz[i]));
      continue;
    }
    const px = sx[i], py = sy[i];
    if (px < -LEFT_MARGIN || px > size.width || py < -CELL_H || py > size.height + CELL_H) continue;
    const cell = Math.floor((px + LEFT_MARGIN) / CELL_W) + Math.floor((py + CELL_H) / CELL_H) * cols;
    if (best[cell] < 0 || sz[i] < sz[best[cell]]) best[cell] = i;
  }
  for (let k = 0; k < best.length; k++) if (best[k] >= 0) labels.push(label(best[k], sx[best[k]], sy[best[k]], sz[best[k]]));
  if (size && view) thinCache = { screen, pass, selected, ids: model.holes, width: size.width, height: size.height, labels };
  return labels;
}
