/**
 * The measured separation drawn as a line between the two picked points, always on top: a 3 px
 * line on a 7 px halo, with 10 px end markers, all of a fixed screen size so it reads at any zoom.
 * They are in three's transparent list (drawn last, by renderOrder): otherwise the see-through
 * veins, drawn after every opaque object, would paint over them.
 */
import { Line } from '@react-three/drei';
import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useVeinscape } from '../state/store';

export function MeasureLine({ color, halo }: { color: string; halo: string }) {
  const points = useVeinscape((s) => s.measure.points);
  const origin = useVeinscape((s) => s.prepared?.origin);
  const local = useMemo(
    () => (origin ? points.map((p) => [p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]] as [number, number, number]) : []),
    [points, origin],
  );
  const ends = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(local.flat()), 3));
    return g;
  }, [local]);
  if (local.length === 0) return null;
  return (
    <group name="measure">
      {local.length === 2 && (
        <>
          <Line points={local} color={halo} lineWidth={7} depthTest={false} depthWrite={false} transparent renderOrder={30} />
          <Line points={local} color={color} lineWidth={3} depthTest={false} depthWrite={false} transparent renderOrder={31} />
        </>
      )}
      <points geometry={ends} renderOrder={32}>
        <pointsMaterial color={color} size={10} sizeAttenuation={false} depthTest={false} depthWrite={false} transparent />
      </points>
    </group>
  );
}
