import type { CreatedEntity } from './run-report.js';
import type { ApiModel } from '../spec/api-model.js';
import type { WireFormat } from '../wire/codec.js';
import type { CodecRegistry } from '../wire/codec-registry.js';
import type { DataPool } from './data-pool.js';
import type { HttpClient } from './http-client.js';
import type { SchemaValidator } from './schema-validator.js';
import type { Target } from './target.js';


/** Everything a case needs while it runs; one per run. */
export interface RunContext {
  readonly model: ApiModel;
  readonly target: Target;
  readonly http: HttpClient;
  /** The formats a run can ask for; a request's format is a name registered here. */
  readonly codecs: CodecRegistry;
  readonly validator: SchemaValidator;
  readonly pool: DataPool;
  readonly seed: number;
  readonly propertyRuns: number;
  readonly allowWrites: boolean;
  /** The reference time for date parameters. */
  readonly now: Date;
  readonly created: CreatedEntity[];
}
