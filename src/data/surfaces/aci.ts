/**
 * The AutoCAD Color Index (ACI): DXF group 62 gives a colour as an index 1..255 into a fixed palette.
 * 0 is BYBLOCK and 256 is BYLAYER (no colour of their own); a negative layer colour means the layer
 * is off and its colour is the absolute value.
 *
 * The palette is generated rather than listed: AutoCAD builds indices 10..249 from 24 hues 15° apart
 * (10 indices per hue, starting at red), each hue at 5 brightness levels, even index = full
 * saturation, odd index = half saturation (the low channel at half the level). The levels are
 * 255, 204, 153, 127, 76, as AutoCAD's Select Color dialog shows them (ACI 12 = 204,0,0; ACI 250..255
 * = 51, 91, 132, 173, 214, 255 grey). Every channel is floor(level × eighths / 8), computed in integers;
 * this reproduces that table exactly where the published copies agree among themselves (some copies
 * carry 152 for 153 from float rounding). Note: an older "DXF reference" table, which ezdxf ships, uses
 * the levels 255, 165, 127, 76, 38 for the same scheme; either is "standard", we use AutoCAD's.
 * 7 is white on AutoCAD's dark model space (black on paper): #ffffff here, the viewer's background
 * being dark.
 */

/** ACI → 0xRRGGBB; entry 0 (BYBLOCK) is unused. */
export const ACI_RGB: readonly number[] = buildAci();

function buildAci(): number[] {
  const t = [0x000000, 0xff0000, 0xffff00, 0x00ff00, 0x00ffff, 0x0000ff, 0xff00ff, 0xffffff, 0x808080, 0xc0c0c0];
  const levels = [255, 204, 153, 127, 76];
  for (let i = 10; i < 250; i++) {
    const hue = Math.floor((i - 10) / 10); // 0..23, 15° each
    const sub = (i - 10) % 10;
    const level = levels[sub >> 1];
    const half = (sub & 1) === 1;
    // Channel fractions in quarters at full saturation: within each 60° sector one channel is
    // full, one is off, and the third rises or falls by a quarter every 15°.
    const q = hue & 3;
    const up = q;
    const down = 4 - q;
    const [r, g, b] = ([[4, up, 0], [down, 4, 0], [0, 4, up], [0, down, 4], [up, 0, 4], [4, 0, down]] as const)[hue >> 2];
    // Full saturation: quarters × 2 = eighths; half saturation: 4/8 + quarters/8.
    const ch = (f: number) => Math.floor((level * (half ? 4 + f : 2 * f)) / 8);
    t.push((ch(r) << 16) | (ch(g) << 8) | ch(b));
  }
  t.push(0x333333, 0x5b5b5b, 0x848484, 0xadadad, 0xd6d6d6, 0xffffff);
  return t;
}

/** '#rrggbb' of a 24-bit colour (DXF group 420 keeps 0x00RRGGBB in a 32-bit integer; higher bits are flags). */
export function rgbHex(rgb: number): string {
  return '#' + (rgb & 0xffffff).toString(16).padStart(6, '0');
}

/** '#rrggbb' of an ACI colour, or undefined for BYBLOCK (0), BYLAYER (256) and out-of-range values. */
export function aciHex(index: number): string | undefined {
  const i = Math.abs(Math.trunc(index));
  return i >= 1 && i <= 255 ? rgbHex(ACI_RGB[i]) : undefined;
}
