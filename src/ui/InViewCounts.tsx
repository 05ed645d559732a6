/** How many holes, intervals (at or above the cut-off) and intercepts the filters leave in view. */
import { useMemo } from 'react';
import { useVeinscape } from '../state/store';
import { filterStateFrom } from '../state/filterState';
import { countInView, holeAttrsVisible } from '../domain/holeFilter';

export function InViewCounts() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const filters = useVeinscape((s) => s.filters);
  const intercepts = useVeinscape((s) => s.intercepts);
  const counts = useMemo(() => {
    if (!model || !prepared) return null;
    const f = filterStateFrom({ model, prepared, filters });
    const c = countInView(prepared.traces, prepared.intervals, f, model.holes.length);
    const programIndex = new Map(prepared.programs.map((p, i) => [p, i]));
    const oz = prepared.origin[2];
    const ix = intercepts.filter((r) => {
      const h = model.holes[r.holeIndex];
      const code = (h.status === 'planned' ? 1 : 0) + (h.type === 'underground' ? 2 : 0);
      const z = r.midpoint[2] - oz;
      const d = (r.from + r.to) / 2;
      return holeAttrsVisible(code, programIndex.get(h.program)!, f, h.year ?? 0, r.holeIndex) && z >= f.elevMin && z <= f.elevMax
        && d >= (f.depthMin ?? -Infinity) && d <= (f.depthMax ?? Infinity) && r.grade >= f.gradeCutoff;
    }).length;
    return { ...c, intercepts: ix };
  }, [model, prepared, filters, intercepts]);
  if (!counts || !model) return null;
  return (
    <p className="counts" data-testid="in-view-counts">
      In view: <strong data-testid="count-holes">{counts.holes}</strong> of {model.holes.length} holes ·{' '}
      <strong data-testid="count-intervals">{counts.intervals.toLocaleString('en-US')}</strong> intervals ·{' '}
      <strong data-testid="count-intercepts">{counts.intercepts}</strong> intercepts
    </p>
  );
}
