/**
 * The benchmark's anchor (issue 22): the least a viewer has to do to show a deposit file, with no
 * Veinscape code. It creates a three.js WebGLRenderer on a canvas of the app's size and antialias
 * setting, fetches the file, JSON.parse's it, and draws the same triangles as ONE mesh with a plain
 * Lambert material and a light: the file's surfaces (veins, faults, any other) as they are, and for
 * the drill holes as many camera-facing ribbon quads (2 triangles each) as the app draws: one per
 * interval of the grade table cut at the survey stations inside it, and one per trace piece where no
 * interval covers the hole (stations, and pieces of at most 10 m between them), as
 * src/domain/prepare.ts does; and one per segment of the workings' paths and of the resource
 * outlines, which the app also draws as ribbons; and the intervals at or above 1 g/t a second
 * time, as the app draws them over the surfaces. Not drawn: the fault traces at the ground (the app
 * computes them). Holes
 * are desurveyed as straight lines from the collar (the first station's azimuth and dip), which
 * moves no triangle count. Then one 1-pixel readPixels, which waits until the GPU has finished the
 * frame.
 *
 * Page URL: /anchor/?file=<url>&w=<px>&h=<px>&aa=0|1. Writes window.__anchor = { readyMs (from
 * navigation start), triangles, surfaceTriangles, ribbonQuads, steps }, or { error }.
 */
import { AmbientLight, BufferAttribute, BufferGeometry, Color, DirectionalLight, Mesh, MeshLambertMaterial, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import { build, FOV, ribbons, VIEW_FROM } from './geometry.js';


const steps = {};
const mark = (name) => (steps[name] = performance.now());

async function main() {
  const q = new URLSearchParams(location.search);
  const width = Number(q.get('w') || 976);
  const height = Number(q.get('h') || 728);
  // The fetch first, so the download runs while the context is created (as the app's does).
  const text = fetch(q.get('file')).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
    return r.text();
  });
  const canvas = document.createElement('canvas');
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  document.body.append(canvas);
  const renderer = new WebGLRenderer({ canvas, antialias: q.get('aa') === '1' });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);
  mark('context');
  const doc = JSON.parse(await text);
  mark('parsed');
  const g = build(doc);
  const camera = new PerspectiveCamera(FOV, width / height, g.distance / 100, g.distance * 4);
  camera.up.set(0, 0, 1);
  camera.position.copy(g.center).addScaledVector(VIEW_FROM, g.distance);
  camera.lookAt(g.center);
  // The app's ribbons are about 2.5 px wide: 1.25 px either side at the distance of the data's centre.
  const halfWidth = (1.25 * 2 * g.distance * Math.tan(((FOV / 2) * Math.PI) / 180)) / height;
  ribbons(g, camera.position, halfWidth);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(g.position, 3));
  geometry.setIndex(new BufferAttribute(g.index, 1));
  // The bounds are known: three's own bounding sphere would walk every vertex again.
  geometry.boundingSphere = null;
  const mesh = new Mesh(geometry, new MeshLambertMaterial({ color: 0xc8a040, flatShading: true, side: 2 }));
  mesh.frustumCulled = false;
  const scene = new Scene();
  scene.background = new Color(0xffffff);
  scene.add(mesh, new AmbientLight(0xffffff, 0.4));
  const sun = new DirectionalLight(0xffffff, 1.5);
  sun.position.set(-600, 800, 1200);
  scene.add(sun);
  mark('built');
  renderer.render(scene, camera);
  const gl = renderer.getContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const readyMs = performance.now();
  performance.mark('anchor:ready');
  window.__anchor = { readyMs, triangles: g.index.length / 3, surfaceTriangles: g.surfaceTriangles, ribbonQuads: g.quads, steps, drawn: renderer.info.render.triangles, programs: renderer.info.programs?.length ?? null };
}

main().catch((e) => (window.__anchor = { error: String(e && e.stack ? e.stack : e) }));
