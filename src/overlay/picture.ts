/**
 * Everything the 2D overlay paints in one frame, as data, so a frame that would paint the same
 * picture again (a filter change, which moves no label) leaves the canvas as it is: clearing and
 * repainting a few hundred halo texts costs milliseconds of main thread for nothing. "The same"
 * allows rounding noise: the orbit controls recompute the camera from its angles on each frame,
 * which moves every projected point by about 1e-13 px.
 */
import type { SlipArrow } from './labels';
import type { Label, OverlayTheme, ScreenBox } from './paint';

export interface OverlayPicture {
  canvas: HTMLCanvasElement;
  /** canvas size in device px and the CSS-px scale */
  width: number;
  height: number;
  dpr: number;
  theme: OverlayTheme;
  /** nearest first (the order paintLabels draws them in) */
  labels: Label[];
  arrows: SlipArrow[];
  /** screen angle of grid north (radians), null when not drawn */
  north: number | null;
  /** scale bar, px per m */
  pxPerMetre: number;
  /** vertical exaggeration, for its note */
  ve: number;
  /** boxes the labels keep clear of (the view's cards: legend, caption, selection...) */
  reserved?: ScreenBox[];
  /** the language its words are in (the scale bar, north arrow and notes are not in `labels`) */
  language?: string;
}

/** Screen positions this close (px) draw the same pixels. */
const PX = 1e-3;
/** NDC depths this close sort the same (they only order the declutter). */
const DEPTH = 1e-9;

const near = (a: number, b: number, tol: number) => a === b || Math.abs(a - b) <= tol;

function sameLabel(a: Label, b: Label): boolean {
  return near(a.x, b.x, PX) && near(a.y, b.y, PX) && near(a.depth, b.depth, DEPTH) && a.text === b.text && a.color === b.color && a.bold === b.bold;
}

function sameArrow(a: SlipArrow, b: SlipArrow): boolean {
  return near(a.x0, b.x0, PX) && near(a.y0, b.y0, PX) && near(a.x1, b.x1, PX) && near(a.y1, b.y1, PX) && a.label === b.label;
}

function sameTheme(a: OverlayTheme, b: OverlayTheme): boolean {
  return a === b || (a.text === b.text && a.halo === b.halo && a.muted === b.muted && a.accent === b.accent);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same(a[i], b[i])) return false;
  return true;
}

/** Whether two pictures paint the same pixels (same canvas, size, theme, language, texts, positions). */
export function samePicture(a: OverlayPicture | null, b: OverlayPicture): boolean {
  if (!a) return false;
  return (
    a.canvas === b.canvas && a.language === b.language && a.width === b.width && a.height === b.height && a.dpr === b.dpr && sameTheme(a.theme, b.theme) &&
    (a.north === b.north || (a.north !== null && b.north !== null && near(a.north, b.north, 1e-9))) &&
    near(a.pxPerMetre, b.pxPerMetre, 1e-9 * Math.abs(a.pxPerMetre)) && a.ve === b.ve &&
    sameList(a.labels, b.labels, sameLabel) && sameList(a.arrows, b.arrows, sameArrow) &&
    sameList(a.reserved ?? [], b.reserved ?? [], (x, y) => x.every((v, i) => near(v, y[i], PX)))
  );
}
