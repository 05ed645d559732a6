/**
 * What the intercept export adds for traceability: the parameter note of intercepts.csv and the
 * second file, intercepts-samples.csv, with every piece of core of every intercept, numbered as
 * intercepts.csv lists them. Notes in the interface language, numbers with a decimal point.
 */
import type { Model } from '../../data/model';
import type { DesurveyMethod } from '../../domain/desurvey';
import { interceptDerivations, interceptParameters } from '../../domain/interceptDerivation';
import type { Intercept, InterceptOptions } from '../../domain/intercepts';
import { interceptSamplesToCsv } from '../../domain/interceptSamplesCsv';
import { downloadBlob } from '../../export/download';
import { parametersNote, samplesColumnsNote, samplesCsvHeader } from '../intercepts/derivationText';

/** "parameters: grade Au (assays); cut-off 1 g/t; …", or none without a grade column. */
export function parameterNotes(model: Model, options: InterceptOptions, method: DesurveyMethod, language: string): string[] {
  const p = interceptParameters(model, options, method);
  return p ? [parametersNote(p, language)] : [];
}

/** Downloads intercepts-samples.csv for `rows` in the order intercepts.csv lists them. */
export function downloadSamplesCsv(model: Model, rows: readonly Intercept[], options: InterceptOptions, method: DesurveyMethod, unit: string, language: string): void {
  const notes = [...parameterNotes(model, options, method, language), samplesColumnsNote(unit, language)];
  const text = interceptSamplesToCsv(interceptDerivations(model, rows, options, method), unit, notes, samplesCsvHeader(unit, language));
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), 'intercepts-samples.csv');
}
