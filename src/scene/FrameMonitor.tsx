/**
 * Registers the renderer for the scripting API, counts frames, and tells the store once a newly
 * loaded dataset has actually been drawn (what `veinscape.ready()` waits for): by the first frame
 * after all its layers are warmed up (warmQueue.ts), since until then they draw nothing.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { addAfterEffect, useFrame, useThree } from '@react-three/fiber';
import { store, useVeinscape } from '../state/store';
import { sceneState } from './handle';
import { shared } from './materials/sharedUniforms';
import { warmQueue } from './warmQueue';
import { markFirstPicture } from './firstPicture';
import { gpuFinished } from './gpuFence';
import { installForeground, pictureFinished } from './foreground';
import { warmScenePrograms, type WarmTarget } from './warmUp';
import { endFramePasses, FramePasses } from './framePasses';
import type { OrthographicCamera, PerspectiveCamera } from 'three';

export function FrameMonitor() {
  const { gl, scene, camera, invalidate, size, controls, setFrameloop, get } = useThree();
  useEffect(() => {
    sceneState.target = (controls as unknown as { target?: { x: number; y: number; z: number } } | null)?.target ?? null;
  }, [controls]);
  const version = useVeinscape((s) => s.version);
  /** a dataset version waiting to be drawn; `drawing` once the frame that draws it has started */
  const pending = useRef<{ version: number; drawing: boolean } | null>(null);
  /** the dataset version whose scene-wide program pass has been queued */
  const scenePass = useRef(0);
  /** the first frame of a dataset, drawn in passes when it is large (framePasses.ts) */
  const passes = useRef(new FramePasses()).current;

  useEffect(() => {
    sceneState.handle = { gl, scene, camera, invalidate, size };
    invalidate();
  }, [gl, scene, camera, invalidate, size]);
  useEffect(installForeground, []);

  // Re-renders when the version's warm-up ends, in the same commit that shows its layers.
  const warming = useSyncExternalStore(warmQueue.subscribe, () => warmQueue.pending(version));
  useEffect(() => {
    if (version === 0) return;
    // The queue itself, not `warming`: the layers queue their jobs in this same commit.
    if (warmQueue.pending(version)) {
      // No frame while the layers warm up (seconds on software WebGL): it would draw the new axes
      // and labels without the data (a 200-300 ms task at 10,000 holes), then the picture stays
      // as it was. The frame this commit already asked for is dropped too.
      setFrameloop('never');
      get().internal.frames = 0;
      return;
    }
    // The layers are in the scene from this commit on: the programs no layer built (the axes
    // box, the intervals' second draw) are built ahead too, as one more job of the same batch,
    // rather than inside the first frame's task.
    if (scenePass.current !== version) {
      scenePass.current = version;
      warmQueue.add(version, warmScenePrograms(() => get() as WarmTarget));
      return;
    }
    setFrameloop('demand');
    pending.current = { version, drawing: false };
    invalidate();
  }, [version, warming, invalidate, setFrameloop, get]);

  // Marked after the render of the frame that drew the dataset, not at the start of another frame:
  // on software WebGL a frame of a large deposit takes seconds, and `ready()` would wait for a
  // frame drawn only to notice the one before.
  useEffect(
    () =>
      addAfterEffect(() => {
        const p = pending.current;
        if (!p?.drawing) return;
        // A pass of the dataset's first frame: the next one once the GPU has finished this one
        // (else the passes only queue up in the GPU process, and nothing shows between them).
        // Asked for after this loop has ended too: R3F's loop stops after its after-effects when
        // no root drew more than it was asked to, and an invalidate from inside it would be lost.
        // The next pass is sized by how long the GPU took over this one (framePasses.ts `paced`).
        if (!passes.after(get().gl)) {
          const submitted = performance.now();
          const next = () => {
            passes.paced(performance.now() - submitted);
            get().invalidate();
          };
          return void gpuFinished(get().gl.getContext()).then(next, next);
        }
        pending.current = null;
        // Marked in the next task, so the progress bar shows its 100 % before it goes (React
        // would render both changes as one).
        setTimeout(() => {
          store.getState().markRendered(p.version);
          endFramePasses();
        }, 0);
        const { gl: renderer, scene: drawn } = get();
        markFirstPicture(renderer, drawn);
        // Background computations waited for this picture (foreground.ts).
        void gpuFinished(renderer.getContext()).then(() => pictureFinished(p.version), () => pictureFinished(p.version));
      }),
    [get, passes],
  );

  useFrame(() => {
    sceneState.frames++;
    // World size of one pixel (at unit view depth in perspective): keeps thin tubes visible.
    if ((camera as OrthographicCamera).isOrthographicCamera) {
      shared.uOrtho.value = 1;
      shared.uPixelScale.value = 1 / (camera as OrthographicCamera).zoom;
    } else {
      shared.uOrtho.value = 0;
      shared.uPixelScale.value = (2 * Math.tan(((camera as PerspectiveCamera).fov * Math.PI) / 360)) / Math.max(size.height, 1);
    }
    // This callback runs just before the render: the after-effect above marks the version drawn.
    const p = pending.current;
    if (!p) return;
    if (!p.drawing) passes.start();
    p.drawing = true;
    passes.before(gl, scene, camera, size.width, size.height);
  });
  return null;
}
