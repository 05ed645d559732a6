/**
 * A text cell of a CSV file we write (RFC 4180): quoted when it holds a comma, quote, line break or
 * edge space, and defused when a spreadsheet would run it as a formula (a hole id or zone name
 * "=HYPERLINK(...)" from someone's database must not run on the database manager's machine): a
 * leading = + @ tab or carriage return, or a - not starting a number, gets an apostrophe first
 * (OWASP's advice). No react/three/zustand.
 */
export function csvText(v: string): string {
  const safe = /^[=+@\t\r]/.test(v) || /^-(?![\d.])/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
