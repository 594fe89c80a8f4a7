import { defaultShown, type JsonSchema, type Option, type OptionSet } from './option-model.js';
import { CONFIG_SHAPE, type ConfigShape } from './config-file.js';

/**
 * The JSON Schema of evo-mock.config.json, derived from the options model (each option's value schema,
 * help and default), so an editor completes and checks the file. The package ships it as
 * evo-mock.config.schema.json; a test keeps that file equal to this.
 */
export function configSchema(version: string, shape: ConfigShape = CONFIG_SHAPE): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://unpkg.com/evo-mock@${version}/evo-mock.config.schema.json`,
    title: 'evo-mock configuration',
    description:
      'Options of evo-mock by their camelCase names. Precedence: command-line flags, then EVO_MOCK_* environment variables, then this file, then the defaults. `evo-mock <command> --print-config` shows what applies and where it came from.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'This schema, for editors.' },
      ...propertiesOf(shape.mock),
      contract: section('Options of `evo-mock contract`.', shape.contract),
      generate: section('Options of `evo-mock generate`.', shape.generate),
    },
    additionalProperties: false,
  };
}

function section(description: string, set: OptionSet): JsonSchema {
  return { type: 'object', description, properties: propertiesOf(set), additionalProperties: false };
}

function propertiesOf(set: OptionSet): Record<string, JsonSchema> {
  return Object.fromEntries(Object.values(set).map((o) => [o.key, propertyOf(o)]));
}

function propertyOf(o: Option<unknown>): JsonSchema {
  const shown = defaultShown(o);
  const def = jsonDefault(o.default);
  return {
    ...o.schema,
    description: `${o.help} Flag: --${o.flag}; environment: ${o.env}.${shown !== undefined ? ` Default: ${shown}.` : ''}`,
    ...(def !== undefined ? { default: def } : {}),
  };
}

function jsonDefault(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  return value;
}
