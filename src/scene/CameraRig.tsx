/**
 * Performs camera requests from the store (view presets, fit to zone) and fits the view when a new
 * dataset arrives. The camera itself stays in three.js; the store only asks.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4, Vector3, type OrthographicCamera, type PerspectiveCamera } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { store, useVeinscape } from '../state/store';
import { boxRadius, placeCamera, veinStrike, type CameraPlacement } from '../domain/viewFit';
import type { FrameRequest, ViewPreset } from '../state/slices/view';
import { projectedBounds } from '../state/visibleSample';
import type { Prepared } from '../domain/prepare';
import type { Model } from '../data/model';
import { dataBox, localBox } from '../domain/bounds';
import { freeRect } from '../overlay/freeArea';
import { rectOf, type Rect } from '../overlay/layoutRecord';
import { northArrowBox } from '../overlay/paint';
import { modelScreenBounds } from './modelBounds';
import { cardBoxes } from './domBoxes';
import { sceneState } from './handle';

export function placementFor(preset: ViewPreset, model: Model, p: Prepared, fov: number, aspect: number, zoneId?: string): CameraPlacement {
  const strike = veinStrike(model, p);
  if (preset === 'section') {
    // Looking across the section line (toward its left-hand normal), centred on it.
    const sec = store.getState().section;
    const box = dataBox(model, p);
    const c: [number, number] = [sec.centre[0] - p.origin[0], sec.centre[1] - p.origin[1]];
    const half = Math.max(box.max[0] - box.min[0], box.max[1] - box.min[1]) / 2;
    const around = { min: [c[0] - half, c[1] - half, box.min[2]] as [number, number, number], max: [c[0] + half, c[1] + half, box.max[2]] as [number, number, number] };
    return placeCamera(around, (sec.azimuth + 270) % 360, 0, fov, aspect);
  }
  if (preset === 'zone' && zoneId) {
    const ids = new Set(model.surfaces.map((s, i) => (s.zoneId === zoneId ? i : -1)).filter((i) => i >= 0));
    return placeCamera(localBox(p, (i) => ids.has(i)), strike - 90 + 45, 30, fov, aspect);
  }
  const box = dataBox(model, p);
  // Looking perpendicular to strike toward the footwall side: strike 065° → look toward 335°.
  if (preset === 'long') return placeCamera(box, (strike + 270) % 360, 3, fov, aspect);
  if (preset === 'plan') return placeCamera(box, 0, 89.9, fov, aspect);
  return placeCamera(box, (strike + 270 + 40) % 360, 32, fov, aspect);
}

/** Eased camera flight to a position, target and (orthographic) zoom. Returns a cancel function. */
function animateCamera(camera: PerspectiveCamera, controls: OrbitControlsImpl, toPos: Vector3, toTarget: Vector3, toZoom: number | null, ms: number, invalidate: () => void): () => void {
  const fromTarget = controls.target.clone();
  const fromPos = camera.position.clone();
  const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
  const fromZoom = ortho ? (camera as unknown as OrthographicCamera).zoom : 1;
  const start = performance.now();
  let raf = 0;
  const step = (now: number) => {
    const t = ms <= 0 ? 1 : Math.min(1, (now - start) / ms);
    const k = t * t * (3 - 2 * t);
    controls.target.lerpVectors(fromTarget, toTarget, k);
    camera.position.lerpVectors(fromPos, toPos, k);
    if (ortho && toZoom !== null) {
      // Zoom is multiplicative: interpolate its logarithm so the flight feels even.
      (camera as unknown as OrthographicCamera).zoom = Math.exp(Math.log(fromZoom) + (Math.log(toZoom) - Math.log(fromZoom)) * k);
    }
    camera.updateProjectionMatrix();
    controls.update();
    invalidate();
    if (t < 1) raf = requestAnimationFrame(step);
  };
  if (ms <= 0) step(start);
  else raf = requestAnimationFrame(step);
  return () => cancelAnimationFrame(raf);
}

/**
 * Frame what is visible in the free area of the view: the largest rectangle the legend, cards,
 * north arrow and scale bar leave (overlay/freeArea.ts). Keeps the viewing direction; scales
 * (distance in perspective, zoom in orthographic) and pans camera and target together. A few
 * rounds, as perspective sizes are not quite proportional to the distance.
 */
export function fitToFreeArea(camera: PerspectiveCamera, controls: OrbitControlsImpl, size: { width: number; height: number }, canvas: HTMLElement, bounds: () => Rect | null = modelScreenBounds): void {
  const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
  const reserved: Rect[] = [
    ...cardBoxes(canvas).map(rectOf),
    // The north arrow's and the scale bar's largest boxes, not where the last paint put them: the
    // scale bar's width follows the zoom, so a fit read from the last paint depended on whether the
    // overlay had painted yet (a first view framed two ways, by timing).
    rectOf(northArrowBox(size.width - 44, 44)),
    { x: size.width - 200, y: size.height - 48, width: 200, height: 48 },
    // Where an exported image puts its title block (export/compose.ts, top-left, about this size in
    // the window's pixels): an export of this view keeps the model clear of it too.
    { x: 0, y: 0, width: Math.min(480, size.width * 0.35), height: 112 },
  ];
  const right = new Vector3(), up = new Vector3(), dir = new Vector3();
  for (let round = 0; round < 3; round++) {
    camera.updateMatrixWorld();
    camera.updateProjectionMatrix();
    const b = bounds();
    if (!b || b.width < 1 || b.height < 1) return;
    const free = freeRect(size, reserved, b);
    const k = Math.min(5, Math.max(0.2, 0.95 * Math.min(free.width / b.width, free.height / b.height)));
    dir.subVectors(camera.position, controls.target);
    let dist = dir.length();
    if (ortho) (camera as unknown as OrthographicCamera).zoom *= k;
    else {
      dist /= k;
      camera.position.copy(controls.target).addScaledVector(dir.normalize(), dist);
    }
    camera.updateMatrixWorld();
    camera.updateProjectionMatrix();
    const c = bounds();
    if (!c) return;
    const dx = free.x + free.width / 2 - (c.x + c.width / 2);
    const dy = free.y + free.height / 2 - (c.y + c.height / 2);
    const ppm = ortho ? (camera as unknown as OrthographicCamera).zoom : size.height / (2 * dist * Math.tan((camera.fov * Math.PI) / 360));
    right.setFromMatrixColumn(camera.matrixWorld, 0);
    up.setFromMatrixColumn(camera.matrixWorld, 1);
    const move = right.multiplyScalar(-dx / ppm).addScaledVector(up, dy / ppm);
    camera.position.add(move);
    controls.target.add(move);
    controls.update();
    if (Math.abs(k - 1) < 0.02 && Math.hypot(dx, dy) < 2) break;
  }
  camera.updateProjectionMatrix();
}

/** Bring the orbit target to `to` and the camera to about 120 m from it, keeping the direction. */
function flyTo(camera: PerspectiveCamera, controls: OrbitControlsImpl, to: Vector3, invalidate: () => void): () => void {
  const dir = camera.position.clone().sub(controls.target).normalize();
  const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
  const dist = ortho ? camera.position.distanceTo(controls.target) : Math.min(camera.position.distanceTo(controls.target), 120);
  const zoom = ortho ? Math.max((camera as unknown as OrthographicCamera).zoom, 4) : null;
  return animateCamera(camera, controls, to.clone().add(dir.multiplyScalar(dist)), to, zoom, 900, invalidate);
}

/**
 * Fly to a frame: the camera looks at the target from the frame's direction, at the distance (or
 * zoom) that fits its points in the free area of the view (fitToFreeArea on their projection). The
 * end pose is worked out on the camera itself, which is then put back and flown there.
 */
function flyToFrame(camera: PerspectiveCamera, controls: OrbitControlsImpl, frame: FrameRequest, origin: readonly number[], ve: number, size: { width: number; height: number }, canvas: HTMLElement, invalidate: () => void): () => void {
  const local = (p: readonly number[]) => new Vector3(p[0] - origin[0], p[1] - origin[1], (p[2] - origin[2]) * ve);
  const target = local(frame.target);
  const pts = new Float64Array(frame.points.length * 3);
  let radius = 1;
  frame.points.forEach((p, i) => {
    const v = local(p);
    pts.set([v.x, v.y, v.z], 3 * i);
    radius = Math.max(radius, v.distanceTo(target));
  });
  const dir = new Vector3(frame.direction[0], frame.direction[1], frame.direction[2] * ve).normalize();
  const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
  const fromPos = camera.position.clone(), fromTarget = controls.target.clone();
  const fromZoom = ortho ? (camera as unknown as OrthographicCamera).zoom : 1;
  // A first guess (the points' sphere in the view's height), then the free-area fit refines it.
  const dist = ortho ? Math.max(radius * 4, camera.position.distanceTo(controls.target)) : radius / Math.tan((camera.fov * Math.PI) / 360);
  controls.target.copy(target);
  camera.position.copy(target).addScaledVector(dir, dist);
  if (ortho) (camera as unknown as OrthographicCamera).zoom = Math.min(size.width, size.height) / (2 * radius);
  camera.lookAt(target);
  camera.updateProjectionMatrix();
  const bounds = () => {
    camera.updateMatrixWorld();
    const m = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).elements;
    return projectedBounds(pts, m, size);
  };
  fitToFreeArea(camera, controls, size, canvas, bounds);
  const toPos = camera.position.clone(), toTarget = controls.target.clone();
  const toZoom = ortho ? (camera as unknown as OrthographicCamera).zoom : null;
  camera.position.copy(fromPos);
  controls.target.copy(fromTarget);
  if (ortho) (camera as unknown as OrthographicCamera).zoom = fromZoom;
  camera.updateProjectionMatrix();
  controls.update();
  return animateCamera(camera, controls, toPos, toTarget, toZoom, 900, invalidate);
}

/** A fit waiting for the page's layout (cancelled by the next camera request). */
let fitPending = 0;

export function CameraRig() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as OrbitControlsImpl | null;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const gl = useThree((s) => s.gl);
  const prepared = useVeinscape((s) => s.prepared);
  const request = useVeinscape((s) => s.viewRequest);
  const radius = useMemo(() => (prepared ? boxRadius(localBox(prepared)) : 1000), [prepared]);

  const go = useMemo(
    () => (preset: ViewPreset, zoneId?: string) => {
      const { model, prepared: p } = store.getState();
      if (!model || !p || !controls) return;
      if (preset === 'fit') {
        fitToFreeArea(camera, controls, size, gl.domElement);
        invalidate();
        return;
      }
      const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
      const pl = placementFor(preset, model, p, ortho ? 35 : camera.fov, size.width / Math.max(size.height, 1), zoneId);
      if (ortho) {
        // True-scale view: zoom is pixels per metre; fit the same box the perspective view fits.
        const box = preset === 'zone' ? null : dataBox(model, p);
        const r = box ? boxRadius(box) : radius;
        (camera as unknown as OrthographicCamera).zoom = Math.min(size.width, size.height) / (2 * r * 0.85);
        camera.near = -radius * 40;
      } else {
        camera.near = Math.max(0.5, radius / 2000);
      }
      camera.far = radius * 40;
      camera.position.set(...pl.position);
      controls.target.set(...pl.target);
      camera.updateProjectionMatrix();
      controls.update();
      invalidate();
      if (preset === 'zone') return;
      // Once the page has laid out its cards (the legend appears with the dataset): frame the
      // model in the area they leave free.
      sceneState.fitPending = true;
      fitPending = requestAnimationFrame(() => {
        fitPending = 0;
        sceneState.fitPending = false;
        fitToFreeArea(camera, controls, size, gl.domElement);
        invalidate();
      });
    },
    [camera, controls, invalidate, size, radius, gl],
  );

  const model = useVeinscape((s) => s.model);
  const lastCamera = useRef(camera);
  useEffect(() => {
    // Remember the camera once a request has been seen with it, so the next pose can animate.
    if (request?.preset !== 'pose') lastCamera.current = camera;
  }, [camera, request]);
  useEffect(() => {
    // A new dataset opens in the isometric view (a new desurvey of the same model keeps the view).
    if (model) store.getState().requestView('iso');
  }, [model]);
  useEffect(() => {
    cancelAnimationFrame(fitPending);
    fitPending = 0;
    sceneState.fitPending = false;
    if (request?.preset === 'pose' && request.pose && controls) {
      const p = store.getState().prepared;
      if (!p) return;
      const o = p.origin;
      const pose = request.pose;
      const ortho = !!(camera as unknown as OrthographicCamera).isOrthographicCamera;
      // Wait for the camera of the requested projection (the store switches it with the request).
      if (ortho !== (pose.projection === 'orthographic')) return;
      const to = new Vector3(pose.position[0] - o[0], pose.position[1] - o[1], pose.position[2] - o[2]);
      const target = new Vector3(pose.target[0] - o[0], pose.target[1] - o[1], pose.target[2] - o[2]);
      camera.near = ortho ? -radius * 40 : Math.max(0.5, radius / 2000);
      camera.far = radius * 40;
      // A fresh camera (projection just switched) jumps: flying from its default place would look odd.
      const fresh = lastCamera.current !== camera;
      lastCamera.current = camera;
      // An orthographic zoom set for another view height keeps its framing: pixels per metre scale with the view.
      const zoom = pose.zoom !== undefined ? pose.zoom * (pose.viewHeight ? size.height / pose.viewHeight : 1) : null;
      return animateCamera(camera, controls, to, target, zoom, request.animate && !fresh ? 1600 : 0, invalidate);
    }
    if (request?.preset === 'focus' && request.target && controls) {
      const p = store.getState().prepared;
      if (!p) return;
      const to = new Vector3(request.target[0] - p.origin[0], request.target[1] - p.origin[1], request.target[2] - p.origin[2]);
      return flyTo(camera, controls, to, invalidate);
    }
    if (request?.preset === 'frame' && request.frame && controls) {
      const s = store.getState();
      if (!s.prepared) return;
      return flyToFrame(camera, controls, request.frame, s.prepared.origin, s.verticalExaggeration, size, gl.domElement, invalidate);
    }
    // Re-applied when the camera changes too: a preset may switch perspective ⇄ orthographic.
    if (request) go(request.preset, request.zoneId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, camera, controls]);
  return null;
}
