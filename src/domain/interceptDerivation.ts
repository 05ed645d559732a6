/**
 * How one significant intercept was made, sample by sample, so a qualified person can check every
 * figure: the pieces of core it spans (each sample's depths, grade as assayed and as capped, and how
 * it was counted: a sample at or above cut-off, internal dilution below it, a missing assay or a gap
 * at zero grade, a below-detection value at half the limit), the sums that give its grade, its
 * widths and the vein orientation they used, and the calculator's settings.
 *
 * It walks the very pieces the calculator composites (intercepts.ts `piecesOf`, same order, same
 * top-cut), so the sums equal the intercept's own figures: Σ(length × capped grade) / Σ length is
 * `intercept.grade` and grade × the named width is `intercept.gramMetres`, to the last bit.
 * Pure maths: no react/three/zustand/i18next (words are the interface's, from `countedAs`).
 */
import type { Model } from '../data/model';
import type { DesurveyMethod } from './desurvey';
import {
  DEFAULT_UNSAMPLED, DEFAULT_WIDTH_BASIS, gramMetres, pieceLength, piecesOf, resolveGradeColumn,
  type GradeColumn, type Intercept, type InterceptOptions, type UnsampledRule, type WidthKind,
} from './intercepts';
import { strikeDipFromNormal } from './orientation';

/** How a piece of core was counted in the grade. */
export type CountedAs = 'sample' | 'dilution' | 'missing' | 'belowDetection' | 'gap';

export interface DerivationSample {
  /** table row, -1 for a gap between rows */
  row: number;
  /** m along the hole */
  from: number;
  to: number;
  /** the grade the calculator read (half the limit for a below-detection value); null when missing or a gap */
  assayed: number | null;
  /** the grade that was averaged: assayed capped at the top-cut, 0 for unsampled core */
  capped: number;
  /** the top-cut lowered this sample */
  wasCapped: boolean;
  countedAs: CountedAs;
  /** the sample's weight in the average: its core length, m */
  weight: number;
}

export interface DerivationParameters {
  table: string;
  column: string;
  unit: string;
  cutoff: number;
  topCut: number | null;
  minLength: number;
  maxDilution: number;
  includeCutoff: number | null;
  widthBasis: WidthKind;
  unsampled: UnsampledRule;
  domain: string | null;
  desurveyMethod: DesurveyMethod;
}

export interface InterceptDerivation {
  holeId: string;
  from: number;
  to: number;
  samples: DerivationSample[];
  /** Σ weight, m (the core length) */
  totalWeight: number;
  /** Σ weight × capped grade and Σ weight × assayed grade (missing at zero), g/t·m of core */
  cappedSum: number;
  assayedSum: number;
  /** cappedSum / totalWeight: the intercept's grade */
  grade: number;
  gradeUncapped: number;
  /** core taken in below cut-off (dilution, below detection, missing, gaps), m; and its longest consecutive run */
  dilutionLength: number;
  longestDilutionRun: number;
  /** core with no assay inside (missing assays and gaps), m */
  unsampledLength: number;
  cappedCount: number;
  belowDetectionCount: number;
  widths: { coreLength: number; trueWidth: number | null; horizontalWidth: number | null };
  /** the width gram-metres use, and which it is */
  width: number;
  widthKind: WidthKind;
  /** grade × width */
  gramMetres: number;
  /** the vein plane at the intercept (dip and dip direction, degrees; dip direction clockwise from grid north) */
  vein: { zoneId: string; dip: number; dipDirection: number; pierced: boolean; distance: number } | null;
  parameters: DerivationParameters;
}

/** Depth tolerance (m) for a piece being inside the intercept. */
const EPS = 1e-6;

/**
 * The derivation of `intercept`, computed with `options` (the same ones it was computed with) from
 * `model`; null when the grade column is gone (another dataset).
 */
export function interceptDerivation(model: Model, intercept: Intercept, options: InterceptOptions, desurveyMethod: DesurveyMethod): InterceptDerivation | null {
  return interceptDerivations(model, [intercept], options, desurveyMethod)[0];
}

/** The derivations of many intercepts (the samples CSV): the table's rows grouped by hole once. */
export function interceptDerivations(model: Model, intercepts: readonly Intercept[], options: InterceptOptions, desurveyMethod: DesurveyMethod): (InterceptDerivation | null)[] {
  const col = resolveGradeColumn(model, options);
  if (!col) return intercepts.map(() => null);
  const { table } = col;
  const byHole = new Map<number, number[]>();
  for (const ic of intercepts) byHole.set(ic.holeIndex, []);
  for (let r = 0; r < table.hole.length; r++) byHole.get(table.hole[r])?.push(r);
  // The calculator's own order (intercepts.ts interceptSteps).
  for (const rows of byHole.values()) rows.sort((a, b) => table.from[a] - table.from[b] || table.to[a] - table.to[b]);
  return intercepts.map((ic) => derive(col, byHole.get(ic.holeIndex)!, ic, options, desurveyMethod));
}

function derive(col: GradeColumn, rows: number[], intercept: Intercept, options: InterceptOptions, desurveyMethod: DesurveyMethod): InterceptDerivation {
  const { table } = col;
  const values = table.numeric[col.column];
  const below = table.belowDetection?.[col.column];
  const topCut = options.topCut ?? null;
  // The calculator's own pieces (gaps included), those inside the intercept.
  const pieces = piecesOf(rows, table, values, topCut, null).filter((p) => p.from >= intercept.from - EPS && p.to <= intercept.to + EPS);

  const samples: DerivationSample[] = [];
  let totalWeight = 0, cappedSum = 0, assayedSum = 0, dilution = 0, run = 0, longest = 0, unsampled = 0, cappedCount = 0, belowCount = 0;
  for (const p of pieces) {
    const weight = pieceLength(p);
    const countedAs: CountedAs =
      p.row < 0 ? 'gap'
      : !p.assayed ? 'missing'
      : below && below[p.row] === 1 ? 'belowDetection'
      : p.g >= options.cutoff - 1e-9 * Math.max(1, Math.abs(options.cutoff)) ? 'sample'
      : 'dilution';
    const wasCapped = p.assayed && p.gu > p.g;
    samples.push({ row: p.row, from: p.from, to: p.to, assayed: p.assayed ? p.gu : null, capped: p.g, wasCapped, countedAs, weight });
    totalWeight += weight;
    cappedSum += weight * p.g;
    assayedSum += weight * p.gu;
    if (countedAs === 'sample') run = 0;
    else {
      dilution += weight;
      run += weight;
      longest = Math.max(longest, run);
    }
    if (!p.assayed) unsampled += weight;
    if (wasCapped) cappedCount++;
    if (countedAs === 'belowDetection') belowCount++;
  }
  const grade = cappedSum / totalWeight;
  const v = intercept.vein;
  return {
    holeId: intercept.holeId,
    from: intercept.from,
    to: intercept.to,
    samples,
    totalWeight,
    cappedSum,
    assayedSum,
    grade,
    gradeUncapped: assayedSum / totalWeight,
    dilutionLength: dilution,
    longestDilutionRun: longest,
    unsampledLength: unsampled,
    cappedCount,
    belowDetectionCount: belowCount,
    widths: { coreLength: intercept.coreLength, trueWidth: intercept.trueWidth, horizontalWidth: intercept.horizontalWidth },
    width: intercept.width,
    widthKind: intercept.widthKind,
    gramMetres: gramMetres(grade, intercept.width),
    vein: v && { zoneId: v.zoneId, dip: v.dip, dipDirection: strikeDipFromNormal(v.normal).dipDirection, pierced: v.pierced, distance: v.distance },
    parameters: parametersOf(col, options, desurveyMethod),
  };
}

/** The settings intercepts were made with (the CSV's parameter note); null without a grade column. */
export function interceptParameters(model: Model, options: InterceptOptions, desurveyMethod: DesurveyMethod): DerivationParameters | null {
  const col = resolveGradeColumn(model, options);
  return col && parametersOf(col, options, desurveyMethod);
}

function parametersOf(col: GradeColumn, options: InterceptOptions, desurveyMethod: DesurveyMethod): DerivationParameters {
  return {
    table: col.table.id,
    column: col.column,
    unit: col.unit,
    cutoff: options.cutoff,
    topCut: options.topCut ?? null,
    minLength: options.minLength,
    maxDilution: options.maxDilution,
    includeCutoff: options.includeCutoff ?? null,
    widthBasis: options.widthBasis ?? options.labelWidth ?? DEFAULT_WIDTH_BASIS,
    unsampled: options.unsampled ?? DEFAULT_UNSAMPLED,
    domain: options.domain ?? null,
    desurveyMethod,
  };
}

/** How each piece was counted, as the samples CSV writes it: codes, the same in every language. */
export const COUNTED_AS_CODE: Record<CountedAs, string> = {
  sample: 'sample',
  dilution: 'internal_dilution',
  missing: 'missing_at_zero',
  belowDetection: 'below_detection_half_limit',
  gap: 'gap',
};
