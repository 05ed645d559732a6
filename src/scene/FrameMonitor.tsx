/**
 * Registers the renderer for the scripting API, counts frames, and tells the store once a newly
 * loaded dataset has actually been drawn (what `veinscape.ready()` waits for).
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { store, useVeinscape } from '../state/store';
import { sceneState } from './handle';
import { shared } from './materials/sharedUniforms';
import type { OrthographicCamera, PerspectiveCamera } from 'three';

export function FrameMonitor() {
  const { gl, scene, camera, invalidate, size, controls } = useThree();
  useEffect(() => {
    sceneState.target = (controls as unknown as { target?: { x: number; y: number; z: number } } | null)?.target ?? null;
  }, [controls]);
  const version = useVeinscape((s) => s.version);
  const pending = useRef<{ version: number; frames: number } | null>(null);

  useEffect(() => {
    sceneState.handle = { gl, scene, camera, invalidate, size };
    invalidate();
  }, [gl, scene, camera, invalidate, size]);

  useEffect(() => {
    if (version > 0) {
      pending.current = { version, frames: 0 };
      invalidate();
    }
  }, [version, invalidate]);

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
    const p = pending.current;
    if (!p) return;
    // This callback runs before a render: one full frame with the new geometry has been drawn
    // once it runs again.
    if (p.frames >= 1) {
      pending.current = null;
      store.getState().markRendered(p.version);
    } else {
      p.frames++;
      invalidate();
    }
  });
  return null;
}
