/**
 * Tables without quotes are split line by line (csv/parse.ts parseUnquoted), those with quotes by
 * papaparse: both must give the same rows, the same file line numbers and the same values, whatever
 * the line ends, blank lines and short rows. Expectations are written out by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../src/data/csv';
import { parseCsv } from '../src/data/csv/parse';
import { plainDecimal } from '../src/data/csv/columns';

describe('CSV tables without quotes', () => {
  it('numbers rows by file line past blank lines, with LF or CRLF line ends and no final line end', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['HOLE,FROM,TO,Au', '', 'DH1,0,1,1.5', '  ', ',,,', 'DH1,1,2', 'DH2,0,3,0.25,extra'].join(eol);
      const t = parseCsv('a.csv', text);
      expect(t.headers).toEqual(['HOLE', 'FROM', 'TO', 'Au']);
      expect([...t.rows]).toEqual([
        ['DH1', '0', '1', '1.5'],
        ['DH1', '1', '2', ''],
        ['DH2', '0', '3', '0.25'],
      ]);
      expect(t.lines).toEqual([3, 6, 7]);
      expect(t.ragged).toBe(2);
    }
  });

  it('cuts each row at every delimiter: blank fields kept where they are, short rows padded, extra fields dropped', () => {
    for (const sep of [',', '\t']) {
      const text = ['HOLE,FROM,TO,Au', 'DH3,3,4,', ',1,2,3', 'DH4,,5,1', 'DH5,0,1,2,x,y', 'DH6', 'DH7,0,1,9'].join('\n').replace(/,/g, sep);
      const t = parseCsv('a.csv', text, sep as ',' | '\t');
      expect([...t.rows]).toEqual([
        ['DH3', '3', '4', ''],
        ['', '1', '2', '3'],
        ['DH4', '', '5', '1'],
        ['DH5', '0', '1', '2'],
        ['DH6', '', '', ''],
        ['DH7', '0', '1', '9'],
      ]);
      expect(t.lines).toEqual([2, 3, 4, 5, 6, 7]);
      expect(t.ragged).toBe(2);
    }
  });

  it('reads the same rows and lines as the quoted form of the same table', () => {
    const plain = 'HOLE;FROM;TO;Au_ppm\r\nDH1;0;1,5;0,25\r\n\r\nDH1;1,5;3;<0,01\r\n';
    const quoted = 'HOLE;FROM;TO;Au_ppm\r\n"DH1";0;1,5;0,25\r\n\r\nDH1;1,5;3;"<0,01"\r\n';
    const a = parseCsv('a.csv', plain);
    const b = parseCsv('a.csv', quoted);
    expect([...a.rows]).toEqual([...b.rows]);
    expect(a.lines).toEqual([2, 4]);
    expect(b.lines).toEqual([2, 4]);
    expect(a.dialect).toEqual({ delimiter: ';', decimal: ',', thousands: '' });
  });

  it('loads plain, signed, limit and decimal-comma values as before: 1.5 m, below detection negative, text and blanks missing', () => {
    const collar = { name: 'collar.csv', text: 'HOLEID,EAST,NORTH,RL\nDH1,100,200,300\n' };
    const assay = { name: 'assay.csv', text: 'HOLEID,FROM,TO,Au_ppm\nDH1,0,1.5,2\nDH1,1.5,3,.5\nDH1,3,4,-0.01\nDH1,4,5,<0.02\nDH1,5,6,\nDH1,6,7,NS\nDH1,7,8,1e1\n' };
    const r = importCsv([collar, assay]);
    const data = r.document.intervals![0].data!;
    expect(data.from).toEqual([0, 1.5, 3, 4, 5, 6, 7]);
    expect(data.Au).toEqual([2, 0.5, -0.01, -0.02, null, null, 10]);
  });
});

describe('plain decimal cells', () => {
  it('read as exactly the number Number() gives, for every length of integer and fraction up to 15 digits', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    for (let k = 0; k < 20000; k++) {
      const a = Math.floor(rnd() * 9);
      const b = Math.floor(rnd() * (16 - a));
      const text = `${rnd() < 0.3 ? '-' : ''}${digits(a)}${b > 0 || a === 0 ? '.' : ''}${digits(b)}`;
      const expected = /\d/.test(text) ? Number(text) : NaN;
      expect(Object.is(plainDecimal(text), expected) || (Number.isNaN(expected) && Number.isNaN(plainDecimal(text))), text).toBe(true);
    }
  });

  it('leaves anything else to the general reader: signs, exponents, spaces, commas, words, 16+ digits', () => {
    for (const s of ['+1', '1e3', ' 1', '1 ', '1,5', '1.2.3', '.', '-', '', 'NS', '0x10', '1234567890123456']) expect(Number.isNaN(plainDecimal(s)), s).toBe(true);
  });
});
