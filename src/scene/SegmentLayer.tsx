/** One instanced draw call for a whole layer of segments (intervals, traces, workings...). */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { InstancedBufferAttribute } from 'three';
import type { SegmentBuffer } from '../domain/segments';
import { buildSegmentGeometry } from './geometry/segmentGeometry';
import { createSegmentMaterial, type SegmentMaterialOptions } from './materials/segmentMaterial';

interface Props {
  buffer: SegmentBuffer;
  options: SegmentMaterialOptions;
  visible: boolean;
  name: string;
  /** per-segment values to colour by; replaces the attribute's data, no geometry rebuild */
  colorValues?: Float32Array;
}

export function SegmentLayer({ buffer, options, visible, name, colorValues }: Props) {
  const geometry = useMemo(() => buildSegmentGeometry(buffer), [buffer]);
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const material = useMemo(() => createSegmentMaterial(options), [key]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!colorValues || colorValues.length !== buffer.count) return;
    const attr = geometry.getAttribute('aColorValue') as InstancedBufferAttribute;
    attr.array = colorValues;
    attr.needsUpdate = true;
    invalidate();
  }, [colorValues, geometry, buffer.count, invalidate]);
  useEffect(() => () => material.dispose(), [material]);
  if (buffer.count === 0) return null;
  // Instances are placed in the shader, so the base tube's bounds mean nothing: never cull.
  return <mesh name={name} geometry={geometry} material={material} visible={visible} frustumCulled={false} />;
}
