/**
 * Zone codes for the zone filter: one byte per interval row (and per intercept) naming the zone it
 * belongs to, so unticking a zone or a vein system hides its intervals on the GPU (a per-segment
 * code looked up in a 256-entry mask) and drops them from the in-view counts without new geometry.
 * Code 0 is "no zone" (never hidden); code k is model.zones[k - 1]. Zones past the 255th get no
 * code (their intervals are never hidden). No react/three/zustand.
 *
 * An interval row belongs to a zone when the table's zone column (the intercept calculator's
 * `zoneColumn`, intercepts.ts rule 9: default the table's categorical `zone` column) names the
 * zone's id; an intercept belongs to its `zoneId`.
 */

/** Codes 1..MAX_ZONE_CODE name zones; 0 is none. */
export const MAX_ZONE_CODE = 255;

interface ZoneLike {
  id: string;
}

interface TableLike {
  hole: ArrayLike<number>;
  categorical: Record<string, { codes: ArrayLike<number>; categories: string[] }>;
}

/** code of each zone id (1 + its index), for the first MAX_ZONE_CODE zones */
export function zoneCodeMap(zones: readonly ZoneLike[]): Map<string, number> {
  const m = new Map<string, number>();
  zones.forEach((z, i) => {
    if (i < MAX_ZONE_CODE && !m.has(z.id)) m.set(z.id, i + 1);
  });
  return m;
}

/**
 * Per row of `table`: the code of the zone its zone column names, 0 when the row has none, the
 * column is missing, or the category is not a zone id.
 */
export function rowZoneCodes(table: TableLike | null | undefined, zones: readonly ZoneLike[], column = 'zone'): Uint8Array {
  const n = table ? table.hole.length : 0;
  const out = new Uint8Array(n);
  const col = table?.categorical[column];
  if (!col) return out;
  const byId = zoneCodeMap(zones);
  const codeOfCategory = col.categories.map((c) => byId.get(c) ?? 0);
  const codes = col.codes;
  for (let r = 0; r < n; r++) {
    const c = codes[r];
    out[r] = c >= 0 ? codeOfCategory[c] : 0;
  }
  return out;
}

/**
 * 256 bytes, 1 per zone code shown, 0 hidden (code 0, no zone, always shown); null when no zone is
 * hidden (the filter is off). `visible` maps zone id → shown (missing = shown).
 */
export function zoneShownMask(zones: readonly ZoneLike[], visible: Readonly<Record<string, boolean>>): Uint8Array | null {
  let any = false;
  const mask = new Uint8Array(MAX_ZONE_CODE + 1).fill(1);
  zones.forEach((z, i) => {
    if (i < MAX_ZONE_CODE && visible[z.id] === false) {
      mask[i + 1] = 0;
      any = true;
    }
  });
  return any ? mask : null;
}

/** Per piece of a segment buffer: its row's zone code (0 for pieces without a row in `rowZones`). */
export function pieceZoneCodes(row: Int32Array, count: number, rowZones: Uint8Array): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = row[i];
    out[i] = r >= 0 && r < rowZones.length ? rowZones[r] : 0;
  }
  return out;
}
