/**
 * Axis labels of a vertical section (slab mode) for the 2D overlay: distance along the section
 * line (m) at the base of the data, and elevations (m) at its start, numbers as `language` writes them.
 */
import type { AxisBox } from '../domain/axes';
import type { Projector } from './labels';
import type { SectionState } from '../state/slices/section';
import type { Label, OverlayTheme } from './paint';
import { pictureNumber, pictureText } from './pictureText';

export function sectionAxisLabels(section: SectionState, origin: readonly number[], axes: AxisBox, project: Projector, theme: OverlayTheme, language = 'en'): Label[] {
  const labels: Label[] = [];
  const words = pictureText(language);
  const metres = (v: number) => words('axis.metres', { n: pictureNumber(v, language) });
  const a = (section.azimuth * Math.PI) / 180;
  const dir = [Math.sin(a), Math.cos(a)];
  const c = [section.centre[0] - origin[0], section.centre[1] - origin[1]];
  const half = Math.hypot(axes.max[0] - axes.min[0], axes.max[1] - axes.min[1]) / 2;
  const n = Math.floor(half / axes.step);
  for (let k = -n; k <= n; k++) {
    const p = project(c[0] + dir[0] * k * axes.step, c[1] + dir[1] * k * axes.step, axes.min[2]);
    if (p) labels.push({ x: p[0] - 10, y: p[1] + 10, depth: -3, text: metres(k * axes.step), color: theme.accent });
  }
  const start = [c[0] - dir[0] * n * axes.step, c[1] - dir[1] * n * axes.step];
  for (const t of axes.ticks) {
    if (t.axis !== 'Z') continue;
    const p = project(start[0], start[1], t.at[2]);
    if (p) labels.push({ x: p[0] - 52, y: p[1], depth: -3, text: metres(Math.round(t.value)), color: theme.accent });
  }
  return labels;
}
