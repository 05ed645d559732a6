import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, viewUrl } from './viewLink';

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
  it('links carry the sender\'s language and keep the rest of the page\'s query', () => {
    const view = { name: 'Plan', camera: { position: [1, 2, 3], target: [0, 0, 0] } };
    const fr = new URL(viewUrl('https://x.org/app/?data=d.json&embed=1#view=old', view, 'fr'));
    expect(fr.pathname).toBe('/app/');
    expect(fr.searchParams.get('lang')).toBe('fr');
    expect(fr.searchParams.get('data')).toBe('d.json');
    expect(fr.searchParams.get('embed')).toBe('1');
    expect(decodeView(fr.hash.replace('#view=', ''))).toEqual(view);
    // A language already in the address is replaced by the one the sender now uses, not doubled.
    const en = new URL(viewUrl('https://x.org/?lang=fr', view, 'en'));
    expect(en.searchParams.getAll('lang')).toEqual(['en']);
  });
});
