/**
 * Deterministic, compact JSON: the top level and each record on its own line (and each column of a
 * column-wise interval table on its own line), so the file diffs well and stays small. Numbers are
 * already rounded (0.01 m, 0.01 g/t), so JSON.stringify prints at most two decimals; key order is
 * insertion order, which the generator fixes.
 */
function record(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'data' in v && v.data && typeof v.data === 'object') {
    const { data, ...head } = v as { data: Record<string, unknown> };
    const cols = Object.entries(data).map(([k, c]) => `      ${JSON.stringify(k)}: ${JSON.stringify(c)}`);
    return `    ${JSON.stringify(head).slice(0, -1)}, "data": {\n${cols.join(',\n')}\n    }}`;
  }
  return '    ' + JSON.stringify(v);
}

export function serialise(doc: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (Array.isArray(value)) {
      const items = value.map(record);
      parts.push(`  ${JSON.stringify(key)}: [${items.length ? '\n' + items.join(',\n') + '\n  ' : ''}]`);
    } else {
      parts.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
  }
  return '{\n' + parts.join(',\n') + '\n}\n';
}
