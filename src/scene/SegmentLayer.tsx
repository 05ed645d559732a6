/** One draw call for a whole layer of segments (intervals, traces, workings...). */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { SegmentBuffer } from '../domain/segments';
import { buildSegmentGpuData } from './geometry/segmentGeometry';
import type { PackedSegments } from './geometry/segmentPack';
import { createSegmentMaterial, type SegmentMaterialOptions } from './materials/segmentMaterial';

/** Segments past which a layer's textures are uploaded ahead of its first frame. */
const LARGE_LAYER = 100_000;

interface Props {
  buffer: SegmentBuffer;
  options: SegmentMaterialOptions;
  visible: boolean;
  name: string;
  /** per-segment values to colour by; replaces one texture's data, no geometry rebuild */
  colorValues?: Float32Array;
}

export function SegmentLayer({ buffer, options, visible, name, colorValues }: Props) {
  const gpu = useMemo(() => {
    const data = buildSegmentGpuData(buffer, (buffer.gpu as PackedSegments | undefined) ?? undefined);
    // The worker's packed arrays are handed over once: after upload only the GPU keeps them.
    delete buffer.gpu;
    return data;
  }, [buffer]);
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const material = useMemo(() => createSegmentMaterial(options, gpu), [key, gpu]);
  useEffect(() => () => gpu.dispose(), [gpu]);
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    // A million segments are 50 MB of textures: upload each in a task of its own, ahead of the
    // first frame, rather than all inside that frame (one long main-thread task).
    if (buffer.count < LARGE_LAYER) return;
    const timers = [gpu.segA, gpu.segB, gpu.segC].map((t, i) => setTimeout(() => gl.initTexture(t), i));
    return () => timers.forEach(clearTimeout);
  }, [gpu, gl, buffer.count]);
  useEffect(() => {
    if (!colorValues || colorValues.length !== buffer.count) return;
    // The grade itself is the colour value the GPU data start with: nothing to upload.
    if (colorValues === buffer.value && !gpu.colourChanged) return;
    gpu.setColorValues(colorValues);
    invalidate();
  }, [colorValues, gpu, buffer.count, invalidate]);
  useEffect(() => () => material.dispose(), [material]);
  if (buffer.count === 0) return null;
  // Segments are placed in the shader, so the geometry has no meaningful bounds: never cull.
  return <mesh name={name} geometry={gpu.geometry} material={material} visible={visible} frustumCulled={false} />;
}
