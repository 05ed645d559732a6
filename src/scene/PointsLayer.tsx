/** Point sets from mining software (OMF): round dots of a fixed pixel size, one draw call each. */
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, PointsMaterial } from 'three';
import { useVeinscape } from '../state/store';
import { POINT_COLOR } from '../state/layerStyle';
import type { PointSetModel } from '../data/model';
import type { Vec3 } from '../domain/vec3';

function PointSetMesh({ set, origin, visible }: { set: PointSetModel; origin: Vec3; visible: boolean }) {
  // float32 relative to the project origin: UTM coordinates keep millimetres (see architecture.md).
  const geometry = useMemo(() => {
    const local = new Float32Array(set.points.length);
    for (let i = 0; i < local.length; i++) local[i] = set.points[i] - origin[i % 3];
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(local, 3));
    g.computeBoundingSphere();
    return g;
  }, [set, origin]);
  const material = useMemo(() => new PointsMaterial({ color: set.color ?? POINT_COLOR, size: 5, sizeAttenuation: false }), [set.color]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <points name={`points:${set.id}`} geometry={geometry} material={material} visible={visible} />;
}

export function PointsLayer() {
  const model = useVeinscape((s) => s.model);
  const prepared = useVeinscape((s) => s.prepared);
  const visible = useVeinscape((s) => s.layerVisible.points);
  if (!model || !prepared || model.pointSets.length === 0) return null;
  return (
    <group name="point-sets">
      {model.pointSets.map((p) => <PointSetMesh key={p.id} set={p} origin={prepared.origin} visible={visible} />)}
    </group>
  );
}
