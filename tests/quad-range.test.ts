/**
 * A segment layer's draw repeats one index of QUAD_CHUNK segments as instances (segmentGeometry.ts):
 * the instances, index range, first and end segment and the triangles counted for a draw, worked
 * out by hand for QUAD_CHUNK = 4,096.
 */
import { describe, expect, it } from 'vitest';
import { Mesh, type Material, type WebGLRenderer } from 'three';
import { SegmentBuilder } from '../src/domain/segments';
import { buildSegmentGpuData, countLiveTriangles, QUAD_CHUNK, quadGeometry, setQuadRange, vertexCount } from '../src/scene/geometry/segmentGeometry';
import { createSegmentMaterial } from '../src/scene/materials/segmentMaterial';

type RangeUniforms = { uSegBase: { value: number }; uSegEnd: { value: number } };

function threeSegments() {
  const b = new SegmentBuilder([0, 0, 0], 1);
  for (let i = 0; i < 3; i++) b.push([0, 0, -i], [0, 0, -i - 1], { value: 1, hole: [0, 0, 0, 0], mask: 0, row: i, d0: i, d1: i + 1 });
  return buildSegmentGpuData(b.finish());
}

/** Triangles three's info counts for a draw of `geometry` (every instance's), less the dead ones. */
function countedTriangles(mesh: Mesh): number {
  const g = mesh.geometry as ReturnType<typeof quadGeometry>;
  const info = { render: { triangles: g.instanceCount * (g.drawRange.count / 3) } };
  countLiveTriangles({ info } as unknown as WebGLRenderer, null, null, g);
  return info.render.triangles;
}

describe('segment draws over a chunk index', () => {
  it('the chunk index: corners 4i..4i+3 of each of 4,096 segments, 16-bit', () => {
    const g = quadGeometry(vertexCount(0));
    const index = g.index!.array;
    expect(QUAD_CHUNK).toBe(4096);
    expect(index).toBeInstanceOf(Uint16Array);
    expect(index.length).toBe(6 * 4096);
    expect(Array.from(index.slice(0, 12))).toEqual([0, 1, 2, 2, 1, 3, 4, 5, 6, 6, 5, 7]);
    // The last segment, 4,095: corners 16,380..16,383.
    expect(Array.from(index.slice(-6))).toEqual([16380, 16381, 16382, 16382, 16381, 16383]);
  });

  it("a small layer's own draw: one instance of its 3 segments (18 indices, 6 triangles)", () => {
    const gpu = threeSegments();
    expect(gpu.count).toBe(3);
    expect(gpu.geometry.instanceCount).toBe(1);
    expect(gpu.geometry.drawRange).toEqual({ start: 0, count: 18 });
    const m = createSegmentMaterial({ mode: 'trace', radius: 1, minPixels: 1 }, gpu);
    const u = m.userData.uniforms as RangeUniforms;
    expect([u.uSegBase.value, u.uSegEnd.value]).toEqual([0, 3]);
    expect(countedTriangles(new Mesh(gpu.geometry, m))).toBe(6);
  });

  it('a draw of entries 5,000..14,999: 3 instances of 4,096 from 5,000, 20,000 triangles counted', () => {
    const gpu = threeSegments();
    const mesh = new Mesh(quadGeometry(vertexCount(0)), createSegmentMaterial({ mode: 'grade', radius: 1, minPixels: 1 }, { ...gpu, count: undefined }));
    setQuadRange(mesh, 5000, 10000);
    const g = mesh.geometry as ReturnType<typeof quadGeometry>;
    // ceil(10,000 / 4,096) = 3 instances of 4,096 segments (24,576 indices): 12,288 segments, of
    // which 2,288 past the end leave the shader; three counts 3 x 8,192 = 24,576 triangles.
    expect(g.instanceCount).toBe(3);
    expect(g.drawRange).toEqual({ start: 0, count: 24576 });
    const u = (mesh.material as Material).userData.uniforms as RangeUniforms;
    expect([u.uSegBase.value, u.uSegEnd.value]).toEqual([5000, 15000]);
    expect(countedTriangles(mesh)).toBe(20000);
    // Exactly one chunk: no dead segments.
    setQuadRange(mesh, 0, 4096);
    expect([g.instanceCount, g.drawRange.count, countedTriangles(mesh)]).toEqual([1, 24576, 8192]);
  });

  it('the emphasised grades draw their own index from segment 0, with no end', () => {
    const gpu = threeSegments();
    const u = createSegmentMaterial({ mode: 'grade', radius: 1, minPixels: 1, onTop: true }, gpu).userData.uniforms as RangeUniforms;
    expect(u.uSegBase.value).toBe(0);
    expect(u.uSegEnd.value).toBe(2 ** 31 - 1);
  });
});
