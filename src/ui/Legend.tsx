/**
 * Legend: every kind of thing visible, from the same sections an exported image draws
 * (overlay/legend.ts legendFor): the interval colouring (column chosen here, classes editable),
 * hole, fault, workings and resource symbols, the veins and the other surfaces shown. It follows
 * the store, so it always matches the picture. It can be collapsed; in embed and presentation
 * modes it has no editing controls.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useVeinscape } from '../state/store';
import { currentColouring } from '../state/colouring';
import { legendFor, type LegendItem, type LegendSection } from '../overlay/legend';
import { sceneState } from '../scene/handle';
import { GradeThicknessLegend } from './legend/GradeThicknessLegend';

function BinEditor({ column, bounds, unit, onDone }: { column: string; bounds: number[]; unit: string; onDone: () => void }) {
  const setBins = useVeinscape((s) => s.setBins);
  const colouring = useVeinscape(currentColouring);
  const { t } = useTranslation('legend');
  const [text, setText] = useState(bounds.join(', '));
  const parsed = text.split(/[,\s]+/).filter(Boolean).map(Number);
  const valid = parsed.length > 0 && parsed.length <= 14 && parsed.every((v, i) => Number.isFinite(v) && (i === 0 || v > parsed[i - 1]));
  return (
    <div className="bin-editor">
      <label>
        {t('bins.bounds', { unit: unit || t('bins.value') })}
        <input value={text} aria-label={t('bins.boundsFor', { column })} onChange={(e) => setText(e.target.value)} className={valid ? '' : 'invalid'} />
      </label>
      <button
        disabled={!valid}
        onClick={() => {
          const colors = colouring!.bins.colors;
          const palette = ['#a3acb6', '#4575b4', '#74add1', '#abd9e9', '#fee090', '#fdae61', '#f46d43', '#d73027', '#a50026'];
          const n = parsed.length + 1;
          // Keep the current colours when the count matches; otherwise spread the palette.
          const next = colors.length === n ? colors : Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / Math.max(n - 1, 1))]);
          setBins(column, { bounds: parsed, colors: next, unit });
          onDone();
        }}
      >
        {t('bins.apply')}
      </button>
    </div>
  );
}

function Item({ item }: { item: LegendItem }) {
  const mark = item.symbol === 'swatch'
    ? <span className="swatch" style={{ background: item.color }} />
    : <span className={`line ${item.symbol === 'dashed' ? 'dashed' : 'solid'}`} style={{ borderTopColor: item.color }} />;
  return <li>{mark}{item.label}</li>;
}

function Section({ section, title, testId }: { section: LegendSection; title?: React.ReactNode; testId?: string }) {
  return (
    <div className="legend-section">
      <h3>{title ?? section.title}</h3>
      <ul className={section.columns > 1 ? 'two-columns' : undefined} data-testid={testId}>
        {section.items.map((it, i) => <Item key={i} item={it} />)}
      </ul>
      {section.note && <p className="hint">{section.note}</p>}
    </div>
  );
}

/** Column choice and class editing: only where the legend is a tool, not in embed or presentation. */
function ColouringTitle({ onEdit, editing }: { onEdit: () => void; editing: boolean }) {
  const { t } = useTranslation('legend');
  const vc = useVeinscape((s) => s.prepared?.valueColumn);
  const model = useVeinscape((s) => s.model);
  const setColorBy = useVeinscape((s) => s.setColorBy);
  const colouring = useVeinscape(currentColouring);
  const table = vc && model ? model.intervals.find((t) => t.id === vc.table) : undefined;
  if (!colouring) return null;
  return (
    <>
      <select aria-label={t('colourBy')} value={colouring.column} onChange={(e) => setColorBy(e.target.value)}>
        {table?.columns.map((c) => (
          <option key={c.name} value={c.name}>{c.name}{c.unit ? ` (${c.unit})` : ''}</option>
        ))}
      </select>
      {colouring.kind === 'numeric' && <button className="link" onClick={onEdit}>{editing ? t('cancel') : t('editClasses')}</button>}
    </>
  );
}

/** Width by grade class: the emphasised grades drawn wider class by class. */
function GradeWidthToggle() {
  const { t } = useTranslation('legend');
  const on = useVeinscape((s) => s.gradeWidth);
  const set = useVeinscape((s) => s.setGradeWidth);
  return (
    <label className="legend-option" title={t('widerByGradeClassHint')}>
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} />{' '}{t('widerByGradeClass')}
    </label>
  );
}

export function Legend() {
  // The cut-off alone of the filters (overlay/legend.ts): an elevation or hole filter change does not re-render the legend.
  const { gradeCutoff, ...rest } = useVeinscape(
    useShallow((s) => ({
      model: s.model, prepared: s.prepared, colorBy: s.colorBy, bins: s.bins, layerVisible: s.layerVisible, zoneVisible: s.zoneVisible,
      gradeCutoff: s.filters.gradeCutoff, veinColour: s.veinColour, interceptQuery: s.interceptQuery,
    })),
  );
  const state = { ...rest, filters: { gradeCutoff } };
  const { t, i18n } = useTranslation('legend');
  const tool = useVeinscape((s) => !s.presenting && !s.embed);
  const colouring = useVeinscape(currentColouring);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(true);
  // The grade-on-the-vein block has its own component (it shows the computation's progress).
  const sections = legendFor(state, i18n.language).filter((x) => x.id !== 'gradeThickness');
  if (!sections.length && state.veinColour !== 'gradeThickness') return null;
  const toggle = () => {
    setOpen(!open);
    // The overlay lays its labels out around the legend: repaint it at the legend's new size.
    requestAnimationFrame(() => sceneState.handle?.invalidate());
  };
  return (
    <aside className={`legend card${open ? '' : ' collapsed'}`} aria-label={t('title')} data-testid="legend">
      <button className="legend-toggle" aria-expanded={open} onClick={toggle} title={open ? t('collapse') : t('show')}>
        {open ? t('toggleOpen') : t('toggleClosed')}
      </button>
      {open && (
        <div className="legend-body">
          {sections.map((sec) =>
            sec.id === 'colouring' && tool ? (
              <div key={sec.id} className="legend-colouring">
                <Section section={sec} testId="legend-classes" title={<ColouringTitle editing={editing} onEdit={() => setEditing(!editing)} />} />
                <GradeWidthToggle />
                {editing && colouring?.kind === 'numeric' && (
                  <BinEditor column={colouring.column} bounds={colouring.bins.bounds} unit={colouring.unit} onDone={() => setEditing(false)} />
                )}
              </div>
            ) : (
              <Section key={sec.id} section={sec} testId={sec.id === 'colouring' ? 'legend-classes' : undefined} />
            ),
          )}
          <GradeThicknessLegend />
        </div>
      )}
    </aside>
  );
}
