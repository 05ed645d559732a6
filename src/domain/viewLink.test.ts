import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from './viewLink';

describe('views in links', () => {
  it('round-trips a view with UTM coordinates to the centimetre, and non-ASCII captions', () => {
    const view = { name: 'Long section – McDowell', camera: { position: [612345.6789, 5343210.1234, 412.5], target: [612000, 5343000, 150] }, filters: { gradeCutoff: 3 } };
    const text = encodeView(view);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeView(text) as typeof view;
    expect(back.name).toBe(view.name);
    expect(back.camera.position[0]).toBeCloseTo(612345.68, 2);
    expect(back.camera.position[1]).toBeCloseTo(5343210.12, 2);
    expect(back.filters.gradeCutoff).toBe(3);
  });
  it('gives null for a damaged link', () => {
    expect(decodeView('not-base64-json!!')).toBeNull();
    expect(decodeView('')).toBeNull();
  });
});
