/** The measured separation drawn as a line between the two picked points, always on top. */
import { Line } from '@react-three/drei';
import { useVeinscape } from '../state/store';

export function MeasureLine({ color }: { color: string }) {
  const points = useVeinscape((s) => s.measure.points);
  const origin = useVeinscape((s) => s.prepared?.origin);
  if (!origin || points.length === 0) return null;
  const local = points.map((p) => [p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]] as [number, number, number]);
  return (
    <group name="measure">
      {local.length === 2 && <Line points={local} color={color} lineWidth={2.5} depthTest={false} renderOrder={10} />}
      {local.map((p, i) => (
        <mesh key={i} position={p} renderOrder={11}>
          <sphereGeometry args={[3, 16, 12]} />
          <meshBasicMaterial color={color} depthTest={false} />
        </mesh>
      ))}
    </group>
  );
}
