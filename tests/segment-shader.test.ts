/**
 * The ribbon shader's varyings (segmentMaterial.ts): what the vertex stage hands over is what the
 * fragment stage reads, flat where a segment's four corners agree, and the model-box clipping reads
 * the view position three already hands over (vViewPosition) instead of a copy of it.
 */
import { describe, expect, it } from 'vitest';
import { ShaderLib, type WebGLProgramParametersWithUniforms, type WebGLRenderer } from 'three';
import { SegmentBuilder } from '../src/domain/segments';
import { buildSegmentGpuData } from '../src/scene/geometry/segmentGeometry';
import { createSegmentMaterial } from '../src/scene/materials/segmentMaterial';

function compiled(clip: boolean) {
  const b = new SegmentBuilder([0, 0, 0], 1);
  b.push([0, 0, 0], [0, 0, -1], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: 0, d0: 0, d1: 1 });
  const m = createSegmentMaterial({ mode: 'fixed', radius: 1, minPixels: 1, clip }, buildSegmentGpuData(b.finish()));
  const shader = { vertexShader: ShaderLib.physical.vertexShader, fragmentShader: ShaderLib.physical.fragmentShader, uniforms: {} } as unknown as WebGLProgramParametersWithUniforms;
  m.onBeforeCompile(shader, {} as WebGLRenderer);
  return shader;
}

/** `varying` declarations (with their qualifiers) of a shader stage, sorted. */
const varyings = (src: string) => [...src.matchAll(/^\s*((?:flat\s+)?varying\s+\w+\s+v\w+);/gm)].map((x) => x[1].replace(/\s+/g, ' ')).sort();

describe('ribbon shader stages', () => {
  it('the ribbon varyings are declared alike in both stages, colour and planned flag flat', () => {
    const s = compiled(true);
    const own = (list: string[]) => list.filter((v) => /vSegColor|vPlanned|vDashDepth|vAcross|vSide|vToCam|vHaloFrom/.test(v));
    expect(own(varyings(s.vertexShader))).toEqual(own(varyings(s.fragmentShader)));
    expect(own(varyings(s.fragmentShader))).toEqual([
      'flat varying float vPlanned',
      'flat varying vec3 vSegColor',
      'varying float vAcross',
      'varying float vDashDepth',
      'varying float vHaloFrom',
      'varying vec3 vSide',
      'varying vec3 vToCam',
    ]);
  });

  it("three's clip position and normal are not handed over: the planes test vViewPosition", () => {
    const s = compiled(true);
    for (const src of [s.vertexShader, s.fragmentShader]) {
      expect(src).not.toContain('vClipPosition');
      expect(src).not.toMatch(/#include <(clipping_planes_(pars_)?vertex|normal_(pars_)?vertex|normal_pars_fragment)>/);
    }
    expect(s.fragmentShader).toContain('if ( dot( vViewPosition, plane.xyz ) > plane.w ) discard;');
    expect(s.fragmentShader).toContain('uniform vec4 clippingPlanes[ NUM_CLIPPING_PLANES ];');
  });
});
