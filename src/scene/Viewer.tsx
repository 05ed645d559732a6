/**
 * The 3D view: one R3F canvas drawn on demand (nothing renders while idle) plus a 2D overlay
 * canvas for labels. Z is up; geometry is in local metres around the dataset origin.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { Object3D, WebGLRenderer, type WebGLRendererParameters } from 'three';
import { useVeinscape } from '../state/store';
import { nextTask } from '../domain/sliced';
import { PALETTES } from '../ui/theme';
import { axisBox } from '../domain/axes';
import { dataBox } from '../domain/bounds';
import { SurfaceLayer } from './SurfaceLayer';
import { HoleLayers } from './HoleLayers';
import { PointsLayer } from './PointsLayer';
import { AxesBox } from './AxesBox';
import { CameraRig } from './CameraRig';
import { UniformSync } from './UniformSync';
import { FrameMonitor } from './FrameMonitor';
import { PickHandler } from './PickHandler';
import { OverlayPainter } from './OverlayPainter';
import { MeasureLine } from './MeasureLine';
import { SectionSync } from './SectionSync';
import { ShaderWarmup } from './ShaderWarmup';
import { glCapabilities, knownGlCapabilities, type GlCapabilities } from './glCapabilities';

// Geology is Z-up: every camera and control orbits about elevation.
Object3D.DEFAULT_UP.set(0, 0, 1);

/**
 * The renderer, made synchronously inside the canvas's mount (context and three's set-up: 25-60 ms
 * on software WebGL). The scene is rendered in a later task (Viewer's `sceneOn`), so the two never
 * make one long task (they were one of 130-240 ms).
 *
 * Not an async factory: R3F waits for one with `use()` under a Suspense boundary, and React holds
 * back the commit that follows a Suspense fallback for up to 300 ms (its fallback throttle). The
 * canvas stood empty for 275 ms of a 2.7 s start-up, with the page and the GPU idle.
 */
function createRenderer(defaults: WebGLRendererParameters, antialias: boolean): WebGLRenderer {
  const renderer = new WebGLRenderer({ ...defaults, antialias, preserveDrawingBuffer: true });
  // Faults, host rock and topography carry the model box's planes of their own (SectionSync).
  renderer.localClippingEnabled = true;
  // Reading shader logs after each compile makes the page wait for the GPU process (174 ms at load
  // on a large deposit); the production build skips it, development keeps the checks.
  renderer.debug.checkShaderErrors = import.meta.env.DEV;
  return renderer;
}

export function Viewer() {
  const overlay = useRef<HTMLCanvasElement>(null);
  const themeName = useVeinscape((s) => s.theme);
  const prepared = useVeinscape((s) => s.prepared);
  const model = useVeinscape((s) => s.model);
  const axesVisible = useVeinscape((s) => s.layerVisible.axes);
  const projection = useVeinscape((s) => s.projection);
  const ve = useVeinscape((s) => s.verticalExaggeration);
  const pal = PALETTES[themeName];
  const axes = useMemo(() => (prepared && model ? axisBox(dataBox(model, prepared), prepared.origin) : null), [prepared, model]);
  // The canvas waits for the renderer probe (a few hundred ms at most, in a worker): whether to
  // antialias cannot change once its context exists.
  const [caps, setCaps] = useState<GlCapabilities | null>(knownGlCapabilities);
  useEffect(() => void glCapabilities().then(setCaps), []);
  const software = caps?.software ?? false;
  const overlayTheme = useMemo(() => ({ text: pal.text, halo: pal.halo, muted: pal.muted, accent: pal.accent }), [pal]);
  const glFactory = useMemo(() => (defaults: WebGLRendererParameters) => createRenderer(defaults, !software), [software]);
  // The scene mounts in the task after the renderer's (see createRenderer).
  const [sceneOn, setSceneOn] = useState(false);
  return (
    <div className="viewer" data-testid="viewer">
      {caps && <Canvas
        frameloop="demand"
        flat
        dpr={software ? 1 : [1, 2]}
        gl={glFactory}
        // R3F measures its container with a ResizeObserver debounced by 50 ms (a timer task, later
        // still while the page is busy): the renderer was made 40-300 ms after the probe answered,
        // 9-17 ms without it (sample, quiet machine). Nothing scrolls the view, and a window resize
        // was not debounced anyway.
        resize={{ debounce: 0 }}
        onCreated={() => void nextTask().then(() => setSceneOn(true))}
      >
        {sceneOn && <>
          {projection === 'orthographic' ? (
            <OrthographicCamera makeDefault near={-100000} far={100000} position={[0, -1000, 1000]} zoom={0.5} up={[0, 0, 1]} />
          ) : (
            <PerspectiveCamera makeDefault fov={35} near={1} far={100000} position={[-1500, -1500, 1200]} up={[0, 0, 1]} />
          )}
          <color attach="background" args={[pal.background]} />
          <hemisphereLight args={[pal.sky, pal.ground, 1.1]} position={[0, 0, 1]} />
          <directionalLight position={[-600, 800, 1200]} intensity={1.7} />
          <directionalLight position={[800, -500, 300]} intensity={0.45} />
          <ambientLight intensity={0.25} />
          {/* Vertical exaggeration scales the whole model about elevation 0 (local). */}
          <group scale={[1, 1, ve]}>
            <SurfaceLayer />
            <HoleLayers />
            <PointsLayer />
            <MeasureLine color={pal.accent} halo={pal.background} />
            {axes && <AxesBox box={axes} color={pal.axes} visible={axesVisible} />}
          </group>
          <OrbitControls makeDefault enableDamping={false} zoomToCursor screenSpacePanning />
          <CameraRig />
          <UniformSync />
          <SectionSync />
          <FrameMonitor />
          <ShaderWarmup />
          <PickHandler />
          <OverlayPainter canvas={overlay} axes={axes} theme={overlayTheme} />
        </>}
      </Canvas>}
      <canvas ref={overlay} className="overlay" aria-hidden="true" />
    </div>
  );
}
