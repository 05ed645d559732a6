/** Small tip next to the cursor naming the hole (and interval) under it; text only. */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeinscape } from '../state/store';
import { fixed, grade, metres } from './format';

/** gap between the cursor and the tip, px */
const GAP = 14;

export function HoverTip() {
  const hover = useVeinscape((s) => s.hover);
  const model = useVeinscape((s) => s.model);
  const vc = useVeinscape((s) => s.prepared?.valueColumn ?? null);
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('hover');
  // Keep the tip inside the view: flip it to the cursor's left / top near the right / bottom edge.
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.parentElement;
    if (!el || !area || !hover) return;
    const left = hover.x + GAP + el.offsetWidth > area.clientWidth;
    const up = hover.y + GAP + el.offsetHeight > area.clientHeight;
    el.style.transform = `translate(${left ? `calc(-100% - ${2 * GAP}px)` : '0'}, ${up ? `calc(-100% - ${2 * GAP}px)` : '0'})`;
  });
  // The hit may refer to the previous dataset for a moment after a new one loads.
  const hole = hover && model ? model.holes[hover.hole] : undefined;
  if (!hover || !hole) return null;
  const table = vc && hover.row !== null ? model!.intervals.find((t) => t.id === vc.table) : undefined;
  const row = hover.row ?? -1;
  const value = table ? table.numeric[vc!.name][row] : NaN;
  return (
    <div ref={ref} className="hover-tip" role="tooltip" data-testid="hover-tip" style={{ left: hover.x + GAP, top: hover.y + GAP }}>
      <strong data-testid="hover-hole">{hole.id}</strong>
      <span data-testid="hover-depth">{metres(hover.depth, 1)}</span>
      {table && (
        <>
          <span data-testid="hover-interval">{fixed(table.from[row], 1)}–{metres(table.to[row], 1)}</span>
          {/* prepare() stores a missing grade as -1: both read as no value */}
          <span className="grade" data-testid="hover-grade">{value >= 0 ? grade(value, vc!.unit) : t('noValue')}</span>
        </>
      )}
    </div>
  );
}
