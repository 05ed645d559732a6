/**
 * `veinscape.ready()`: the current dataset loaded and drawn, the picture still and finished by the
 * GPU. Its own module (no three at run time) so panels can wait for it too.
 */
import { store } from '../state/store';
import { sceneState } from '../scene/handle';
import { gpuFinished } from '../scene/gpuFence';
import { flushFirstPicture } from '../scene/firstPicture';
import { surfaceLevelsIdle } from '../data/surfaceLodClient';
import { warmQueue } from '../scene/warmQueue';

const animationFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Once drawn, wait until no frame is drawn for two animation frames (the camera controls may
 * settle a frame or two after a view change, and callers expect a still picture), then until the
 * GPU has finished that picture (seconds for a large deposit on software WebGL).
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const before = sceneState.frames;
    await animationFrame();
    await animationFrame();
    if (sceneState.frames !== before || sceneState.fitPending) continue;
    await gpuFinished(sceneState.handle?.gl.getContext());
    // The first picture's frame is finished too: marked by now, before ready() resolves.
    flushFirstPicture();
    if (sceneState.frames === before) return;
  }
}

/** Resolves once no load is running and the current dataset has been drawn (with its veins' grade colouring when shown). */
export async function ready(): Promise<void> {
  const done = () => {
    const s = store.getState();
    // "Grade on the vein" colours the veins once its computation (in slices) is done.
    return !s.loading && s.version > 0 && s.renderedVersion === s.version && !(s.veinColour === 'gradeThickness' && s.veinGradePending);
  };
  // Again after settling: a computation may have started meanwhile (a view switched the mode on).
  do {
    if (!done()) {
      await new Promise<void>((resolve) => {
        const unsub = store.subscribe(() => {
          if (done()) {
            unsub();
            resolve();
          }
        });
      });
    }
    // A large surface's simplified copies (data/surfaceLodClient.ts): drawn once back.
    await surfaceLevelsIdle();
    // A shown layer's rebuild in warm-up steps (the emphasised grades after a new intercept
    // cut-off, scene/lodOverlayJob.ts): handed to the draw by its last step.
    await warmQueue.idle();
    await settle();
  } while (!done());
}
