import type { CreatedEntity } from './run-report.js';
import type { ApiModel } from '../spec/api-model.js';
import type { Codec, WireFormat } from '../wire/codec.js';
import type { DataPool } from './data-pool.js';
import type { HttpClient } from './http-client.js';
import type { SchemaValidator } from './schema-validator.js';
import type { Target } from './target.js';

export type { CreatedEntity } from './run-report.js';

/** Everything a case needs while it runs; one per run. */
export interface RunContext {
  readonly model: ApiModel;
  readonly target: Target;
  readonly http: HttpClient;
  readonly codecFor: (format: WireFormat) => Codec;
  readonly validator: SchemaValidator;
  readonly pool: DataPool;
  readonly seed: number;
  readonly propertyRuns: number;
  readonly allowWrites: boolean;
  /** The reference time for date parameters. */
  readonly now: Date;
  readonly created: CreatedEntity[];
}
