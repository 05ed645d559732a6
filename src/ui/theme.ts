/** Light and dark palettes: calm neutrals, one warm accent. Shared by the DOM panels and the overlay. */
export interface Palette {
  background: string;
  text: string;
  muted: string;
  halo: string;
  accent: string;
  axes: string;
  sky: string;
  ground: string;
  /** ring round high-grade intervals drawn over the surfaces: contrasts with every grade colour and the background */
  haloLine: string;
}

export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: { background: '#eef1f4', text: '#1f2933', muted: '#52606d', halo: 'rgba(255,255,255,0.92)', accent: '#a8392e', axes: '#7b8794', sky: '#ffffff', ground: '#b7aa98', haloLine: '#1f2630' },
  dark: { background: '#161a1f', text: '#e4e7eb', muted: '#9aa5b1', halo: 'rgba(22,26,31,0.88)', accent: '#f0876f', axes: '#7b8794', sky: '#d8e2ee', ground: '#3a3530', haloLine: '#0b0e12' },
};
