/** Messages between the page and the loading worker. */
import type { LoadReport, Model } from './model';
import type { Prepared } from '../domain/prepare';

export type WorkerRequest =
  | { kind: 'bytes'; bytes: ArrayBuffer; source: string }
  | { kind: 'object'; value: unknown; source: string };

export type LoadPhase = 'reading' | 'parsing' | 'validating' | 'building' | 'drawing';

export type WorkerResponse =
  | { type: 'progress'; phase: LoadPhase; fraction: number }
  | { type: 'done'; model: Model; prepared: Prepared; report: LoadReport }
  | { type: 'failed'; report: LoadReport };
