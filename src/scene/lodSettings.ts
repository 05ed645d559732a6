/**
 * Level-of-detail settings of the intervals layer (src/domain/segmentLod*.ts). The URL can change
 * them for tests and benchmarks: `lod=off` draws full detail always (one draw, as before levels
 * existed), `lodBudget=N` lowers the triangle
 * budget, so a small dataset exercises the guard.
 */
const params = typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.search);

export const lodSettings = {
  enabled: params.get('lod') !== 'off',
  /** triangles of the intervals layer at most on screen (exports draw by pixel size alone) */
  triangleBudget: Number(params.get('lodBudget')) > 0 ? Number(params.get('lodBudget')) : 1_000_000,
  /** largest on-screen size of a merged run where a level is drawn, px (device pixels) */
  errorPx: 1.5,
  /** draws of the layer at most (each a contiguous range of one level) */
  maxDraws: 6,
};
