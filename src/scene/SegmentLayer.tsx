/** One draw call for a whole layer of segments (intervals, traces, workings...). */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { SegmentBuffer } from '../domain/segments';
import { buildSegmentGpuData, countLiveTriangles, type SegmentGpuData } from './geometry/segmentGeometry';
import { quadIndex, type PackedSegments } from '../domain/segmentPack';
import { createSegmentMaterial, type SegmentMaterialOptions } from './materials/segmentMaterial';
import { LARGE_LAYER, warmLayer, type WarmTarget } from './warmUp';
import { useWarmUp } from './useWarmUp';
import type { WarmJob } from './warmQueue';
import type { Material, Texture } from 'three';
import { NO_ZONES, segmentZoneTexture } from './materials/sharedUniforms';
import { pieceZoneCodes } from '../domain/zoneCodes';
import { store } from '../state/store';
import { zoneMaskOf } from '../state/filterState';
import { createLodDraw } from './segmentLodDraw';
import { fullDetailOverlayIndex } from '../domain/segmentLodOverlay';
import { subsetGeometry, useLodOverlay } from './lodOverlayJob';
import { lodSettings } from './lodSettings';


interface Props {
  buffer: SegmentBuffer;
  options: SegmentMaterialOptions;
  visible: boolean;
  name: string;
  /** a second draw of the same segments with these options, after everything else (emphasised grades) */
  overlay?: SegmentMaterialOptions;
  /** the second draw covers only segments of at least this value (its shader narrows further) */
  overlayFloor?: number;
  /** per-segment values to colour by; replaces one texture's data, no geometry rebuild */
  colorValues?: Float32Array;
  /** per row (the segments' `row`): zone code (domain/zoneCodes.ts), for the zone filter */
  rowZones?: Uint8Array;
}

/**
 * Before the layer's first frame: its program, then each texture (a million segments are 18 MB
 * per texture, about 40 ms each on software WebGL), the program's link, then its buffers.
 */
function* segmentWarmUp(gpu: SegmentGpuData, material: () => Material, target: () => WarmTarget, count: number): WarmJob<true> {
  yield* warmLayer(target, gpu.geometry, material, count >= LARGE_LAYER, [gpu.segA, gpu.segB, gpu.segC, gpu.holeAttr, ...(gpu.lod?.refs ?? [])]);
  return true;
}

/**
 * The layer's per-segment zone codes as a texture, built the first time a zone is unticked (one
 * byte per segment, uploaded once; until then no layer pays for it), shared by its materials.
 */
function useZoneTexture(buffer: SegmentBuffer, rowZones: Uint8Array | undefined): { value: Texture } {
  const holder = useMemo(() => ({ value: NO_ZONES as Texture }), [buffer, rowZones]);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!rowZones || !rowZones.some((c) => c > 0)) return;
    let built: Texture | null = null;
    const build = () => {
      if (built || !zoneMaskOf(store.getState())) return;
      built = segmentZoneTexture(pieceZoneCodes(buffer.row, buffer.count, rowZones));
      holder.value = built;
      invalidate();
    };
    build();
    const off = store.subscribe((s, prev) => {
      if (s.zoneVisible !== prev.zoneVisible) build();
    });
    return () => {
      off();
      built?.dispose();
    };
  }, [buffer, rowZones, holder, invalidate]);
  return holder;
}

export function SegmentLayer({ buffer, options, overlay, overlayFloor = -Infinity, visible, name, colorValues, rowZones }: Props) {
  const gpu = useMemo(() => {
    const data = buildSegmentGpuData(buffer, (buffer.gpu as PackedSegments | undefined) ?? undefined);
    // The worker's packed arrays are handed over once: after upload only the GPU keeps them.
    delete buffer.gpu;
    return data;
  }, [buffer]);
  const segZone = useZoneTexture(buffer, rowZones);
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const material = useMemo(() => createSegmentMaterial(options, { ...gpu, segZone }), [key, gpu, segZone]);
  const overlayKey = overlay ? JSON.stringify(overlay) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const levelled = gpu.lod !== null && lodSettings.enabled;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const overlayMaterial = useMemo(() => (overlay && !levelled ? createSegmentMaterial(overlay, { ...gpu, segZone }) : null), [overlayKey, gpu, segZone, levelled]);
  useEffect(() => () => overlayMaterial?.dispose(), [overlayMaterial]);
  // The second draw's triangles: only segments that may be emphasised (a few per cent of a layer),
  // so the draw over the surfaces costs the GPU little at a million intervals. Drawn by levels,
  // it is each level's entries of at least that grade, drawn at the main draw's levels
  // (segmentLodOverlay.ts), built as a warm-up job and handed to the draw (lodOverlayJob.ts).
  const overlayGeometry = useMemo(() => {
    if (!overlay || levelled) return null;
    // With a hierarchy but drawn without levels (`?lod=off`): full detail in the same tile order.
    if (gpu.lod) return subsetGeometry(fullDetailOverlayIndex(gpu.lod.hierarchy, buffer.value, overlayFloor), gpu.geometry);
    const v = buffer.value;
    return subsetGeometry(quadIndex(buffer.count, (i) => v[i] >= overlayFloor), gpu.geometry);
  }, [overlay, buffer, overlayFloor, gpu, levelled]);
  useEffect(() => () => overlayGeometry?.dispose(), [overlayGeometry]);
  useEffect(() => () => gpu.dispose(), [gpu]);
  const invalidate = useThree((s) => s.invalidate);
  const scene = useThree((s) => s.scene);
  // Large interval layers: a few draws of ranges chosen before each render (segmentLodDraw.ts), each
  // with one material per level of detail over the same uniforms and its own range (one program).
  const lodMaterials = useMemo(() => {
    const refs = gpu.lod && levelled ? gpu.lod.refs : null;
    return refs && Array.from({ length: lodSettings.maxDraws }, () => refs.map((lodRefs) => createSegmentMaterial(options, { ...gpu, count: undefined, segZone, lodRefs })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, gpu, segZone]);
  useEffect(() => () => lodMaterials?.flat().forEach((m) => m.dispose()), [lodMaterials]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const overlayLodMaterials = useMemo(() => (overlay && gpu.lod && levelled ? gpu.lod.refs.map((lodRefs) => createSegmentMaterial(overlay, { ...gpu, segZone, lodRefs })) : null), [overlayKey, gpu, segZone, levelled]);
  useEffect(() => () => overlayLodMaterials?.forEach((m) => m.dispose()), [overlayLodMaterials]);
  const lodDraw = useMemo(() => (gpu.lod && levelled ? createLodDraw(gpu.lod.hierarchy, gpu.geometry, [], name, gpu.count) : null), [gpu, name]);
  useEffect(() => {
    if (lodDraw && lodMaterials) lodDraw.setMaterials(lodMaterials);
    invalidate();
  }, [lodDraw, lodMaterials, invalidate]);
  useLodOverlay(lodDraw && gpu.lod && overlayLodMaterials ? { draw: lodDraw, hierarchy: gpu.lod.hierarchy, value: buffer.value, floor: overlayFloor, materials: overlayLodMaterials, whole: gpu.geometry } : null, invalidate);
  useEffect(() => (lodDraw ? lodDraw.attach(scene) : undefined), [lodDraw, scene]);
  useEffect(() => () => lodDraw?.dispose(), [lodDraw]);
  // Drawn only once uploaded and linked ahead of the frame (with the rest of its dataset).
  const ready = useWarmUp(buffer.count > 0 ? gpu : null, (g, target) => segmentWarmUp(g, () => lodMaterials?.[0][0] ?? material, target, buffer.count));
  useEffect(() => {
    if (!colorValues || colorValues.length !== buffer.count) return;
    // The grade itself is the colour value the GPU data start with: nothing to upload.
    if (colorValues === buffer.value && !gpu.colourChanged) return;
    gpu.setColorValues(colorValues);
    invalidate();
  }, [colorValues, gpu, buffer.count, invalidate]);
  useEffect(() => () => material.dispose(), [material]);
  if (buffer.count === 0 || !ready) return null;
  // The emphasised grades are drawn by the level-of-detail group, after everything else.
  if (lodDraw) return <primitive object={lodDraw.group} visible={visible} />;
  // Segments are placed in the shader, so the geometry has no meaningful bounds: never cull.
  return (
    <>
      <mesh name={name} geometry={gpu.geometry} material={material} visible={visible} frustumCulled={false} onAfterRender={countLiveTriangles} />
      {overlayMaterial && overlayGeometry && <mesh name={`${name}:on-top`} geometry={overlayGeometry} material={overlayMaterial} visible={visible} frustumCulled={false} renderOrder={20} />}
    </>
  );
}
