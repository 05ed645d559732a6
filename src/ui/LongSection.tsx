/**
 * Long section: a vertical longitudinal projection onto a vein system's mean plane (McDowell by
 * default), drawn as SVG at true scale (metres; a vertical exaggeration when chosen, and stated).
 * Pierce points coloured by grade class and sized by grade × thickness, labelled by grade / width,
 * g/t·m or hole; filled contours of g/t·m; resource-category outlines; levels and workings;
 * elevation, depth, easting and northing axes, a scale bar and a legend.
 *
 * Linked both ways with the 3D view through the store: clicking a pierce point selects the hole
 * at the crossing and flies the camera there; the selected hole's pierce points are ringed.
 * Reads the store; writes only through `select` and `flyTo`.
 */
import { holesShown, interceptsOfShown } from '../state/holesShown';
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { store, useVeinscape } from '../state/store';
import type { Model } from '../data/model';
import type { LongSectionState } from '../state/slices/views';
import type { Prepared } from '../domain/prepare';
import { binIndex, binLabels, DEFAULT_GOLD_BINS } from '../domain/gradeBins';
import { queryInterceptSteps } from '../domain/interceptQuery';
import { drain } from '../domain/sliced';
import { sectionInterceptQuery } from '../domain/gradeThickness';
import { interceptFootnote } from '../overlay/interceptFootnote';
import { gtDefinition } from '../overlay/gradeThicknessText';
import type { WidthKind } from '../domain/intercepts';
import { azimuthText, defaultSystem, veinSystems, type PiercePoint } from '../domain/longSection';
import { buildSection, compassName, contourData, CONTOUR_LEVELS, distanceVeil, GRID_CELL, IDW_POWER, IDW_RADIUS } from './longsection/data';
import {
  circleMeetsBox, fitView, groupDigits, MIN_RADIUS, overlaps, panBy, pathOf, pierceRadius, placeLabels, scaleBarLength, symbolShrink, textWidth, ticksFor, transformOf, zoomAbout,
  type Box, type LabelRequest, type PlotRect, type ViewState,
} from './longsection/view';
import { exportLongSection } from './longsection/exportDom';
import { picturesUndisclosed } from '../export/internal';
import { distanceLegend, exportText, legendGroups, VEIL_SWATCH_UNDER } from './longsection/exportSvg';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fixed, short } from './format';
import { widthName } from '../i18n/interceptText';
import { localText, namesById, systemName } from '../i18n/localText';
import './longsection.css';
import { useSize } from './useSize';

type LabelMode = 'grade-width' | 'gram-metres' | 'hole';
const VE_CHOICES = [1, 2, 3, 5];

// Plot margins inside the SVG, px.
const M_LEFT = 58;
const M_RIGHT = 58;
const M_TOP = 10;
const M_BOTTOM = 50;
const LABEL_H = 12;

/** The long section's words and figures in one language: every drawn text, tooltip and the export's notes. */
type Tr = TFunction<'longsection'>;
/** "g/t·m (HW)" / "g/t·m (ÉH)": gram-metres with the width they use (as domain gramMetresUnit writes it in English). */
const gtUnit = (tr: Tr, unit: string, kind: WidthKind) => `${unit || 'grade'}·m (${tr(`widthAbbr.${kind}`)})`;

// Written into the exports' footer (what the labels say), as the label toggle's hint: every g/t·m names its width.
function methodNote(tr: Tr, basis: WidthKind, language: string): string {
  return tr('method', {
    definition: gtDefinition(basis, language),
    fallback: basis === 'core' ? '' : tr('methodFallback'),
    levels: CONTOUR_LEVELS.map((v) => short(v, 2, language)).join(tr('listSeparator')),
    abbr: tr(`widthAbbr.${basis}`), power: short(IDW_POWER, 2, language), radius: short(IDW_RADIUS, 2, language), cell: short(GRID_CELL, 2, language),
  });
}

/** A pierce point's label; a width other than the basis is named ("(CL)"). */
function labelText(tr: Tr, p: PiercePoint, mode: LabelMode, basis: WidthKind): string | null {
  if (mode === 'hole') return p.holeId;
  if (p.grade === null || p.width === null) return null;
  const other = p.widthKind !== null && p.widthKind !== basis ? ` (${tr(`widthAbbr.${p.widthKind}`)})` : '';
  if (mode === 'gram-metres') return `${fixed(p.gramMetres!, 1)} g/t·m${other}`;
  return `${fixed(p.grade)} g/t / ${fixed(p.width)} m${other}`;
}

function tooltip(tr: Tr, p: PiercePoint, zoneName: string, unit: string): string {
  const where = tr('tip.where', { u: fixed(p.u, 0), z: fixed(p.z, 0) });
  if (p.kind === 'intercept') {
    const kind = p.widthKind ?? 'core';
    return tr('tip.intercept', {
      hole: p.holeId, zone: zoneName, grade: fixed(p.grade!), unit, width: fixed(p.width!), tag: widthName(kind), gm: fixed(p.gramMetres!), gmUnit: gtUnit(tr, unit, kind),
      from: fixed(p.from), to: fixed(p.to), where,
    });
  }
  const what = p.kind === 'planned'
    ? p.source === 'surface' ? tr('tip.plannedSurface') : p.source === 'mean-plane' ? tr('tip.plannedPlane') : tr('tip.plannedTarget')
    : tr('tip.drilled');
  return tr('tip.other', { hole: p.holeId, zone: zoneName, what, depth: fixed(p.depth), where });
}

export function LongSection({ onClose }: { onClose?: () => void } = {}) {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  // A new dataset (or desurvey) starts afresh: default system, fitted view.
  const version = useVeinscape((s) => s.version);
  if (!model || !prepared) return null;
  return <LongSectionCard key={version} model={model} prepared={prepared} onClose={onClose} />;
}

function LongSectionCard({ model, prepared, onClose }: { model: Model; prepared: Prepared; onClose?: () => void }) {
  const { t: tr, i18n } = useTranslation('longsection');
  const lang = i18n.language || 'en';
  const topCut = useVeinscape((s) => s.interceptQuery.topCut ?? null);
  // g/t·m on the intercepts' width basis (horizontal width by default), as the table and the grade on the vein.
  const basis = useVeinscape((s) => s.interceptQuery.widthBasis ?? 'horizontal');
  const selection = useVeinscape((s) => s.selection);
  const select = useVeinscape((s) => s.select);
  const flyTo = useVeinscape((s) => s.flyTo);
  const binsByColumn = useVeinscape((s) => s.bins);
  const vc = prepared.valueColumn;
  const unit = vc?.unit || 'g/t';
  const bins = (vc && binsByColumn[vc.name]) || { ...DEFAULT_GOLD_BINS, unit };

  const systems = useMemo(() => veinSystems(model), [model]);
  // The system, full-screen and distance-shading states live in the store: a saved view (a
  // presentation step, a link) sets them.
  const open = useVeinscape((s) => s.longSection);
  const setLongSection = useVeinscape((s) => s.setLongSection);
  const systemChoice = open?.system ?? null;
  const expanded = !!open?.fullScreen;
  const shadeDistance = !!open?.distanceShading;
  const change = (part: Partial<LongSectionState>) => setLongSection({ system: systemChoice, fullScreen: expanded, distanceShading: shadeDistance, ...part });
  const setSystem = (id: string) => change({ system: id });
  const setExpanded = (on: boolean) => change({ fullScreen: on });
  const setShadeDistance = (on: boolean) => change({ distanceShading: on });
  const system = systemChoice && systems.some((s) => s.id === systemChoice) ? systemChoice : defaultSystem(systems);
  const sys = systems.find((s) => s.id === system) ?? null;
  const [veinChoice, setVein] = useState<string>('all');
  const vein = sys && sys.zoneIds.includes(veinChoice) ? veinChoice : 'all';
  const [labelMode, setLabelMode] = useState<LabelMode>('grade-width');
  const [ve, setVe] = useState(1);
  const [exporting, setExporting] = useState(false);
  const zoneName = useMemo(() => namesById(model.zones, lang), [model, lang]);

  // One intercept per vein sample, capped as the intercept calculator caps (disclosure preset), every
  // system: the same inputs as the 3D "grade on the vein" (domain/gradeThickness.ts).
  const allIntercepts = useMemo(
    () => drain(queryInterceptSteps(model, prepared.paths, sectionInterceptQuery(topCut, basis))),
    [model, prepared.paths, topCut, basis],
  );
  // The holes the hole filters keep, as in the 3D view and its grade on the vein; their objects
  // are made here (the rows are columns: domain/interceptRows.ts).
  const shownHoles = useVeinscape(holesShown);
  const intercepts = useMemo(() => interceptsOfShown(allIntercepts, shownHoles).toArray(), [allIntercepts, shownHoles]);
  const section = useMemo(() => (system ? buildSection(model, prepared.paths, intercepts, system) : null), [model, prepared.paths, intercepts, system]);
  const shown = useMemo(() => {
    if (!section) return [];
    // Only the holes the hole filters keep: a hole held back (by a filter, the disclosure date or the
    // timeline) leaves the section whole, not only its intercept (it must not show as "unassayed").
    const kept = shownHoles.length === model.holes.length ? section.points.filter((p) => shownHoles[p.holeIndex] === 1) : section.points;
    const pts = vein === 'all' ? kept : kept.filter((p) => p.zoneId === vein || p.zoneId === null);
    // Small and empty symbols first, the richest on top.
    const order = (p: PiercePoint) => (p.kind === 'intercept' ? 1 + (p.gramMetres ?? 0) : 0);
    return [...pts].sort((a, b) => order(a) - order(b));
  }, [section, vein, shownHoles, model.holes.length]);
  const contours = useMemo(() => contourData(shown), [shown]);
  // "Shade by distance to data": a veil over the contours that thickens away from the pierce points.
  const veil = useMemo(() => (shadeDistance && section ? distanceVeil(shown, section.bounds) : null), [shadeDistance, shown, section]);
  const counts = useMemo(() => {
    const c = { intercept: 0, planned: 0, 'no-intercept': 0 };
    for (const p of shown) c[p.kind]++;
    return c;
  }, [shown]);

  const [boxRef, size] = useSize<HTMLDivElement>({ w: 640, h: 300 });
  const rect: PlotRect = { x: M_LEFT, y: M_TOP, w: Math.max(40, size.w - M_LEFT - M_RIGHT), h: Math.max(40, size.h - M_TOP - M_BOTTOM) };
  const fit = section ? fitView(section.bounds, rect, ve) : { cu: 0, cz: 0, k: 1 };
  // null = fit to the panel (follows resizes); a pan or zoom keeps its centre and scale on resize.
  const [viewState, setViewState] = useState<ViewState | null>(null);
  const view = viewState ?? fit;
  const setView = setViewState;
  // Another system, or docked ⇄ full screen (from the buttons or a saved view): fit again.
  useEffect(() => setViewState(null), [systemChoice, expanded]);
  const t = transformOf(view, rect, ve);
  const shrink = symbolShrink(t.kx);
  const radiusOf = (p: PiercePoint) => (p.kind === 'intercept' ? pierceRadius(p.gramMetres, shrink) : Math.max(MIN_RADIUS, (p.kind === 'planned' ? 4 : 3.5) * shrink));
  const kMin = fit.k * 0.5;
  const kMax = fit.k * 40;

  // Wheel zoom about the pointer (a native listener: React's wheel listener is passive).
  const svgRef = useRef<SVGSVGElement>(null);
  const hasSection = section !== null;
  const live = useRef({ view, rect, ve, kMin, kMax });
  live.current = { view, rect, ve, kMin, kMax };
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const l = live.current;
      const factor = Math.exp(-Math.max(-200, Math.min(200, e.deltaY)) * 0.0025);
      setView(zoomAbout(l.view, l.rect, l.ve, e.clientX - r.left, e.clientY - r.top, factor, l.kMin, l.kMax));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [hasSection]);

  // Drag to pan; a drag is not a click.
  const drag = useRef<{ x: number; y: number; start: ViewState; moved: boolean; id: number } | null>(null);
  const suppressClick = useRef(false);
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, start: view, moved: false, id: e.pointerId };
    suppressClick.current = false;
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x, dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    setView(panBy(d.start, ve, dx, dy));
  };
  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d?.moved) {
      suppressClick.current = true;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    }
    drag.current = null;
  };

  const pick = useCallback((p: PiercePoint) => {
    if (suppressClick.current) return;
    let row: number | null = null;
    const table = vc ? model.intervals.find((x) => x.id === vc.table) : undefined;
    if (table) for (const r of p.rows) if (p.depth >= table.from[r] && p.depth < table.to[r]) row = r;
    select({ hole: p.holeIndex, row, depth: p.depth });
    flyTo(p.world);
    // Its derivation, with the settings the section's intercepts were made with.
    const ic = p.kind === 'intercept' ? intercepts.find((x) => x.holeIndex === p.holeIndex && x.from <= p.depth && x.to >= p.depth) : undefined;
    if (ic) store.getState().openDerivation({ intercept: ic, options: sectionInterceptQuery(topCut, basis) });
  }, [model, vc, select, flyTo, intercepts, topCut, basis]);

  // Bring the selected hole's pierce point into view when it is selected elsewhere (3D, table).
  const selHole = selection?.hole ?? -1;
  const selDepth = selection?.depth ?? 0;
  const selectedPoints = useMemo(() => shown.filter((p) => p.holeIndex === selHole), [shown, selHole]);
  const current = useMemo(() => {
    let best: PiercePoint | null = null;
    for (const p of selectedPoints) if (!best || Math.abs(p.depth - selDepth) < Math.abs(best.depth - selDepth)) best = p;
    return best;
  }, [selectedPoints, selDepth]);
  useEffect(() => {
    if (!current) return;
    const l = live.current;
    const tt = transformOf(l.view, l.rect, l.ve);
    const x = tt.x(current.u), y = tt.y(current.z);
    if (x < l.rect.x || x > l.rect.x + l.rect.w || y < l.rect.y || y > l.rect.y + l.rect.h) {
      setView({ ...l.view, cu: current.u, cz: current.z });
    }
  }, [current]);

  // Surface, level and contour labels (placed first, clear of the pierce points and of each other;
  // the pierce-point labels then avoid them).
  const ref = model.project.referenceElevation;
  const symbols = section ? shown.map((p) => ({ x: t.x(p.u), y: t.y(p.z), r: radiusOf(p) })) : [];
  const textBoxes: Box[] = [];
  const free = (b: Box) => !textBoxes.some((o) => overlaps(b, o)) && !symbols.some((c) => circleMeetsBox(c, b));
  const fixedTexts: { key: string; x: number; y: number; text: string; anchor: 'start' | 'end' }[] = [];
  const addText = (f: (typeof fixedTexts)[number], force = false) => {
    const w = textWidth(f.text, 9);
    const b = { x: f.anchor === 'start' ? f.x : f.x - w, y: f.y - 9, w, h: 12 };
    if (!force && !free(b)) return false;
    textBoxes.push(b);
    fixedTexts.push(f);
    return true;
  };
  if (section && ref !== undefined) {
    addText({ key: 'surface', x: rect.x + 6, y: t.y(ref) - 4, text: tr('draw.surface', { ref: fixed(ref, 0) }), anchor: 'start' }, true);
    // Each level named past the east end of its workings, else past the west end, else at the
    // frame's right or left edge, clear of pierce points; failing all, past the east end over the
    // symbols (its halo keeps it readable), as long as it meets no other label: a level is always named.
    for (const l of section.levels) {
      const y = t.y(l.elevation) + 3;
      const text = tr('draw.level', { depth: short(l.depth, 1) });
      const w = textWidth(text, 9);
      const east = { key: `level${l.depth}`, x: Math.min(rect.x + rect.w - 4 - w, t.x(l.uMax) + 8), y, text, anchor: 'start' as const };
      const spots = [
        east,
        { key: `level${l.depth}`, x: Math.max(rect.x + 4 + w, t.x(l.uMin) - 8), y, text, anchor: 'end' as const },
        { key: `level${l.depth}`, x: rect.x + rect.w - 4 - w, y, text, anchor: 'start' as const },
        { key: `level${l.depth}`, x: rect.x + 4, y, text, anchor: 'start' as const },
      ];
      if (spots.some((f) => addText(f))) continue;
      const b = { x: east.x, y: y - 9, w, h: 12 };
      if (!textBoxes.some((o) => overlaps(b, o))) addText(east, true);
    }
  }
  // Contour labels: one per line long enough, kept apart, where they cover no symbol or text.
  const contourLabels: { x: number; y: number; text: string; key: string }[] = [];
  for (const set of contours.lines) {
    set.lines.forEach((line, i) => {
      if (line.length < 4) return;
      const m = line[Math.floor(line.length / 2)];
      const x = t.x(m[0]), y = t.y(m[1]);
      if (x < rect.x + 12 || x > rect.x + rect.w - 12 || y < rect.y + 8 || y > rect.y + rect.h - 8) return;
      if (contourLabels.some((c) => Math.hypot(c.x - x, c.y - y) < 60)) return;
      const text = short(set.level, 2);
      const w = textWidth(text, 9);
      const box = { x: x - w / 2, y: y - 7, w, h: 12 };
      if (!free(box)) return;
      textBoxes.push(box);
      contourLabels.push({ x, y, text, key: `${set.level}-${i}` });
    });
  }
  const textBoxesKey = textBoxes.map((b) => `${b.x.toFixed(0)},${b.y.toFixed(0)}`).join(';');

  // Labels: the selected hole first, then by g/t·m; dropped where they would overlap.
  const labels = useMemo(() => {
    const inside = (x: number, y: number) => x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
    const req: (LabelRequest & { text: string })[] = [];
    const byPriority = [...shown].sort((a, b) => {
      const sa = a.holeIndex === selHole ? 1 : 0, sb = b.holeIndex === selHole ? 1 : 0;
      return sb - sa || (b.gramMetres ?? -1) - (a.gramMetres ?? -1);
    });
    for (const p of byPriority) {
      const text = labelText(tr, p, labelMode, basis);
      if (!text) continue;
      const x = t.x(p.u), y = t.y(p.z);
      if (!inside(x, y)) continue;
      req.push({ key: p.key, x, y, r: radiusOf(p), w: textWidth(text), h: LABEL_H, text, force: p.holeIndex === selHole });
    }
    const placed = placeLabels(req, symbols, rect, textBoxes);
    const text = new Map(req.map((r) => [r.key, r.text]));
    return placed.map((l) => ({ ...l, text: text.get(l.key)! }));
    // `t`, `rect`, `symbols` and `textBoxes` are derived from the view, the size, ve and the keys listed.
  }, [shown, labelMode, selHole, lang, view.cu, view.cz, view.k, ve, rect.x, rect.y, rect.w, rect.h, textBoxesKey]);

  if (!section || !sys) {
    return (
      <aside className={`long-section card${expanded ? ' expanded' : ''}`} data-testid="long-section" aria-label={tr('title')}>
        <header className="ls-head">
          <h2>{tr('title')}</h2>
          {onClose && <button className="close" aria-label={tr('close')} onClick={onClose}>×</button>}
        </header>
        <p className="hint">{tr('noSurfaces')}</p>
      </aside>
    );
  }

  const { frame } = section;
  const xs = (u: number) => t.x(u);
  const ys = (z: number) => t.y(z);
  const visU = [t.u(rect.x), t.u(rect.x + rect.w)] as const;
  const visZ = [t.z(rect.y + rect.h), t.z(rect.y)] as const;
  const zTicks = ticksFor(visZ[0], visZ[1], t.ky, 26).values;
  const uTicks = ticksFor(visU[0], visU[1], t.kx, 70).values;
  // Easting and northing ticks on the section line (each where it changes at least 0.2 m per m along strike).
  const eastTicks = Math.abs(frame.along[0]) > 0.2 ? (() => {
    const e0 = frame.at(visU[0])[0], e1 = frame.at(visU[1])[0];
    return ticksFor(Math.min(e0, e1), Math.max(e0, e1), t.kx / Math.abs(frame.along[0]), 92).values.map((e) => ({ v: e, x: xs(frame.uOfEasting(e)) }));
  })() : [];
  const northTicks = Math.abs(frame.along[1]) > 0.2 ? (() => {
    const n0 = frame.at(visU[0])[1], n1 = frame.at(visU[1])[1];
    return ticksFor(Math.min(n0, n1), Math.max(n0, n1), t.kx / Math.abs(frame.along[1]), 104).values.map((n) => ({ v: n, x: xs(frame.uOfNorthing(n)) }));
  })() : [];
  const bar = scaleBarLength(t.kx, 90);
  const veText = ve === 1 ? tr('veTrue') : tr('veTimes', { ve });
  const right = rect.x + rect.w;
  const bottom = rect.y + rect.h;
  const zonesShown = new Set(vein === 'all' ? sys.zoneIds : [vein]);
  const sysName = systemName(model.zones, sys.id, lang);
  const labelOf = (id: string | null) => (id ? zoneName.get(id) ?? id : sysName);
  const binText = binLabels(bins, (v) => short(v, 6));

  const title = tr('heading', { system: sysName });
  const subtitle = tr('subtitle', { strike: azimuthText(frame.strike), look: azimuthText(frame.lookAzimuth), ve: veText });
  // The label toggle, in the interface language; its hint is also the export's note on the labels.
  const widthTag = tr(`widthTag.${basis}`);
  const fallback = basis === 'core' ? '' : tr('labelMode.fallback', { width: widthTag });
  const labelButtons = [
    ['grade-width', 'g/t / m', tr('labelMode.gradeWidthHint', { width: widthTag, fallback })],
    ['gram-metres', gtUnit(tr, 'g/t', basis), tr('labelMode.gramMetresHint', { width: widthTag, unit: gtUnit(tr, 'g/t', basis), fallback })],
    ['hole', tr('labelMode.hole'), tr('labelMode.holeHint')],
  ] as const;

  // The export draws the <svg> as it is now, with the title block and this legend around it.
  const resourceCats = (['measured', 'indicated', 'inferred'] as const).filter((c) => section.resources.some((r) => r.category === c && (r.zoneId === null || zonesShown.has(r.zoneId))));
  const gradeTitle = topCut !== null ? tr('legendText.cappedAt', { el: 'Au', topCut: short(topCut, 6), unit }) : tr('legendText.noTopCut', { el: 'Au' });
  const method = methodNote(tr, basis, lang);
  const exportAs = (format: 'svg' | 'png') => {
    if (!svgRef.current || exporting) return;
    // No picture of results not yet released leaves the app from here (export/internal.ts).
    if (picturesUndisclosed(store.getState())) {
      window.alert(i18n.getFixedT(null, 'release')('refusedLongSection'));
      return;
    }
    const text = exportText({
      project: { ...model.project, name: localText(model.project, 'name', lang), disclaimer: localText(model.project, 'disclaimer', lang), qualifiedPerson: localText(model.project, 'qualifiedPerson', lang) }, system: sysName, vein: vein === 'all' ? null : labelOf(vein), strike: frame.strike, lookAzimuth: frame.lookAzimuth, veText,
      labelHint: labelButtons.find(([m]) => m === labelMode)![2], method, inferred: resourceCats.includes('inferred'), distance: veil !== null, date: new Date(), language: lang,
      // Pierce points are sized and labelled by intercepts: the footer states how they were made.
      interceptFootnote: interceptFootnote(sectionInterceptQuery(topCut, basis), prepared.method, lang),
    });
    const legend = legendGroups({
      gradeTitle, grades: bins.colors.map((c, i) => ({ label: binText[i], colour: c })),
      sizes: [1, 5, 20].map((g) => ({ gramMetres: g, r: pierceRadius(g, shrink) })), bands: contours.bands, resources: resourceCats, workings: section.workings.length > 0,
      gtUnit: gtUnit(tr, 'g/t', basis), distance: veil !== null, language: lang,
    });
    setExporting(true);
    exportLongSection(svgRef.current, format, text, legend, model.project.name)
      .catch((e) => window.alert(tr('exportFailed', { message: (e as Error).message })))
      .finally(() => setExporting(false));
  };

  return (
    <aside
      className={`long-section card${expanded ? ' expanded' : ''}`} data-testid="long-section" aria-label={tr('title')}
      onKeyDown={(e) => { if (e.key === 'Escape' && onClose) onClose(); }}
    >
      <header className="ls-head">
        <h2 data-testid="long-section-title">{title}</h2>
        <p className="ls-sub" title={subtitle}>{subtitle}</p>
        <button className="ls-icon" onClick={() => setView(null)} title={tr('fitTitle')} aria-label={tr('fitLabel')}>{tr('fit')}</button>
        <button className="ls-icon" onClick={() => exportAs('svg')} disabled={exporting} data-testid="long-section-export-svg" title={tr('svgTitle')} aria-label={tr('svgLabel')}>SVG</button>
        <button className="ls-icon" onClick={() => exportAs('png')} disabled={exporting} data-testid="long-section-export-png" title={tr('pngTitle')} aria-label={tr('pngLabel')}>PNG</button>
        <button className="ls-icon" onClick={() => { setExpanded(!expanded); setView(null); }} aria-pressed={expanded} title={expanded ? tr('dockTitle') : tr('expandTitle')} aria-label={expanded ? tr('dockLabel') : tr('expandLabel')}>
          {expanded ? '⤡' : '⤢'}
        </button>
        {onClose && <button className="close" aria-label={tr('close')} onClick={onClose}>×</button>}
      </header>
      <div className="ls-tools">
        <label>
          <span>{tr('system')}</span>
          <select aria-label={tr('systemLabel')} data-testid="long-section-system" value={system ?? ''} onChange={(e) => { setSystem(e.target.value); setVein('all'); setView(null); }}>
            {systems.map((s) => <option key={s.id} value={s.id}>{systemName(model.zones, s.id, lang)}</option>)}
          </select>
        </label>
        {sys.zoneIds.length > 1 && (
          <label>
            <span>{tr('vein')}</span>
            <select aria-label={tr('veinLabel')} value={vein} onChange={(e) => setVein(e.target.value)}>
              <option value="all">{tr('allVeins', { count: sys.zoneIds.length })}</option>
              {sys.zoneIds.map((z) => <option key={z} value={z}>{labelOf(z)}</option>)}
            </select>
          </label>
        )}
        <div className="toggle ls-labels" role="group" aria-label={tr('labels')}>
          <span>{tr('label')}</span>
          {labelButtons.map(([m, text, hint]) => (
            <button key={m} className={labelMode === m ? 'on' : undefined} aria-pressed={labelMode === m} title={hint} onClick={() => setLabelMode(m)}>{text}</button>
          ))}
        </div>
        <button
          className={shadeDistance ? 'on' : undefined} aria-pressed={shadeDistance} onClick={() => setShadeDistance(!shadeDistance)}
          title={tr('distanceToggleTitle')} aria-label={tr('distanceLabel')} data-testid="long-section-distance"
        >{tr('distanceToggle')}</button>
        <label>
          <span>{tr('ve')}</span>
          <select aria-label={tr('veLabel')} value={ve} onChange={(e) => { setVe(Number(e.target.value)); setView(null); }}>
            {VE_CHOICES.map((v) => <option key={v} value={v}>{v === 1 ? '1:1' : `${v}×`}</option>)}
          </select>
        </label>
        <span className="ls-count" data-testid="long-section-count">
          {tr('intercepts', { count: counts.intercept })}{counts.planned ? tr('planned', { count: counts.planned }) : ''}{counts['no-intercept'] ? tr('unassayed', { count: counts['no-intercept'] }) : ''}
        </span>
      </div>
      <div className="ls-box" ref={boxRef}>
        <svg
          ref={svgRef} width={size.w} height={size.h} data-testid="long-section-svg"
          role="img" aria-label={tr('svgAria', { title, count: counts.intercept })}
          onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}
          onDoubleClick={() => setView(null)}
        >
          <defs>
            <clipPath id="ls-clip"><rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} /></clipPath>
          </defs>
          <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} className="ls-plot-bg" />

          <g clipPath="url(#ls-clip)">
            {/* grid */}
            {zTicks.map((z) => <line key={`gz${z}`} x1={rect.x} x2={right} y1={ys(z)} y2={ys(z)} className="ls-grid" />)}
            {uTicks.map((u) => <line key={`gu${u}`} x1={xs(u)} x2={xs(u)} y1={rect.y} y2={bottom} className="ls-grid" />)}

            {/* modelled vein extent */}
            {section.outlines.filter((o) => zonesShown.has(o.zoneId)).map((o) =>
              o.loops.map((loop, i) => <path key={`${o.surfaceId}-${i}`} d={pathOf(loop, t, true)} className="ls-vein"><title>{tr('draw.veinTitle', { zone: labelOf(o.zoneId), surface: o.surfaceId })}</title></path>),
            )}

            {/* filled contours of g/t·m, drawn in metres */}
            <g transform={`matrix(${t.kx} 0 0 ${-t.ky} ${xs(0)} ${ys(0)})`} data-testid="long-section-contour-fill">
              {contours.bands.map((b) => b.d && <path key={b.lo} d={b.d} fill={b.colour} className="ls-band" />)}
            </g>
            {contours.lines.map((set) => set.lines.map((line, i) => (
              <path key={`c${set.level}-${i}`} d={pathOf(line, t)} className={`ls-contour${set.level >= 10 ? ' major' : ''}`} data-testid="long-section-contour" />
            )))}
            {/* veil by distance to the nearest pierce point, over the contours, in metres */}
            {veil && (
              <g transform={`matrix(${t.kx} 0 0 ${-t.ky} ${xs(0)} ${ys(0)})`} data-testid="long-section-distance-veil" pointerEvents="none">
                {veil.classes.map((c) => c.d && <path key={c.name} d={c.d} className="ls-veil" fillOpacity={c.opacity} data-class={c.name} />)}
              </g>
            )}
            {contourLabels.map((c) => <text key={c.key} x={c.x} y={c.y + 3} className="ls-contour-label" textAnchor="middle">{c.text}</text>)}

            {/* surface and levels (dashed along the workings of each level) */}
            {ref !== undefined && <line x1={rect.x} x2={right} y1={ys(ref)} y2={ys(ref)} className="ls-surface" />}
            {section.levels.map((l) => (
              <line key={l.depth} x1={xs(l.uMin) - 30} x2={xs(l.uMax) + 30} y1={ys(l.elevation)} y2={ys(l.elevation)} className="ls-level" />
            ))}

            {/* resource-category outlines */}
            {section.resources.filter((r) => r.zoneId === null || zonesShown.has(r.zoneId)).map((r) => (
              <path key={r.id} d={pathOf(r.points, t, true)} className={`ls-resource ${r.category}`} data-testid="long-section-resource">
                <title>{tr(`draw.resourceTitle.${r.category}`, { zone: labelOf(r.zoneId) })}</title>
              </path>
            ))}

            {/* workings */}
            {section.workings.map((w) => (
              <path key={w.id} d={pathOf(w.points, t)} className={`ls-working ${w.kind}`} data-testid="long-section-working">
                <title>{w.levelDepth !== null ? tr('draw.workingTitleLevel', { name: w.name, kind: tr(`draw.workingKind.${w.kind}`), depth: short(w.levelDepth, 1) }) : tr('draw.workingTitle', { name: w.name, kind: tr(`draw.workingKind.${w.kind}`) })}</title>
              </path>
            ))}

            {fixedTexts.map((f) => <text key={f.key} x={f.x} y={f.y} className="ls-note" textAnchor={f.anchor}>{f.text}</text>)}

            {/* pierce points */}
            {shown.map((p) => {
              const x = xs(p.u), y = ys(p.z);
              if (x < rect.x - 12 || x > right + 12 || y < rect.y - 12 || y > bottom + 12) return null;
              const sel = p.holeIndex === selHole;
              const r = radiusOf(p);
              const fill = p.kind === 'intercept' ? bins.colors[binIndex(bins, p.grade!)] : undefined;
              return (
                <g key={p.key}>
                  {sel && <circle cx={x} cy={y} r={r + 4} className={`ls-ring${p === current ? ' current' : ''}`} pointerEvents="none" />}
                  <circle
                    cx={x} cy={y} r={r} fill={fill}
                    className={`ls-pp ${p.kind}${sel ? ' selected' : ''}`}
                    data-testid="pierce-point" data-hole={p.holeId} data-kind={p.kind} data-zone={p.zoneId ?? ''}
                    onClick={(e) => { e.stopPropagation(); pick(p); }}
                  >
                    <title>{tooltip(tr, p, labelOf(p.zoneId), unit)}</title>
                  </circle>
                </g>
              );
            })}

            {/* labels */}
            {labels.map((l) => (
              <text key={`l${l.key}`} x={l.anchor === 'start' ? l.x + 1 : l.anchor === 'end' ? l.x + l.w - 1 : l.x + l.w / 2} y={l.y + l.h - 3}
                textAnchor={l.anchor} className={`ls-label${selectedPoints.some((p) => p.key === l.key) ? ' selected' : ''}`} pointerEvents="none">
                {l.text}
              </text>
            ))}
          </g>

          {/* frame and axes */}
          <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} className="ls-frame" />
          {zTicks.map((z) => (
            <g key={`z${z}`}>
              <line x1={rect.x - 4} x2={rect.x} y1={ys(z)} y2={ys(z)} className="ls-axis" />
              <text x={rect.x - 6} y={ys(z) + 3} className="ls-tick" textAnchor="end">{`${short(z, 6)} m`}</text>
              {ref !== undefined && (
                <>
                  <line x1={right} x2={right + 4} y1={ys(z)} y2={ys(z)} className="ls-axis" />
                  <text x={right + 6} y={ys(z) + 3} className="ls-tick" textAnchor="start">{`${short(ref - z, 1)} m`}</text>
                </>
              )}
            </g>
          ))}
          <text className="ls-axis-title" transform={`translate(12 ${rect.y + rect.h / 2}) rotate(-90)`} textAnchor="middle">{tr('draw.elevation')}</text>
          {ref !== undefined && (
            <text className="ls-axis-title" transform={`translate(${size.w - 8} ${rect.y + rect.h / 2}) rotate(-90)`} textAnchor="middle">{tr('draw.depthBelow')}</text>
          )}
          {eastTicks.map(({ v, x }) => (
            <g key={`e${v}`}>
              <line x1={x} x2={x} y1={bottom} y2={bottom + 5} className="ls-axis" />
              <text x={x} y={bottom + 14} className="ls-tick" textAnchor="middle">{`${groupDigits(v, lang)} E`}</text>
            </g>
          ))}
          {northTicks.map(({ v, x }) => (
            <g key={`n${v}`}>
              <line x1={x} x2={x} y1={bottom} y2={bottom + 18} className="ls-axis minor" />
              <text x={x} y={bottom + 27} className="ls-tick north" textAnchor="middle">{`${groupDigits(v, lang)} ${tr('compass.N')}`}</text>
            </g>
          ))}
          <text x={rect.x} y={size.h - 6} className="ls-axis-title" textAnchor="start">{`← ${tr(`compass.${compassName(frame.strike + 180)}`)}`}</text>
          <text x={rect.x + rect.w / 2} y={size.h - 6} className="ls-axis-title" textAnchor="middle">
            {tr('draw.along', { strike: azimuthText(frame.strike), crs: model.project.crs.code ?? model.project.crs.name })}
          </text>
          <text x={right} y={size.h - 6} className="ls-axis-title" textAnchor="end">{`${tr(`compass.${compassName(frame.strike)}`)} →`}</text>

          {/* scale bar and vertical exaggeration */}
          {bar > 0 && (
            <g className="ls-scalebar" data-testid="long-section-scalebar" transform={`translate(${rect.x + 10} ${bottom - 12})`}>
              <rect x={-4} y={-16} width={bar * t.kx + 8 + 96} height={24} rx={3} className="ls-scalebar-bg" />
              <rect x={0} y={0} width={(bar * t.kx) / 2} height={4} className="ls-bar-dark" />
              <rect x={(bar * t.kx) / 2} y={0} width={(bar * t.kx) / 2} height={4} className="ls-bar-light" />
              <text x={0} y={-4} className="ls-tick" textAnchor="start">0</text>
              <text x={bar * t.kx} y={-4} className="ls-tick" textAnchor="middle">{`${short(bar, 6)} m`}</text>
              <text x={bar * t.kx + 12} y={5} className="ls-ve" data-testid="long-section-ve">{ve === 1 ? tr('draw.veOne') : tr('draw.veTimes', { ve })}</text>
            </g>
          )}
        </svg>
      </div>
      <footer className="ls-legend" aria-label={tr('legend')}>
        <div className="ls-leg-group">
          <span className="ls-leg-title">{gradeTitle}</span>
          {bins.colors.map((c, i) => (
            <span key={c + i} className="ls-leg-item"><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill={c} className="ls-pp intercept" /></svg>{binText[i]}</span>
          ))}
        </div>
        <div className="ls-leg-group">
          <span className="ls-leg-title">{tr('legendText.size', { unit: gtUnit(tr, 'g/t', basis) })}</span>
          {[1, 5, 20].map((g) => {
            const r = pierceRadius(g, shrink);
            return <span key={g} className="ls-leg-item"><svg width={2 * r + 2} height={2 * r + 2} aria-hidden="true"><circle cx={r + 1} cy={r + 1} r={r} className="ls-pp sized" /></svg>{g}</span>;
          })}
          <span className="ls-leg-item"><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="3.5" className="ls-pp planned" /></svg>{tr('legendText.planned')}</span>
          <span className="ls-leg-item"><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="3" className="ls-pp no-intercept" /></svg>{tr('legendText.noIntercept')}</span>
        </div>
        <div className="ls-leg-group">
          <span className="ls-leg-title">{tr('legendText.contours', { unit: gtUnit(tr, 'g/t', basis) })}</span>
          {contours.bands.map((b) => (
            <span key={b.lo} className="ls-leg-item"><span className="ls-swatch" style={{ background: b.colour }} />{b.hi === Infinity ? `≥ ${short(b.lo, 6)}` : `${short(b.lo, 6)}–${short(b.hi, 6)}`}</span>
          ))}
        </div>
        <div className="ls-leg-group">
          {section.resources.length > 0 && (['measured', 'indicated', 'inferred'] as const).filter((c) => section.resources.some((r) => r.category === c)).map((c) => (
            <span key={c} className="ls-leg-item"><svg width="22" height="8" aria-hidden="true"><line x1="1" x2="21" y1="4" y2="4" className={`ls-resource ${c}`} /></svg>{tr(`legendText.category.${c}`)}</span>
          ))}
          {section.workings.length > 0 && <span className="ls-leg-item"><svg width="22" height="8" aria-hidden="true"><line x1="1" x2="21" y1="4" y2="4" className="ls-working drift" /></svg>{tr('legendText.workings')}</span>}
          <span className="ls-leg-item"><span className="ls-swatch vein" />{tr('legendText.modelledVein')}</span>
        </div>
        {veil && (
          <div className="ls-leg-group" data-testid="long-section-distance-legend">
            <span className="ls-leg-title">{tr('distance.title')}</span>
            {distanceLegend(lang).map((c) => (
              <span key={c.name} className="ls-leg-item" data-class={c.name}>
                <svg width="16" height="10" aria-hidden="true"><rect width="16" height="10" fill={VEIL_SWATCH_UNDER} /><rect width="16" height="10" className="ls-veil" fillOpacity={c.opacity} /></svg>{c.label}
              </span>
            ))}
          </div>
        )}
        <p className="ls-note-text" title={method}>
          {tr('note', { definition: gtDefinition(basis, lang), power: short(IDW_POWER, 2), radius: short(IDW_RADIUS, 2) })}
          {model.project.illustrative ? tr('illustrative') : ''}
        </p>
      </footer>
    </aside>
  );
}
