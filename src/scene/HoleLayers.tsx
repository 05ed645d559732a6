/** Drill intervals coloured by grade, hole traces (planned ones dashed), workings and resource outlines. */
import { RESOURCE_COLORS, TRACE_COLOR, WORKING_COLOR } from '../state/layerStyle';
import { useVeinscape } from '../state/store';
import { currentColouring } from '../state/colouring';
import { SegmentLayer } from './SegmentLayer';
import type { SegmentMaterialOptions } from './materials/segmentMaterial';

const TRACES: SegmentMaterialOptions = { mode: 'trace', radius: 0.6, minPixels: 0.7, holeFilters: true, color: TRACE_COLOR };
/** Traces are built only where no interval covers the hole; intervals draw the rest in trace style. */
const INTERVALS: SegmentMaterialOptions = { mode: 'grade', radius: 1.6, minPixels: 1.6, holeFilters: true, traceStyle: { radius: TRACES.radius, minPixels: TRACES.minPixels, color: TRACES.color! } };
/** High grades again, over the surfaces with a halo (same GPU data, a second draw). */
const INTERVALS_ON_TOP: SegmentMaterialOptions = { ...INTERVALS, onTop: true };
/** Workings in one colour; imported lines in their own (a palette: the same program, see ShaderWarmup). */
const WORKINGS: SegmentMaterialOptions = { mode: 'fixed', radius: 2.2, minPixels: 1.2, color: WORKING_COLOR, palette: [] };
const FAULT_TRACES: SegmentMaterialOptions = { mode: 'fixed', radius: 2.5, minPixels: 1.3, color: '#a8392e', clip: true };
const RESOURCES: SegmentMaterialOptions = { mode: 'category', radius: 1.2, minPixels: 1.2, palette: RESOURCE_COLORS };
/** Every segment layer's material options (ShaderWarmup compiles them before data arrive). */
export const SEGMENT_LAYER_OPTIONS = [INTERVALS, INTERVALS_ON_TOP, TRACES, WORKINGS, RESOURCES, FAULT_TRACES];

export function HoleLayers() {
  const prepared = useVeinscape((s) => s.prepared);
  const layer = useVeinscape((s) => s.layerVisible);
  const colouring = useVeinscape(currentColouring);
  // Emphasised grades are at least the intercept cut-off (state/highlight.ts): the over-the-surfaces
  // draw holds those segments only, and is rebuilt when that cut-off changes (not on a filter change).
  const interceptCutoff = useVeinscape((s) => s.interceptQuery.cutoff);
  if (!prepared) return null;
  return (
    <group name="holes">
      <SegmentLayer name="intervals" buffer={prepared.intervals} options={INTERVALS} overlay={INTERVALS_ON_TOP} overlayFloor={interceptCutoff} visible={layer.intervals || layer.traces} colorValues={colouring?.values} rowZones={prepared.intervalZones} />
      <SegmentLayer name="traces" buffer={prepared.traces} options={TRACES} visible={layer.traces} />
      <SegmentLayer name="workings" buffer={prepared.workings} options={prepared.workingColors.length ? { ...WORKINGS, palette: prepared.workingColors } : WORKINGS} visible={layer.workings} />
      <SegmentLayer name="resources" buffer={prepared.resources} options={RESOURCES} visible={layer.resources} />
      <SegmentLayer name="fault-traces" buffer={prepared.faultTraces} options={FAULT_TRACES} visible={layer.faults} />
    </group>
  );
}
