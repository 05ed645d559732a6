/**
 * Uniforms shared by every Veinscape material: filters and fault offsets live here, so a store
 * change updates a few numbers on the GPU and never rebuilds geometry.
 */
import { Color, DataTexture, Plane, RedFormat, UnsignedByteType, Vector2, Vector3 } from 'three';
import { MAX_FAULTS } from '../../domain/faults';
import { MAX_ZONE_CODE } from '../../domain/zoneCodes';
import { SEG_TEX_WIDTH } from '../../domain/segmentPack';

/** Colour classes: numeric bins, or categories (one colour each). */
export const MAX_BINS = 15;

export const HOLE_MASK_WIDTH = 1024;

/** A one-channel texture holding one byte per hole (255 shown, 0 hidden). */
export function holeMaskTexture(bytes: Uint8Array, holes: number): DataTexture {
  const rows = Math.max(1, Math.ceil(holes / HOLE_MASK_WIDTH));
  const data = new Uint8Array(HOLE_MASK_WIDTH * rows);
  data.set(bytes.subarray(0, data.length));
  const t = new DataTexture(data, HOLE_MASK_WIDTH, rows, RedFormat, UnsignedByteType);
  t.needsUpdate = true;
  return t;
}

/** 256 bytes, 255 per zone code shown (domain/zoneCodes.ts zoneShownMask), as a 256 × 1 texture. */
export function zoneMaskTexture(shown: Uint8Array | null): DataTexture {
  const data = new Uint8Array(MAX_ZONE_CODE + 1).fill(255);
  if (shown) for (let i = 0; i < data.length; i++) data[i] = shown[i] ? 255 : 0;
  const t = new DataTexture(data, MAX_ZONE_CODE + 1, 1, RedFormat, UnsignedByteType);
  t.needsUpdate = true;
  return t;
}

/** One byte per segment (its zone code, 0 none), laid out like the segment textures (SEG_TEX_WIDTH per row). */
export function segmentZoneTexture(codes: Uint8Array): DataTexture {
  const rows = Math.max(1, Math.ceil(codes.length / SEG_TEX_WIDTH));
  const data = new Uint8Array(SEG_TEX_WIDTH * rows);
  data.set(codes);
  const t = new DataTexture(data, SEG_TEX_WIDTH, rows, RedFormat, UnsignedByteType);
  t.needsUpdate = true;
  return t;
}

/** The segment zone texture of a layer whose codes are not (yet) needed: every segment code 0. */
export const NO_ZONES = segmentZoneTexture(new Uint8Array(1));

export const shared = {
  /** current displacement of each fault's moving side, local metres */
  uFaultShift: { value: Array.from({ length: MAX_FAULTS }, () => new Vector3()) },
  /** 1 when drill holes move with their fault block, 0 when they stay as mapped */
  uHolesFollow: { value: 1 },
  /** grade cut-off in g/t; below it intervals are dimmed (mode 0) or hidden (mode 1) */
  uCutoff: { value: 0 },
  uBelowMode: { value: 0 },
  /** elevation window, local metres (world elevation minus origin z) */
  uElevMin: { value: -1e9 },
  uElevMax: { value: 1e9 },
  /** bit per status/type combination: bit (planned?1:0) + (underground?2:0) */
  uStatusTypeMask: { value: 15 },
  /** bit per program index (first 30 programs can be filtered individually) */
  uProgramMask: { value: 0x3fffffff },
  /** drilling year window (holes with year 0 always pass) */
  uYearMin: { value: -1e9 },
  uYearMax: { value: 1e9 },
  /** depth window along the hole, m */
  uDepthMin: { value: -1e9 },
  uDepthMax: { value: 1e9 },
  /** per-hole visibility (hole search): one byte per hole, 1024 holes per texture row */
  uHoleMask: { value: holeMaskTexture(new Uint8Array([255]), 1) },
  uHoleMaskOn: { value: 0 },
  /**
   * per zone code, 255 shown / 0 hidden (Layers panel zone ticks); off (0) when every zone is
   * shown, so the segment shader reads no zone code at all then
   */
  uZoneMask: { value: zoneMaskTexture(null) },
  uZoneMaskOn: { value: 0 },
  /** bit per resource category (measured, indicated, inferred) */
  uCategoryMask: { value: 7 },
  /** selected hole index or -1 */
  uSelectedHole: { value: -1 },
  /** grade bins (upper bounds, g/t) and their colours */
  uBins: { value: new Array<number>(MAX_BINS).fill(1e9) },
  uBinColors: { value: Array.from({ length: MAX_BINS + 1 }, () => new Color()) },
  uBinCount: { value: 0 },
  uMissingColor: { value: new Color('#b8bec6') },
  /** world metres per pixel at unit view depth, for a minimum on-screen tube width */
  uPixelScale: { value: 0.001 },
  /** 1 with an orthographic camera: then uPixelScale is the world size of a pixel itself */
  uOrtho: { value: 0 },
  /** dim colour mixed into below-cut-off intervals */
  uDimColor: { value: new Color('#d9dde2') },
  uViewport: { value: new Vector2(1, 1) },
  /**
   * Layer switches the interval layer needs: hole traces are only built where no interval covers
   * the hole, so intervals stand in for the trace where they are switched off or hidden by the
   * cut-off (drawn in trace style when traces are on).
   */
  uIntervalsOn: { value: 1 },
  /**
   * Grade (g/t) from which an interval is emphasised: at least uHighlightPx wide on screen (layout
   * px, about 3 at 1080p) and drawn again over the surfaces with a halo (state/highlight.ts).
   */
  uHighlight: { value: 1e9 },
  uHighlightPx: { value: 3 },
  /** 1: emphasised intervals twice as wide, and one more width per grade class above the highlight grade (width by grade class) */
  uGradeWidth: { value: 0 },
  /** ring drawn round emphasised intervals where they cross surfaces (theme-dependent) */
  uHaloColor: { value: new Color('#1f2630') },
  uTracesOn: { value: 1 },
};

export type SharedUniforms = typeof shared;

/**
 * The model box's six planes (scene frame), shared by the materials of faults, host rock and
 * topography (SectionSync moves them). Switched off by moving them far away, not by removing them:
 * the programs keep their plane count and are not rebuilt.
 */
export const modelClipPlanes: Plane[] = [
  new Plane(new Vector3(1, 0, 0), 1e12), new Plane(new Vector3(-1, 0, 0), 1e12),
  new Plane(new Vector3(0, 1, 0), 1e12), new Plane(new Vector3(0, -1, 0), 1e12),
  new Plane(new Vector3(0, 0, 1), 1e12), new Plane(new Vector3(0, 0, -1), 1e12),
];

/**
 * The same six planes, always off (far away), for every material that is not clipped to the model
 * box (veins, drill holes): every lit material then has six planes and shares one program with its
 * clipped twin, instead of one program each (on software WebGL a program costs 40-170 ms of the GPU
 * process at start-up).
 */
export const NO_CLIP_PLANES: Plane[] = modelClipPlanes.map((p) => new Plane(p.normal.clone(), 1e12));

