/** One instanced draw call for a whole layer of segments (intervals, traces, workings...). */
import { useEffect, useMemo } from 'react';
import type { SegmentBuffer } from '../domain/segments';
import { buildSegmentGeometry } from './geometry/segmentGeometry';
import { createSegmentMaterial, type SegmentMaterialOptions } from './materials/segmentMaterial';

interface Props {
  buffer: SegmentBuffer;
  options: SegmentMaterialOptions;
  visible: boolean;
  name: string;
}

export function SegmentLayer({ buffer, options, visible, name }: Props) {
  const geometry = useMemo(() => buildSegmentGeometry(buffer), [buffer]);
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const material = useMemo(() => createSegmentMaterial(options), [key]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  if (buffer.count === 0) return null;
  // Instances are placed in the shader, so the base tube's bounds mean nothing: never cull.
  return <mesh name={name} geometry={geometry} material={material} visible={visible} frustumCulled={false} />;
}
