/**
 * The ribbons lit once per pixel (scene/materials/ribbonDeferred.ts): the first pass is the ribbon
 * shader up to three's lighting, writing colour and normal; the lighting draw is three's lighting
 * fed from those pixels, writing the first pass's depth.
 */
import { describe, expect, it } from 'vitest';
import { DataTexture, ShaderLib, type WebGLProgramParametersWithUniforms, type WebGLRenderer } from 'three';
import { SegmentBuilder } from '../src/domain/segments';
import { buildSegmentGpuData } from '../src/scene/geometry/segmentGeometry';
import { createSegmentMaterial } from '../src/scene/materials/segmentMaterial';
import { createFirstPassMaterial, createLightingMaterial } from '../src/scene/materials/ribbonDeferred';

const physical = () => ({ vertexShader: ShaderLib.physical.vertexShader, fragmentShader: ShaderLib.physical.fragmentShader, uniforms: {} }) as unknown as WebGLProgramParametersWithUniforms;

function ribbon(onTop: boolean) {
  const b = new SegmentBuilder([0, 0, 0], 1);
  b.push([0, 0, 0], [0, 0, -1], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 0, d0: 0, d1: 1 });
  return createSegmentMaterial({ mode: 'grade', radius: 1, minPixels: 1, clip: true, holeFilters: true, onTop }, buildSegmentGpuData(b.finish()));
}

function firstPass(onTop: boolean) {
  const source = ribbon(onTop);
  const m = createFirstPassMaterial(source);
  const shader = physical();
  m.onBeforeCompile(shader, {} as WebGLRenderer);
  return { source, m, shader };
}

function lighting(withDepth: boolean) {
  const t = new DataTexture();
  const m = createLightingMaterial({ color: t, normal: t, depth: withDepth ? t : null }, !withDepth);
  const shader = physical();
  m.onBeforeCompile(shader, {} as WebGLRenderer);
  return { m, shader };
}

describe('first pass', () => {
  it('writes the colour and a second target (normal, roughness), and lights nothing', () => {
    const f = firstPass(false).shader.fragmentShader;
    expect(f).toContain('layout(location = 1) out highp vec4 gNormal;');
    expect(f).toContain('gl_FragColor = vec4(diffuseColor.rgb, 1.0);');
    expect(f).toContain('gNormal = vec4(normal, geometryRoughness);');
    // the roughness three derives from the normal's neighbours, where they are the ribbon's own
    expect(f).toContain('dFdx( nonPerturbedNormal )');
    for (const lightingChunk of ['lights_physical_fragment', 'lights_fragment_begin', 'lights_fragment_end', 'opaque_fragment']) expect(f).not.toContain(lightingChunk);
  });

  it('keeps what the ribbon discards: clip planes and the planned holes dashes', () => {
    const f = firstPass(false).shader.fragmentShader;
    expect(f).toContain('if ( dot( vViewPosition, plane.xyz ) > plane.w ) discard;');
    expect(f).toContain('if (vPlanned > 0.5 && mod(vDashDepth, 14.0) > 8.0) discard;');
  });

  it("shares the ribbon's uniforms, clip planes and depth, for the layer and for the emphasised grades", () => {
    for (const onTop of [false, true]) {
      const { source, m, shader } = firstPass(onTop);
      const own = source.userData.uniforms as Record<string, unknown>;
      expect(shader.uniforms.uSegBase).toBe(own.uSegBase);
      expect(shader.uniforms.uOnTop).toBe(own.uOnTop);
      expect(m.clippingPlanes).toBe(source.clippingPlanes);
      expect([m.depthTest, m.depthWrite, m.transparent]).toEqual(onTop ? [false, false, true] : [true, true, false]);
    }
  });
});

describe('lighting draw', () => {
  it("reads the first pass's pixel instead of the ribbon's varyings, and its stored roughness", () => {
    const f = lighting(true).shader.fragmentShader;
    expect(f).not.toContain('varying vec3 vViewPosition;');
    expect(f).toContain('texelFetch(uFirstColor, firstTexel, 0)');
    expect(f).toContain('vec3 normal = firstNormal.xyz;');
    expect(f).toContain('float geometryRoughness = firstNormal.w;');
    expect(f).not.toContain('dFdx( nonPerturbedNormal )');
    expect(f).toContain('#include <lights_fragment_begin>');
  });

  it('clips nothing itself: the first pass did, and the plane has no position of the ribbons', () => {
    expect(lighting(true).shader.fragmentShader).not.toContain('clipping_planes_fragment');
  });

  it("with depth: writes the first pass's depth; over everything: no depth read or written", () => {
    expect(lighting(true).shader.fragmentShader).toContain('gl_FragDepth = firstDepth;');
    const over = lighting(false);
    expect(over.shader.fragmentShader).not.toContain('gl_FragDepth');
    expect(over.shader.fragmentShader).not.toContain('texelFetch(uFirstDepth');
    expect([over.m.depthTest, over.m.depthWrite, over.m.transparent]).toEqual([false, false, true]);
  });

  it('the plane is the screen: no camera in its vertex stage', () => {
    const v = lighting(true).shader.vertexShader;
    expect(v).toContain('gl_Position = vec4(position.xy, 0.0, 1.0);');
    expect(v).not.toContain('#include <project_vertex>');
  });
});
