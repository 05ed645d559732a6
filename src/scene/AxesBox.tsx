/** Wire box around the data with tick marks; its labels are painted by the overlay. */
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, LineBasicMaterial } from 'three';
import { tickEnd, type AxisBox } from '../domain/axes';

export function AxesBox({ box, color, visible }: { box: AxisBox; color: string; visible: boolean }) {
  const geometry = useMemo(() => {
    const [x0, y0, z0] = box.min;
    const [x1, y1, z1] = box.max;
    const c = [
      [x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0],
      [x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1],
    ];
    const edges = [[0, 1], [1, 2], [2, 3], [3, 0], [4, 5], [5, 6], [6, 7], [7, 4], [0, 4], [1, 5], [2, 6], [3, 7]];
    const pts: number[] = [];
    for (const [a, b] of edges) pts.push(...c[a], ...c[b]);
    for (const t of box.ticks) pts.push(...t.at, ...tickEnd(t, box.step));
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(pts), 3));
    return g;
  }, [box]);
  const material = useMemo(() => new LineBasicMaterial({ color, transparent: true, opacity: 0.55 }), [color]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <lineSegments name="axes" geometry={geometry} material={material} visible={visible} />;
}
