/**
 * Compiles the shader programs of every layer while the data are still loading, so the first frame
 * of a large deposit does not also wait for shader links (on top of uploading its geometry). A tiny stand-in of each layer's material is compiled with the scene's
 * lights; three keeps the programs cached by their key and reuses them when the real layers
 * appear. The stand-in materials are kept (never disposed) so the programs stay cached.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Group, Mesh, type Material } from 'three';
import { SegmentBuilder } from '../domain/segments';
import { buildSegmentGpuData } from './geometry/segmentGeometry';
import { buildSurfaceGeometry } from './geometry/surfaceGeometry';
import { createSegmentMaterial } from './materials/segmentMaterial';
import { createSurfaceMaterial } from './materials/surfaceMaterial';
import { SEGMENT_LAYER_OPTIONS } from './HoleLayers';

let kept: Material[] | null = null;

function standIns(): Group {
  const seg = new SegmentBuilder([0, 0, 0], 1);
  seg.push([0, 0, 0], [0, 0, 1], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 0, d0: 0, d1: 1 });
  const gpu = buildSegmentGpuData(seg.finish());
  const surface = buildSurfaceGeometry({
    positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]),
    normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]),
    masks: new Float32Array(3),
    indices: new Uint32Array([0, 1, 2]),
  });
  // Opaque and translucent surfaces compile to different programs.
  const surfaceMaterials = [1, 0.5].map((opacity) => createSurfaceMaterial({ color: '#888888', opacity }));
  const segmentMaterials = SEGMENT_LAYER_OPTIONS.map((o) => createSegmentMaterial(o, gpu));
  kept ??= [...surfaceMaterials, ...segmentMaterials];
  const group = new Group();
  for (const m of segmentMaterials) group.add(new Mesh(gpu.geometry, m));
  for (const m of surfaceMaterials) group.add(new Mesh(surface, m));
  group.traverse((o) => (o.frustumCulled = false));
  return group;
}

export function ShaderWarmup() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    // Only where programs compile in parallel (KHR_parallel_shader_compile, i.e. GPU drivers). Without
    // it the compile is synchronous (a 250 ms startup task on SwiftShader) and ANGLE still finishes
    // the programs at their first draw, so warming up would only add a long task.
    if (kept || !gl.extensions.has('KHR_parallel_shader_compile')) return;
    gl.compileAsync(standIns(), camera, scene).catch(() => undefined);
  }, [gl, scene, camera]);
  return null;
}
