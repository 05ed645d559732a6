/**
 * Pictures with undisclosed results (issue 21). An image that would show drilling results not yet
 * released (state/disclosed.ts undisclosedShown) is refused unless the user chose, explicitly, to
 * include them for internal use (the export dialog's box, `veinscape.screenshot({ internal: true })`).
 * Such an image says "INTERNAL - NOT FOR RELEASE" across it, whatever its overlays, and records the
 * choice in a PNG text chunk, so a picture that leaks carries the proof it was never for release.
 */
import type { VeinscapeState } from '../state/store';
import { holesShown } from '../state/holesShown';
import { todayIso, undisclosedShown } from '../state/disclosed';
import { withPngText, type PngText } from './pngText';

/** Keyword of the chunk recording the choice: JSON { internal, disclosedOn, date, undisclosed }. */
export const INTERNAL_KEYWORD = 'veinscape:internal';

/** Thrown when a picture would show undisclosed results and no choice was made; `code` lets the dialog say it in its language. */
export class UndisclosedResultsError extends Error {
  readonly code = 'undisclosed-results';
  constructor() {
    super('this picture would show drilling results not yet released: set a disclosure date, or choose to include undisclosed results for internal use ({ internal: true })');
  }
}

/** Whether a picture of the state would show results not released today (see state/disclosed.ts). */
export function picturesUndisclosed(s: Pick<VeinscapeState, 'model' | 'prepared' | 'filters'>, today = todayIso()): boolean {
  return undisclosedShown(s, holesShown(s), today);
}

/**
 * The choice for one picture: null when it is for release; the chunk to store when it is internal
 * (asked for, whether or not anything undisclosed shows). Throws UndisclosedResultsError when
 * undisclosed results would show and internal use was not chosen.
 */
export function internalChoice(s: Pick<VeinscapeState, 'model' | 'prepared' | 'filters'>, chosen: boolean, date: Date): PngText | null {
  const today = todayIso(date);
  const undisclosed = picturesUndisclosed(s, today);
  if (undisclosed && !chosen) throw new UndisclosedResultsError();
  if (!chosen) return null;
  return { keyword: INTERNAL_KEYWORD, text: JSON.stringify({ internal: true, disclosedOn: s.filters.disclosedOn ?? null, date: today, undisclosed }) };
}

/** The words across the picture, large, diagonal, half transparent, red: readable over any background. */
export function drawInternalMark(ctx: CanvasRenderingContext2D, width: number, height: number, words: string): void {
  const diagonal = Math.hypot(width, height);
  const angle = -Math.atan2(height, width);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.translate(width / 2, height / 2);
  ctx.rotate(angle);
  // As large as fits along the diagonal (about 70 % of it).
  let size = diagonal / 12;
  ctx.font = `700 ${size}px system-ui, sans-serif`;
  const w = ctx.measureText(words).width;
  if (w > 0.7 * diagonal) size *= (0.7 * diagonal) / w;
  ctx.font = `700 ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = Math.max(1, size / 24);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.55)';
  ctx.fillStyle = 'rgba(200, 16, 16, 0.42)';
  ctx.strokeText(words, 0, 0);
  ctx.fillText(words, 0, 0);
  ctx.restore();
}

/** The PNG blob with the choice's chunk added (none: the same blob). */
export async function withInternalChunk(png: Blob, chunk: PngText | null): Promise<Blob> {
  if (!chunk) return png;
  return new Blob([withPngText(new Uint8Array(await png.arrayBuffer()), [chunk]) as BlobPart], { type: 'image/png' });
}
