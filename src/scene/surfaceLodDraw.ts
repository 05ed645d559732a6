/**
 * Draws a large surface by levels of detail (domain/surfaceLod.ts): once its simplified copies
 * are back from the worker, a geometry per copy shares the surface's own vertex attributes (on
 * the GPU too: three uploads an attribute once, whatever geometry holds it) with the copy's index,
 * and the mesh draws the copy chosen before each render for that render's camera and pixel
 * height (the screen, a warm-up, each tile of an export). Picking reads the full surface
 * (domain/pickSurface.ts), not what is drawn.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, BufferAttribute, BufferGeometry, Vector2, Vector3, type Mesh } from 'three';
import type { SurfaceBuffer } from '../domain/surfaceBuffer';
import { chooseSurfaceLevel, SURFACE_LOD_ERROR_PX, SURFACE_LOD_MIN_TRIANGLES } from '../domain/surfaceLod';
import { requestSurfaceLevels } from '../data/surfaceLodClient';
import { beforeEachRender, type Update } from './segmentLodDraw';
import { lodSettings } from './lodSettings';

/** Each levelled surface's copy on the last screen frame (0: full detail) and its triangles (stats().lod.surfaces). */
const lastScreen = new Map<string, { level: number; levels: number; triangles: number }>();

export function surfaceLodStats(): Record<string, { level: number; levels: number; triangles: number }> {
  return Object.fromEntries(lastScreen);
}

/** A copy's geometry: the surface's attributes, the copy's index. */
function copyGeometry(full: BufferGeometry, indices: Uint32Array): BufferGeometry {
  const g = new BufferGeometry();
  for (const [k, a] of Object.entries(full.attributes)) g.setAttribute(k, a);
  g.setIndex(new BufferAttribute(indices, 1));
  g.boundingSphere = full.boundingSphere;
  g.boundingBox = full.boundingBox;
  return g;
}

/** Frees a copy's own index on the GPU, not the attributes it shares with the full surface. */
function disposeCopy(g: BufferGeometry): void {
  for (const k of Object.keys(g.attributes)) g.deleteAttribute(k);
  g.dispose();
}

/**
 * Levels of detail for `mesh`, drawn with `geometry` (the full surface). `enabled`: false draws
 * full detail (the "grade on the vein" colours follow per-vertex values the copies were not
 * simplified for).
 */
export function useSurfaceLevels(buffer: SurfaceBuffer, geometry: BufferGeometry | null, mesh: RefObject<Mesh | null>, enabled: boolean, name: string): void {
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  // A layout effect: when "grade on the vein" turns on, the full surface (which alone has the
  // grade attribute) is back before the next frame.
  useLayoutEffect(() => {
    const b = buffer.bounds;
    if (!geometry || !enabled || !lodSettings.enabled || buffer.indices.length / 3 < SURFACE_LOD_MIN_TRIANGLES || !b) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    let copies: BufferGeometry[] = [];
    void requestSurfaceLevels(buffer).then((levels) => {
      if (cancelled || !levels || levels.length === 0) return;
      const errors = levels.map((l) => l.error);
      copies = levels.map((l) => copyGeometry(geometry, l.indices));
      const drawn = [geometry, ...copies];
      const box = new Box3();
      const corners = [0, 0, 0, 0, 0, 0];
      const eye = new Vector3();
      const size = new Vector2();
      let previous = -1;
      const update: Update = (renderer, camera, target) => {
        const m = mesh.current;
        if (!m) return;
        m.updateWorldMatrix(true, false);
        box.min.set(b[0], b[1], b[2]);
        box.max.set(b[3], b[4], b[5]);
        box.applyMatrix4(m.matrixWorld);
        box.min.toArray(corners, 0);
        box.max.toArray(corners, 3);
        eye.setFromMatrixPosition(camera.matrixWorld);
        const height = target ? target.height : renderer.getDrawingBufferSize(size).y;
        const screen = target === null;
        const level = chooseSurfaceLevel(
          errors,
          {
            eye: [eye.x, eye.y, eye.z],
            box: corners,
            errorScale: m.matrixWorld.getMaxScaleOnAxis(),
            pixelsPerMetre: (camera.projectionMatrix.elements[5] * height) / 2,
            orthographic: (camera as { isOrthographicCamera?: boolean }).isOrthographicCamera === true,
            errorPx: SURFACE_LOD_ERROR_PX,
          },
          // Exports choose by their own pixel size alone, so every tile of a tiled export chooses alike.
          screen ? previous : -1,
        );
        m.geometry = drawn[level];
        if (!screen) return;
        previous = level;
        lastScreen.set(name, { level, levels: drawn.length, triangles: (drawn[level].index?.count ?? 0) / 3 });
      };
      stop = beforeEachRender(scene, update);
      invalidate();
    });
    return () => {
      cancelled = true;
      stop?.();
      lastScreen.delete(name);
      if (mesh.current && mesh.current.geometry !== geometry && geometry) mesh.current.geometry = geometry;
      copies.forEach(disposeCopy);
    };
  }, [buffer, geometry, mesh, enabled, name, scene, invalidate]);
}
