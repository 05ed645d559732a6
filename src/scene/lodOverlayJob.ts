/**
 * The emphasised grades of a layer drawn by levels of detail (domain/segmentLodOverlay.ts), built
 * as a warm-up job (warmQueue.ts) rather than in the layer's render: at ten million intervals the
 * levels hold 16.7 M entries, and building their subset at once was a main-thread task of 0.3 s,
 * at the load and again at each change of the intercept cut-off.
 *
 * The layer never draws a wrong subset meanwhile: the first one is built in the dataset's batch,
 * so the layer is first drawn with it; a later one (a new cut-off) is handed to the draw only once
 * built, and until then the draw keeps the one it has (built for the old cut-off; the shader
 * narrows it to the filters' cut-off as before). `veinscape.ready()` waits for the queue to be
 * idle, so it resolves once the new subset is drawn.
 */
import { useLayoutEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, type GLBufferAttribute, type Material } from 'three';
import { lodOverlaySteps } from '../domain/segmentLodOverlay';
import type { SegmentLod } from '../domain/segmentLod';
import { useVeinscape } from '../state/store';
import type { LodDraw } from './segmentLodDraw';
import { NO_BATCH, warmQueue, type WarmJob } from './warmQueue';
import type { WarmTarget } from './warmUp';
import { uploadIndexInSlices } from './indexUpload';
import { vertexCount } from './geometry/segmentGeometry';

/** Draw order of the emphasised grades: after everything else, over the surfaces. */
const ON_TOP_ORDER = 20;

/**
 * Geometry of a subset of the segments (or of level entries), over the same textures: its own
 * index (four vertices a segment, placed by the shader from the textures), dropped from memory
 * once uploaded (geometryOver).
 */
export function subsetGeometry(indices: Uint32Array, whole: BufferGeometry): BufferGeometry {
  const index = new BufferAttribute(indices, 1);
  index.onUpload(function (this: { array: unknown }) { this.array = null; });
  return geometryOver(index, whole);
}

/**
 * A geometry of `index` and a one-byte placeholder position, as the layer's own (segmentGeometry.ts;
 * the shader reads neither), with the layer's bounds: its draw is in three's transparent list, which
 * sorts by bounding sphere. With a position attribute as the layer's, three builds the same program
 * for both draws (it keys programs on having one). The placeholder is the overlay's own: disposing a
 * geometry deletes its attributes' buffers.
 * A GLBufferAttribute (already on the GPU, indexUpload.ts) is drawn by three as its own index, and
 * deleted with the geometry.
 */
function geometryOver(index: BufferAttribute | GLBufferAttribute, whole: BufferGeometry): BufferGeometry {
  const g = new BufferGeometry();
  g.setIndex(index as BufferAttribute);
  g.setAttribute('position', vertexCount(whole.getAttribute('position')?.count ?? 0));
  g.boundingBox = whole.boundingBox?.clone() ?? null;
  g.boundingSphere = whole.boundingSphere?.clone() ?? null;
  return g;
}

interface Source {
  draw: LodDraw;
  hierarchy: SegmentLod;
  /** per segment: the value the floor applies to (the grade) */
  value: ArrayLike<number>;
  floor: number;
  /** one per level */
  materials: Material[];
  /** the layer's geometry (its bounds) */
  whole: BufferGeometry;
}

/**
 * Builds the subset in steps, uploads its index in slices (18 MB at ten million intervals: one
 * task of about 0.1 s when three uploaded it in the first frame), then hands it to the draw and
 * asks for a frame. `shown` gets the index once the draw has it.
 */
function* overlayJob(s: Source, target: () => WarmTarget, shown: (index: GLBufferAttribute) => void, invalidate: () => void): WarmJob<void> {
  const overlay = yield* lodOverlaySteps(s.hierarchy, s.value, s.floor);
  const index = yield* uploadIndexInSlices(target, overlay.index);
  // On the GPU now: the page's copy goes (the draw reads only the tile starts).
  overlay.index = new Uint32Array(0);
  s.draw.setOverlay({ overlay, geometry: geometryOver(index, s.whole), materials: s.materials, renderOrder: ON_TOP_ORDER });
  shown(index);
  invalidate();
}

/** Deletes an uploaded index (three deletes it too when its geometry was drawn: a second delete does nothing). */
function deleteIndex(target: WarmTarget, index: GLBufferAttribute | null): void {
  if (index) target.gl.getContext().deleteBuffer(index.buffer);
}

/** Queues the subset's build for `source` (null: none), again whenever it changes. */
export function useLodOverlay(source: Source | null, invalidate: () => void): void {
  const version = useVeinscape((s) => s.version);
  const get = useThree((s) => s.get);
  /** the draw that has been given a subset already (its later builds are outside any batch), and that subset's index */
  const served = useRef<{ draw: LodDraw; index: GLBufferAttribute } | null>(null);
  const { draw, hierarchy, value, floor, materials, whole } = source ?? {};
  useLayoutEffect(() => {
    if (!draw || !hierarchy || !value || floor === undefined || !materials || !whole) return;
    const batch = served.current?.draw === draw ? NO_BATCH : version;
    const target = () => get() as WarmTarget;
    const shown = (index: GLBufferAttribute) => {
      // The draw has let the previous subset go (setOverlay): its index too.
      deleteIndex(target(), served.current?.index ?? null);
      served.current = { draw, index };
    };
    // Dropped when the cut-off changes again first (or the layer goes): the draw keeps its subset.
    return warmQueue.add(batch, overlayJob({ draw, hierarchy, value, floor, materials, whole }, target, shown, invalidate));
  }, [draw, hierarchy, value, floor, materials, whole, version, invalidate, get]);
  // A new draw (new data) or none: the last subset's index goes with the old draw.
  useLayoutEffect(
    () => () => {
      const last = served.current;
      if (!last || last.draw !== draw) return;
      deleteIndex(get() as WarmTarget, last.index);
      served.current = null;
    },
    [draw, get],
  );
}
