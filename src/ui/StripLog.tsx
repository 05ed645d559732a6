/**
 * Downhole strip log of the selected hole: depth axis (m along the hole), grade bars on a log scale
 * coloured by grade class, lithology and vein-zone blocks, brackets for the current significant
 * intercepts, and a marker at the selected depth. Clicking the log selects that depth (and the
 * interval under it). Reads the store; writes only through `select`.
 */
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { useVeinscape } from '../state/store';
import { binIndex, DEFAULT_GOLD_BINS } from '../domain/gradeBins';
import type { Intercept } from '../domain/intercepts';
import { EMPTY } from './empty';
import { categoryBlocks, holeLog, LITH_PALETTE } from './striplog/data';
import { depthScale, depthWindow, logScale, logTicks, niceTicks, rowAtDepth } from './striplog/scale';
import './panels.css';
import { useSize } from './useSize';
import { useTranslation } from 'react-i18next';
import { namesById } from '../i18n/localText';
import { fixed, short } from './format';
import { interceptLabel } from '../i18n/interceptText';

const LOG_MIN = 0.01;
const LOG_MAX = 100;
/** m of hole shown by the zoomed view */
const ZOOM_SPAN = 50;

// Layout of the SVG, px.
const TOP = 18;
const BOTTOM = 8;
const AXIS_W = 46;
const LITH_W = 18;
/** intercept brackets, between the lithology and the zone bar they usually match */
const BRACKET_W = 10;
const ZONE_BAR_W = 12;
/** zone names, to the right of the zone bar */
const ZONE_LABEL_W = 76;
/** below this height the log moves beside the info panel instead of under it, px */
const MIN_HEIGHT = 230;
/** gap kept to the bottom of the view (the measure card's place) and to the info panel, px */
const BOTTOM_GAP = 64;
const GAP = 4;

// Figures in the interface language ("1,25–2,40 m" in French); called while rendering.
const span = (a: number, b: number) => `${fixed(a)}–${fixed(b)} m`;
const logLabel = (v: number) => short(v, 2);

/** A name that fits `px` at about 4.9 px per character (9 px font); parenthetical parts go first. */
function fitName(name: string, px: number): string {
  const max = Math.max(3, Math.floor(px / 4.9));
  const short = name.length > max ? name.replace(/\s*\(.*\)\s*$/, '') : name;
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

/**
 * Where the card goes: under the info panel (bottom-right) with the height left there, at most
 * min(46vh, 420 px); when that leaves less than MIN_HEIGHT (short windows), beside the info panel,
 * top-aligned with it. While measuring, the measure card takes the bottom-right corner and the
 * log moves left (see the render).
 */
function usePlacement(ref: RefObject<HTMLElement | null>, key: unknown) {
  const [place, setPlace] = useState<{ height: number; beside: boolean } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const area = el.offsetParent as HTMLElement | null;
    const info = document.querySelector<HTMLElement>('[data-testid="info-panel"]');
    const update = () => {
      const maxH = Math.min(window.innerHeight * 0.46, 420);
      let height = maxH;
      let beside = false;
      if (area && info) {
        const a = area.getBoundingClientRect();
        const i = info.getBoundingClientRect();
        const avail = Math.floor(a.bottom - BOTTOM_GAP - (i.bottom + 8));
        if (avail >= MIN_HEIGHT) height = Math.min(maxH, avail);
        else {
          beside = true;
          height = Math.floor(Math.max(MIN_HEIGHT, Math.min(maxH, a.bottom - i.top - 12)));
        }
      }
      setPlace((p) => (p && p.height === height && p.beside === beside ? p : { height, beside }));
    };
    update();
    const ro = new ResizeObserver(update);
    if (info) ro.observe(info);
    if (area) ro.observe(area);
    window.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, key]);
  return place;
}

export function StripLog() {
  const sel = useVeinscape((s) => s.selection);
  const model = useVeinscape((s) => s.model);
  if (!sel || !model || !model.holes[sel.hole]) return null;
  return <StripLogCard />;
}

function StripLogCard() {
  const sel = useVeinscape((s) => s.selection)!;
  const model = useVeinscape((s) => s.model)!;
  const vc = useVeinscape((s) => s.prepared?.valueColumn ?? null);
  const measuring = useVeinscape((s) => s.measure.active || s.measure.points.length > 0);
  const intercepts = useVeinscape((s) => s.intercepts);
  const binsByColumn = useVeinscape((s) => s.bins);
  const select = useVeinscape((s) => s.select);
  const [zoom, setZoom] = useState(false);
  const [boxRef, size] = useSize<HTMLDivElement>({ w: 276, h: 320 });
  const cardRef = useRef<HTMLElement>(null);
  const place = usePlacement(cardRef, sel);
  const { t, i18n } = useTranslation('striplog');

  const hole = model.holes[sel.hole];
  const log = useMemo(() => holeLog(model, sel.hole, vc?.table ?? null, vc?.name ?? null), [model, sel.hole, vc]);
  const holeIntercepts = useMemo(() => {
    const list = intercepts.ofHole(sel.hole);
    return list.length ? list : (EMPTY as Intercept[]);
  }, [intercepts, sel.hole]);

  const { w: W, h: H } = size;
  const [d0, d1] = depthWindow(log.end, sel.depth, zoom ? ZOOM_SPAN : null);
  const ds = depthScale(d0, d1, TOP, Math.max(TOP + 10, H - BOTTOM));
  const zx = W - ZONE_LABEL_W - 3 - ZONE_BAR_W;
  const bx = zx - BRACKET_W;
  const lx = bx - 2 - LITH_W;
  const gx0 = AXIS_W;
  const gx1 = lx - GAP;
  const ls = logScale(LOG_MIN, LOG_MAX, gx0, gx1);
  const decadePx = (gx1 - gx0) / Math.log10(LOG_MAX / LOG_MIN);
  const y0 = ds.y(d0);
  const y1 = ds.y(d1);
  const grade = log.grade;
  const unit = grade?.unit ?? 'g/t';
  const bins = (grade && binsByColumn[grade.name]) || { ...DEFAULT_GOLD_BINS, unit };
  const tab = log.table;
  const visible = (from: number, to: number) => to > d0 && from < d1;
  const clampY = (d: number) => ds.y(Math.min(d1, Math.max(d0, d)));

  const zoneById = useMemo(() => new Map(model.zones.map((z) => [z.id, z])), [model]);
  const zoneNames = useMemo(() => namesById(model.zones, i18n.language), [model, i18n.language]);
  const lithBlocks = useMemo(() => (tab && log.lith ? categoryBlocks(log.rows, tab.from, tab.to, log.lith.column.codes) : []), [tab, log]);
  const zoneBlocks = useMemo(() => (tab && log.zone ? categoryBlocks(log.rows, tab.from, tab.to, log.zone.column.codes) : []), [tab, log]);

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const y = e.clientY - r.top;
    if (y < TOP - 4 || y > y1 + 4) return;
    const depth = Math.min(log.end, Math.max(0, ds.depth(Math.min(y1, Math.max(y0, y)))));
    const row = tab ? rowAtDepth(log.rows, tab.from, tab.to, depth) : -1;
    select({ hole: sel.hole, row: row >= 0 ? row : null, depth });
  };

  // Zone labels: centred on their block, skipped where they would overlap the previous one.
  let lastLabelY = -Infinity;
  const selY = sel.depth >= d0 && sel.depth <= d1 ? ds.y(sel.depth) : null;

  return (
    <aside
      ref={cardRef} className={`strip-log card${place?.beside ? ' beside' : measuring ? ' shifted' : ''}`}
      style={place && (place.beside || !measuring) ? { height: place.height } : undefined}
      data-testid="strip-log" aria-label={t('card', { hole: hole.id })}
    >
      <header>
        <h2 data-testid="strip-log-hole">{hole.id}</h2>
        <div className="toggle sl-zoom" role="group" aria-label={t('range')}>
          <button className={zoom ? undefined : 'on'} aria-pressed={!zoom} onClick={() => setZoom(false)} title={t('wholeHole')}>{t('hole')}</button>
          <button className={zoom ? 'on' : undefined} aria-pressed={zoom} onClick={() => setZoom(true)} title={t('zoomTitle', { span: ZOOM_SPAN })}>{ZOOM_SPAN} m</button>
        </div>
      </header>
      <p className="sl-sub">{hole.program} · {t(`type.${hole.type}`)} · {t(`status.${hole.status}`)}</p>
      <p className="sl-caption">{grade ? t('gradeCaption', { column: grade.name, unit }) : t('noGrade')} · {t('depthCaption')}</p>
      {log.rows.length === 0 && (
        <p className="hint" data-testid="strip-log-empty">{hole.status === 'planned' ? t('noIntervalsPlanned') : t('noIntervals')} · {t('finalDepth', { depth: fixed(hole.depth, 1) })}</p>
      )}
      <div className="sl-box" ref={boxRef}>
        <svg width={W} height={H} onClick={onClick} role="img" aria-label={t('image', { hole: hole.id, from: fixed(d0, 0), to: fixed(d1, 0) })}>
          <defs>
            <pattern id="striplog-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
              <rect width="5" height="5" className="sl-hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="5" className="sl-hatch" />
            </pattern>
          </defs>
          <rect x={0} y={0} width={W} height={H} fill="transparent" />

          {/* column headers and the log-scale labels */}
          {logTicks(LOG_MIN, LOG_MAX).map((v, i, a) => (
            <g key={v}>
              <line x1={ls.x(v)} x2={ls.x(v)} y1={y0} y2={y1} className="sl-grid" />
              {/* every decade labelled when there is room, else every other one */}
              {(decadePx >= 30 || i % 2 === 0) && (
                <text x={ls.x(v)} y={TOP - 6} className="sl-small" textAnchor={i === 0 ? 'start' : i === a.length - 1 ? 'end' : 'middle'}>{logLabel(v)}</text>
              )}
            </g>
          ))}
          <text x={lx + LITH_W / 2} y={TOP - 6} className="sl-small" textAnchor="middle">{t('lith')}</text>
          <text x={zx} y={TOP - 6} className="sl-small" textAnchor="start">{t('zone')}</text>

          {/* depth axis */}
          <line x1={AXIS_W - 2} x2={AXIS_W - 2} y1={y0} y2={y1} className="sl-axis" />
          {niceTicks(d0, d1, Math.max(3, Math.round((y1 - y0) / 45))).map((d) => (
            <g key={d}>
              <line x1={AXIS_W - 6} x2={AXIS_W - 2} y1={ds.y(d)} y2={ds.y(d)} className="sl-axis" />
              <line x1={AXIS_W} x2={zx + ZONE_BAR_W} y1={ds.y(d)} y2={ds.y(d)} className="sl-grid" />
              <text x={AXIS_W - 8} y={ds.y(d) + 3.5} className="sl-small" textAnchor="end">{`${short(d, 2)} m`}</text>
            </g>
          ))}

          {/* grade bars; missing assays hatched, never drawn as zero */}
          {tab && grade && log.rows.map((r) => {
            if (!visible(tab.from[r], tab.to[r])) return null;
            const ya = clampY(tab.from[r]);
            const h = Math.max(1, clampY(tab.to[r]) - ya);
            const v = grade.values[r];
            const title = `${span(tab.from[r], tab.to[r])} · ${Number.isNaN(v) ? t('notAssayed') : `${fixed(v)} ${unit} ${grade.name}`}`;
            if (Number.isNaN(v)) {
              return <rect key={r} x={gx0} y={ya} width={gx1 - gx0} height={h} fill="url(#striplog-hatch)"><title>{title}</title></rect>;
            }
            return (
              <rect key={r} x={gx0} y={ya} width={Math.max(1, ls.x(v) - gx0)} height={h} fill={bins.colors[binIndex(bins, v)]}>
                <title>{title}</title>
              </rect>
            );
          })}

          {/* lithology blocks */}
          {tab && log.lith && lithBlocks.map((b) => {
            if (!visible(b.from, b.to)) return null;
            const ya = clampY(b.from);
            const h = Math.max(1, clampY(b.to) - ya);
            const name = log.lith!.column.categories[b.code];
            return (
              <g key={`l${b.from}`}>
                <rect x={lx} y={ya} width={LITH_W} height={h} fill={LITH_PALETTE[b.code % LITH_PALETTE.length]} className="sl-block">
                  <title>{t('category', { column: log.lith!.name, name, span: span(b.from, b.to) })}</title>
                </rect>
                {h >= 11 && <text x={lx + LITH_W / 2} y={ya + h / 2 + 3} className="sl-tiny" textAnchor="middle" pointerEvents="none">{name.slice(0, 4)}</text>}
              </g>
            );
          })}

          {/* vein-zone blocks, coloured as in the 3D view */}
          {tab && log.zone && zoneBlocks.map((b) => {
            if (!visible(b.from, b.to)) return null;
            const ya = clampY(b.from);
            const h = Math.max(1.5, clampY(b.to) - ya);
            const id = log.zone!.column.categories[b.code];
            const zone = zoneById.get(id);
            const mid = ya + h / 2;
            const label = mid - lastLabelY >= 11;
            if (label) lastLabelY = mid;
            return (
              <g key={`z${b.from}`}>
                <rect x={zx} y={ya} width={ZONE_BAR_W} height={h} fill={zone?.color ?? '#9aa5b1'} className="sl-block">
                  <title>{`${zoneNames.get(id) ?? id} · ${span(b.from, b.to)}`}</title>
                </rect>
                {label && (
                  <text x={zx + ZONE_BAR_W + 3} y={Math.min(H - 2, Math.max(y0 + 7, mid + 3))} className="sl-zone-label" pointerEvents="none">{fitName(zoneNames.get(id) ?? id, ZONE_LABEL_W)}</text>
                )}
              </g>
            );
          })}

          {/* current significant intercepts of the hole */}
          {holeIntercepts.map((r) => {
            if (!visible(r.from, r.to)) return null;
            let ya = clampY(r.from);
            let yb = clampY(r.to);
            if (yb - ya < 5) {
              const m = (ya + yb) / 2;
              ya = m - 2.5;
              yb = m + 2.5;
            }
            return (
              <g key={`i${r.from}`} className="sl-icept" data-testid="strip-log-intercept">
                <title>{`${interceptLabel(r.labelParts)} · ${span(r.from, r.to)}`}</title>
                <rect x={bx} y={ya - 2} width={BRACKET_W} height={yb - ya + 4} fill="transparent" />
                <path d={`M ${bx + BRACKET_W - 2} ${ya} H ${bx + 3} V ${yb} H ${bx + BRACKET_W - 2}`} />
              </g>
            );
          })}

          {/* selected depth */}
          {selY !== null && (
            <g pointerEvents="none" data-testid="strip-log-marker">
              <line x1={AXIS_W - 2} x2={W} y1={selY} y2={selY} className="sl-marker" />
              <rect x={0} y={selY - 7} width={AXIS_W - 3} height={14} rx={3} className="sl-marker-box" />
              <text x={AXIS_W - 6} y={selY + 3} textAnchor="end" className="sl-marker-text">{`${fixed(sel.depth, sel.depth < 1000 ? 1 : 0)} m`}</text>
            </g>
          )}
        </svg>
      </div>
    </aside>
  );
}
