/**
 * Vein, envelope, host and fault surfaces. Veins are opaque and lit in their zone colour, or, in
 * "grade on the vein" mode, by the class of the g/t·m interpolated at each vertex (a vertex
 * attribute: it moves with its fault block like the positions); host, envelopes and faults are
 * translucent so the veins and holes inside stay readable.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BufferAttribute, type BufferGeometry, type Material, type Mesh } from 'three';
import { useThree } from '@react-three/fiber';
import { useVeinscape } from '../state/store';
import { FAULT_COLOR, FAULT_OPACITY, KIND_LAYER, KIND_OPACITY } from '../state/layerStyle';
import { buildSurfaceGeometry } from './geometry/surfaceGeometry';
import { createSurfaceMaterial } from './materials/surfaceMaterial';
import { LARGE_KINDS } from '../domain/bounds';
import type { SurfaceBuffer } from '../domain/surfaceBuffer';
import { LARGE_LAYER, warmLayer, type WarmTarget } from './warmUp';
import { useWarmUp } from './useWarmUp';
import type { WarmJob } from './warmQueue';
import { gtVertexAttribute } from '../domain/gradeThickness';
import { useSurfaceLevels } from './surfaceLodDraw';

const KIND_ORDER: Record<string, number> = { vein: 0, shear: 0, other: 0, alteration: 2, host: 1, topography: 4 };

interface Props {
  buffer: SurfaceBuffer;
  color: string;
  opacity: number;
  visible: boolean;
  renderOrder: number;
  name: string;
  /** g/t·m per vertex (grade on the vein), or null for the plain colour */
  grade?: Float32Array | null;
  /** clipped to the model box (faults, host rock, topography) */
  clip?: boolean;
}

/**
 * Before the surface's first frame, each step a task of its own: its geometry (the bounding sphere
 * of half a million vertices takes 15-20 ms), its program, the program's link, then its buffers
 * (up to 30 MB).
 */
function* surfaceWarmUp(buffer: SurfaceBuffer, material: () => Material, target: () => WarmTarget): WarmJob<BufferGeometry> {
  const geometry = buildSurfaceGeometry(buffer);
  let handedOver = false;
  try {
    yield;
    yield* warmLayer(target, geometry, material, buffer.indices.length / 3 >= LARGE_LAYER);
    handedOver = true;
    return geometry;
  } finally {
    if (!handedOver) geometry.dispose();
  }
}

function disposeGeometry(g: BufferGeometry): void {
  g.dispose();
}

function SurfaceMesh({ buffer, color, opacity, visible, renderOrder, name, grade = null, clip = false }: Props) {
  const attribute = useMemo(() => (grade && grade.length * 3 === buffer.positions.length ? gtVertexAttribute(grade) : null), [grade, buffer]);
  const byGrade = attribute !== null;
  const material = useMemo(() => createSurfaceMaterial({ color, opacity, gradeThickness: byGrade, clip }), [color, opacity, byGrade, clip]);
  useEffect(() => () => material.dispose(), [material]);
  // Drawn only once built, uploaded and linked ahead of the frame (with the rest of its dataset).
  const geometry = useWarmUp(buffer, (b, target) => surfaceWarmUp(b, () => material, target), disposeGeometry);
  const invalidate = useThree((s) => s.invalidate);
  // Before the next frame (a layout effect): the grade material never draws without its attribute.
  useLayoutEffect(() => {
    if (!geometry || !attribute) return;
    // One attribute per geometry, refilled in place when the values change (new top-cut).
    const a = geometry.getAttribute('aGt') as BufferAttribute | undefined;
    if (a && a.array.length === attribute.length) {
      (a.array as Float32Array).set(attribute);
      a.needsUpdate = true;
    } else geometry.setAttribute('aGt', new BufferAttribute(attribute, 2));
    invalidate();
  }, [geometry, attribute, invalidate]);
  // A large surface draws a simplified copy where it is under a pixel off (surfaceLodDraw.ts).
  const meshRef = useRef<Mesh>(null);
  useSurfaceLevels(buffer, geometry, meshRef, !byGrade, name);
  if (!geometry) return null;
  return <mesh ref={meshRef} name={name} geometry={geometry} material={material} visible={visible} renderOrder={renderOrder} />;
}

export function SurfaceLayer() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const zoneVisible = useVeinscape((s) => s.zoneVisible);
  const layerVisible = useVeinscape((s) => s.layerVisible);
  const veinColour = useVeinscape((s) => s.veinColour);
  const veinGrade = useVeinscape((s) => s.veinGrade);
  const topCut = useVeinscape((s) => s.interceptQuery.topCut);
  const widthBasis = useVeinscape((s) => s.interceptQuery.widthBasis);
  // The hole filters decide which holes the interpolation uses: read only while the veins are
  // coloured by it, so that a filter change does not re-render every surface otherwise.
  const filters = useVeinscape((s) => (s.veinColour === 'gradeThickness' ? s.filters : null));
  const ensureVeinGrade = useVeinscape((s) => s.ensureVeinGrade);
  const byGrade = veinColour === 'gradeThickness';
  useEffect(() => {
    if (byGrade && prepared) ensureVeinGrade();
  }, [byGrade, prepared, topCut, widthBasis, filters, ensureVeinGrade]);
  if (!model || !prepared) return null;
  const grades = byGrade && veinGrade?.prepared === prepared ? veinGrade.values : null;
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const faults = new Map(model.faults.map((f) => [f.surface, f]));
  return (
    <group name="surfaces">
      {model.surfaces.map((s, i) => {
        const buffer = prepared.surfaces[i];
        if (s.zoneId) {
          const z = zones.get(s.zoneId)!;
          const visible = zoneVisible[z.id] !== false && layerVisible[KIND_LAYER[z.kind]];
          return <SurfaceMesh key={s.id} name={`surface:${s.id}`} buffer={buffer} color={s.color ?? z.color} opacity={s.opacity ?? KIND_OPACITY[z.kind]} visible={visible} renderOrder={KIND_ORDER[z.kind]} grade={grades?.[i]} clip={LARGE_KINDS.has(z.kind)} />;
        }
        const f = faults.get(s.id);
        return <SurfaceMesh key={s.id} name={`fault:${s.id}`} buffer={buffer} color={s.color ?? f?.color ?? FAULT_COLOR} opacity={s.opacity ?? FAULT_OPACITY} visible={layerVisible.faults} renderOrder={3} clip />;
      })}
    </group>
  );
}
