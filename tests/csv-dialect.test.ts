/**
 * Drill tables saved by a spreadsheet in a French (or most European) locale: semicolons between
 * fields, decimal commas, Windows-1252 text. The real databases of ../shared/data/external are
 * converted to that form here (as Excel-fr / LibreOffice-fr save them) and must import to exactly
 * the same holes, collars, survey stations and assay values as the originals, whose own values are
 * checked by hand against the files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv, type CsvFile, type ImportResult } from '../src/data/csv';
import { readNumber, readValueCell } from '../src/data/csv/columns';
import { decodeBytes } from '../src/data/csv/encoding';
import { detectDelimiter, type Dialect } from '../src/data/csv/dialect';
import { parseCsv } from '../src/data/csv/parse';
import { validateDeposit } from '../src/data/load';
import { frenchLocale, win1252 } from './fixtures/frenchLocale';

const DATA = new URL('../../shared/data/external/', import.meta.url);
const read = (folder: string, file: string) => readFileSync(new URL(`${folder}/${file}`, DATA), 'utf8');

const notesOf = (r: ImportResult) => (r.report.notes ?? []).map((n) => `${n.path}: ${n.message}`);

describe('forrestania saved by a French-locale spreadsheet (";", decimal comma, Windows-1252)', () => {
  const names = ['collar.csv', 'survey.csv', 'assay.csv'];
  const original = importCsv(names.map((name) => ({ name, text: read('forrestania', name) })));
  const french = importCsv(names.map((name) => ({ name, bytes: win1252(frenchLocale(read('forrestania', name))) })));

  it('the conversion really writes decimal commas between semicolons', () => {
    const collar = frenchLocale(read('forrestania', 'collar.csv')).split('\r\n');
    expect(collar[0]).toBe('hole_ID;x;y;z');
    expect(collar[1]).toBe('BD053;5962,170594488526;7971,136709329777;0');
  });

  it('imports exactly the same holes, collars, survey stations and assays as the original', () => {
    expect(french.document.holes).toEqual(original.document.holes);
    expect(french.document.intervals).toEqual(original.document.intervals);
    expect(french.report.counts).toEqual(original.report.counts);
    expect(french.report.dropped).toEqual(original.report.dropped);
    // Every warning and error (gaps, overlaps, stubs...) is the same, at the same file:row.
    expect(french.report.errors).toEqual(original.report.errors);
    expect(french.report.warnings).toEqual(original.report.warnings);
  });

  it('reads the values written in the file (checked by hand)', () => {
    // collar.csv row 2: BD053, 5962.170594488526, 7971.136709329777, 0.
    expect(french.document.holes!.find((h) => h.id === 'BD053')!.collar).toEqual([5962.170594488526, 7971.136709329777, 0]);
    // survey.csv row 3: BSD023, 0, -59.700001, 236.1.
    expect((french.document.holes!.find((h) => h.id === 'BSD023')!.surveys as unknown[])[0]).toEqual({ depth: 0, azimuth: 236.1, dip: -59.700001 });
    // assay.csv row 2: BD048, 142.50999, 143.50999, Au_ppm 0.005, Cr_ppm 512; row 1370: NH12-01 Au -0.01 (below detection).
    const data = french.document.intervals![0].data!;
    expect([data.hole[0], data.from[0], data.to[0], data.Au[0], data.Cr[0]]).toEqual(['BD048', 142.50999, 143.50999, 0.005, 512]);
    expect(data.Au[1370 - 2]).toBe(-0.01);
  });

  it('says which dialect it detected, per file, as information (not a warning)', () => {
    expect(french.tables.map((t) => t.format)).toEqual(names.map(() => 'semicolon-separated, decimal comma, UTF-8'));
    expect(notesOf(french).filter((n) => / read as /.test(n))).toEqual(names.map((n) => `${n}: ${n} read as semicolon-separated, decimal comma, UTF-8`));
    expect(original.tables.map((t) => t.format)).toEqual(names.map(() => 'comma-separated, decimal point, UTF-8'));
    expect(french.report.warnings.some((w) => /semicolon|decimal/.test(w.message))).toBe(false);
  });
});

describe('macpass collars in UTM with no-break-space thousands and an accented column, Windows-1252', () => {
  const original = importCsv(['collar.csv', 'survey.csv'].map((name) => ({ name, text: read('macpass_tom_zone', name) })));
  // A "Géologue" column with accents makes the bytes Windows-1252 and not UTF-8 (é = 0xE9 alone).
  const collar = frenchLocale(read('macpass_tom_zone', 'collar.csv'), true)
    .split('\r\n')
    .map((l, i) => (l ? `${l};${i === 0 ? 'Géologue' : 'Hélène Bélanger'}` : l))
    .join('\r\n');
  const french = importCsv([
    { name: 'collar.csv', bytes: win1252(collar) },
    { name: 'survey.csv', bytes: win1252(frenchLocale(read('macpass_tom_zone', 'survey.csv'), true)) },
  ]);

  it('reads "442 065,26" as 442065.26 and gives the original holes and stations', () => {
    expect(collar.split('\r\n')[2]).toBe('TRC20-001;442\u00a0065,26;7\u00a0003\u00a0666,75;1\u00a0546,98;Hélène Bélanger');
    // collar.csv row 3: TRC20-001, 442065.26, 7003666.75, 1546.98.
    expect(french.document.holes!.find((h) => h.id === 'TRC20-001')!.collar).toEqual([442065.26, 7003666.75, 1546.98]);
    expect(french.document.holes).toEqual(original.document.holes);
    expect(french.report.counts).toEqual(original.report.counts);
  });

  it('detects Windows-1252 and the space thousands, and keeps the accents', () => {
    expect(french.tables[0].format).toBe('semicolon-separated, decimal comma, thousands grouped by spaces, Windows-1252');
    expect(french.tables[0].encoding).toBe('Windows-1252');
    expect(french.tables[0].headers).toContain('Géologue');
    expect(french.report.warnings.find((w) => /not used/.test(w.message))!.message).toContain('Géologue');
  });
});

describe('accents in hole ids and lithology names survive every encoding', () => {
  const collar = 'Trou;Est;Nord;Élévation;Profondeur\nFORAGE-É1;300125,5;5312123,45;310,2;150\nFORAGE-Ç2;300130;5312130;311;90,5\n';
  const lith = 'Trou;De;À;Lithologie\nFORAGE-É1;0;12,5;Diorite altérée\nFORAGE-É1;12,5;30;Schiste à séricite\nFORAGE-Ç2;0;90,5;Gabbro\n';
  const expectAccents = (r: ImportResult) => {
    expect(r.report.errors).toEqual([]);
    expect(r.document.holes!.map((h) => h.id)).toEqual(['FORAGE-É1', 'FORAGE-Ç2']);
    expect(r.document.holes![0].collar).toEqual([300125.5, 5312123.45, 310.2]);
    expect(r.document.holes![1].depth).toBe(90.5);
    const data = r.document.intervals![0].data!;
    expect(data.Lithologie).toEqual(['Diorite altérée', 'Schiste à séricite', 'Gabbro']);
    expect(data.to).toEqual([12.5, 30, 90.5]);
  };
  const bytesOf = (enc: 'win1252' | 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be', text: string): Uint8Array => {
    if (enc === 'win1252') return win1252(text);
    if (enc === 'utf8') return new TextEncoder().encode(text);
    if (enc === 'utf8bom') return new TextEncoder().encode(`\ufeff${text}`);
    const le = new Uint8Array(2 + 2 * text.length);
    le.set(enc === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const [lo, hi] = [c & 0xff, c >> 8];
      le.set(enc === 'utf16le' ? [lo, hi] : [hi, lo], 2 + 2 * i);
    }
    return le;
  };
  const cases = [
    ['win1252', 'Windows-1252'],
    ['utf8', 'UTF-8'],
    ['utf8bom', 'UTF-8 (with byte-order mark)'],
    ['utf16le', 'UTF-16LE (with byte-order mark)'],
    ['utf16be', 'UTF-16BE (with byte-order mark)'],
  ] as const;
  for (const [enc, label] of cases) {
    it(`${label}`, () => {
      const r = importCsv([{ name: 'collar.csv', bytes: bytesOf(enc, collar) }, { name: 'lith.csv', bytes: bytesOf(enc, lith) }]);
      expectAccents(r);
      expect(r.tables[0].format).toBe(`semicolon-separated, decimal comma, ${label}`);
      // The BOM never sticks to the first header name.
      expect(r.tables[0].mapping.hole).toBe('Trou');
    });
  }

  it('a Windows-1252 file is not read as UTF-8 (which would turn "é" into a replacement character)', () => {
    const d = decodeBytes(win1252('Diorite altérée'));
    expect(d).toEqual({ text: 'Diorite altérée', encoding: 'Windows-1252', bom: false });
  });
});

describe('one number reader driven by the dialect', () => {
  const fr: Dialect = { delimiter: ';', decimal: ',', thousands: ' ' };
  const de: Dialect = { delimiter: ';', decimal: ',', thousands: '.' };
  const en: Dialect = { delimiter: ',', decimal: '.', thousands: '' };

  it('reads decimal commas and grouped thousands', () => {
    expect(readNumber('5 312 123,45', fr)).toBe(5312123.45);
    expect(readNumber('5\u00a0312\u00a0123,45', fr)).toBe(5312123.45);
    expect(readNumber('5\u202f312\u202f123,45', fr)).toBe(5312123.45);
    expect(readNumber('5.312.123,45', de)).toBe(5312123.45);
    expect(readNumber('-59,7', fr)).toBe(-59.7);
    expect(readNumber('0,005', fr)).toBe(0.005);
    expect(readNumber('1,5E-03', fr)).toBe(0.0015);
    expect(readValueCell('<0,01', fr)).toEqual({ value: -0.01, kind: 'below-detection' });
    expect(readValueCell('>100,5', fr)).toEqual({ value: 100.5, kind: 'over-limit' });
  });

  it('never reads a number as another one: what does not fit the dialect is not a number', () => {
    // In a decimal-point file a comma is not a decimal separator.
    expect(readNumber('1,5', en)).toBeNaN();
    // Dots are thousands only when they group by three from a non-zero digit.
    expect(readNumber('0.005', de)).toBe(0.005);
    expect(readNumber('12.34.5', de)).toBeNaN();
    expect(readNumber('1 2', fr)).toBeNaN();
  });

  it('detects the delimiter outside quotes, and never takes a comma-separated file for decimal commas', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(detectDelimiter('a,b,c\n"x;y;z",1,2\n')).toBe(',');
    const plain = parseCsv('collar.csv', read('forrestania', 'collar.csv'));
    expect(plain.dialect).toEqual({ delimiter: ',', decimal: '.', thousands: '' });
    // Quoted decimal commas in a comma-separated file (LibreOffice in a French locale).
    const quoted = parseCsv('c.csv', 'hole,x,y\nA,"1,5","2,25"\n');
    expect(quoted.dialect.decimal).toBe(',');
    expect(readNumber(quoted.rows.get(0)[1], quoted.dialect)).toBe(1.5);
    // Quoted thousands ("5,312,123.45") in a decimal-point file.
    const grouped = parseCsv('c.csv', 'hole,x,y\nA,"5,312,123.45",2.5\n');
    expect(grouped.dialect).toEqual({ delimiter: ',', decimal: '.', thousands: ',' });
    expect(readNumber(grouped.rows.get(0)[1], grouped.dialect)).toBe(5312123.45);
  });
});

describe('quoted fields with line breaks', () => {
  const files: CsvFile[] = [
    { name: 'collar.csv', text: 'hole;east;north;rl\nA;100;200;300\nB;100;210;300\n' },
    // Line 2's comment spans lines 2-4; the bad row (to < from) starts on line 5; line 6 is on line 6.
    { name: 'lith.csv', text: 'hole;from;to;lith;comment\nA;0;5,5;Diorite altérée;"first line\nsecond line\nthird"\nA;9;6;Gabbro;"bad\nrow"\nB;0;2;Schiste;ok\n' },
  ];
  const r = importCsv(files);

  it('keeps the line breaks in the field and counts rows by the line they start on', () => {
    const data = r.document.intervals![0].data!;
    expect(data.comment).toEqual(['first line\nsecond line\nthird', 'ok']);
    const bad = r.report.errors.find((e) => /from \/ to|must be numbers/.test(e.message))!;
    expect(bad).toMatchObject({ path: 'lith.csv:row 5', id: 'A' });
  });

  it('loads every other row and the app loads the document', () => {
    expect(r.report.counts.intervals).toBe(2);
    const v = validateDeposit(JSON.parse(JSON.stringify(r.document)), 'lith');
    expect(v.report.errors).toEqual([]);
    expect(v.model!.intervals[0].categorical.lith.categories).toContain('Diorite altérée');
  });
});
