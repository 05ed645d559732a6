/**
 * How many holes, intervals (assayed, and at or above the cut-off), intercepts and resource outlines
 * the filters leave in view: the hole filters, the zone ticks of the Layers panel (an unticked zone's
 * intervals and intercepts leave the count) and the section slab or clip box (a piece counts when
 * its midpoint is kept; domain/viewCounts.ts).
 * Counting a million intervals is kept off the main thread: the loading worker stays on as the
 * dataset's counter (data/countClient.ts) and answers each change (holes and interval rows; the
 * intercepts in view come from the page's flags, state/interceptsInView.ts). A dataset without one (set
 * directly, or its worker failed) is counted here, ~100 ms after the last filter change, in short
 * slices (domain/viewCounts.ts), so dragging a slider stays fluid.
 * Until the counts match the current filters, data and intercepts, the numbers carry
 * `data-pending="true"` (tests wait for it to go).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVeinscape } from '../state/store';
import { countPlanesOf, filterStateFrom } from '../state/filterState';
import { countInViewSteps, holeAttrsFor, outlinesInView, type ViewCounts } from '../domain/viewCounts';
import { interceptsInViewOf } from '../state/interceptsInView';
import { runSliced, type SlicedRun } from '../domain/sliced';
import { counterState, countInWorker, onCounterChange } from '../data/countClient';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { countNumber, shortNumber } from '../i18n/numbers';

/** Quiet time (ms) after a filter change before counting again. */
const DEBOUNCE_MS = 100;

/** A whole number as the interface language groups it: 1,121,513; in French 1 121 513. */
const count = (n: number) => countNumber(n, i18next.language || 'en');
/** The cut-off as typed (2.5), with the language's decimal sign (2,5 in French). */
const cutoffText = (v: number) => shortNumber(v, 6, i18next.language || 'en');

interface Settled {
  inputs: readonly unknown[];
  counts: ViewCounts;
}

export function InViewCounts() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const filters = useVeinscape((s) => s.filters);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const section = useVeinscape((s) => s.section);
  const resourcesOn = useVeinscape((s) => s.layerVisible.resources);
  const intercepts = useVeinscape((s) => s.intercepts);
  const interceptsPending = useVeinscape((s) => s.interceptsPending);
  const ensureIntercepts = useVeinscape((s) => s.ensureIntercepts);
  const unit = useVeinscape((s) => s.prepared?.valueColumn?.unit ?? 'g/t');
  const [settled, setSettled] = useState<Settled | null>(null);
  const { t } = useTranslation('counts');
  const counted = useRef(false);
  // Bumped when the dataset's worker counter arrives or fails, to count again the right way.
  const [counterVersion, setCounterVersion] = useState(0);
  // A layout effect, so it listens from the commit that mounts the count line: a passive one runs
  // after the paint, and the counter's arrival (a worker message) could fall between the two when
  // the line mounts with a dataset already stored, leaving the counts pending for good.
  useLayoutEffect(() => onCounterChange(() => setCounterVersion((v) => v + 1)), []);

  // The intercept count needs the intercepts (computed in slices, once per dataset and settings).
  useEffect(() => {
    if (prepared) ensureIntercepts();
  }, [prepared, ensureIntercepts]);

  // The intercepts in view from the flags the intercept table and the labels use (state/interceptsInView.ts),
  // made on the page on every filter change anyway: the counter counts holes and interval rows only.
  const interceptsInView = useMemo(() => interceptsInViewOf({ model, prepared, filters, zoneVisible, section, intercepts })?.tally?.count, [model, prepared, filters, zoneVisible, section, intercepts]);
  // The section's placing state (picks) changes nothing counted: only its planes.
  const planesKey = useMemo(() => (prepared ? String(countPlanesOf({ prepared, section })) : ''), [prepared, section]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const inputs = useMemo(() => [prepared, filters, zoneVisible, planesKey], [prepared, filters, zoneVisible, planesKey]);

  // A layout effect, not a passive one: the request leaves in the task of the change, before the
  // frame, so the worker's answer (a few ms) usually lands before that frame and the sidebar is
  // laid out and painted once per change instead of twice.
  useLayoutEffect(() => {
    if (!model || !prepared) return;
    /** Counts on the page, in slices, after `delay` ms; returns how to cancel. */
    const countHere = (delay: number) => {
      let run: SlicedRun<ViewCounts> | null = null;
      const timer = setTimeout(() => {
        // The holes' attributes here, not as the dataset is shown: the worker counter needs none.
        const holes = holeAttrsFor(model.holes, prepared.programs);
        const f = filterStateFrom({ model, prepared, filters, zoneVisible, section });
        run = runSliced(countInViewSteps({ traces: prepared.traces, intervals: prepared.intervals, holes, intercepts: null, rowZones: prepared.intervalZones }, f));
        void run.promise.then((counts) => {
          counted.current = true;
          setSettled({ inputs, counts });
        });
      }, delay);
      return () => {
        clearTimeout(timer);
        run?.cancel();
      };
    };
    const how = counterState(prepared);
    if (how === 'pending') return; // counted once the worker counter arrives (counterVersion)
    if (how === 'ready') {
      let live = true;
      let cancelHere: (() => void) | null = null;
      countInWorker(prepared, filterStateFrom({ model, prepared, filters, zoneVisible, section })).then(
        (counts) => {
          if (live) setSettled({ inputs, counts });
        },
        (e: Error) => {
          // A crashed counter is 'none' now and counterVersion changes: this effect runs again and
          // counts here. A counter that answered with an error is still there: this change is
          // counted here, so the numbers never stay pending.
          if (!live || counterState(prepared) !== 'ready') return;
          console.warn(`in-view counts: the worker counter failed (${e.message}); counting on the page`);
          cancelHere = countHere(0);
        },
      );
      return () => {
        live = false;
        cancelHere?.();
      };
    }
    return countHere(counted.current ? DEBOUNCE_MS : 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, prepared, filters, inputs, counterVersion]);

  // A handful of outlines: counted here, at once.
  const outlines = useMemo(
    () => (model && prepared ? outlinesInView(model.resourceCategories, { layer: resourcesOn, categories: filters.categories, zoneVisible }, countPlanesOf({ prepared, section }), prepared.origin) : 0),
    [model, prepared, resourcesOn, filters.categories, zoneVisible, section],
  );
  if (!model || !prepared) return null;
  const pending = settled?.inputs !== inputs || interceptsPending ? 'true' : undefined;
  const c = settled?.counts;
  // Only rows with a value count (a row not assayed is never at or above a cut-off), so the line
  // says so: beside the status bar's total of all rows, a bare "intervals" read as a mismatch.
  const intervals = c?.intervals ?? 0;
  const rows = filters.gradeCutoff > 0 ? t('rowsCutoff', { count: intervals, cutoff: cutoffText(filters.gradeCutoff), unit }) : t('rowsAssayed', { count: intervals });
  const num = (id: string, n: number | undefined) => (
    <strong data-testid={id} data-pending={pending}>{n === undefined ? '…' : count(n)}</strong>
  );
  return (
    <p className="counts" data-testid="in-view-counts" data-pending={pending} title={pending ? t('counting') : undefined}>
      {t('inView')} {num('count-holes', c?.holes)} {t('ofHoles', { count: model.holes.length, total: count(model.holes.length) })} · {num('count-intervals', c?.intervals)} {rows} ·{' '}
      {num('count-intercepts', interceptsInView)} {t('intercepts', { count: interceptsInView ?? 0 })}
      {model.resourceCategories.length > 0 && (
        <span title={resourcesOn ? t('outlinesOn') : t('outlinesOff')}>
          {' '}· <strong data-testid="count-outlines">{count(outlines)}</strong> {t('ofOutlines', { count: model.resourceCategories.length, total: count(model.resourceCategories.length) })}
        </span>
      )}
    </p>
  );
}
