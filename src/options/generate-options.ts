import { defineOptions, flag, text, type SettingsOf } from './option-model.js';

/** `evo-mock generate`. The defaults are inside the package; paths given are read from the current folder. */
export const generateOptions = defineOptions({
  sources: text({ placeholder: 'DIR', default: 'spec/sources', help: 'Folder of DTO pages.' }),
  out: text({ placeholder: 'PATH', default: 'spec/openapi.json', help: 'Where to write the OpenAPI document.' }),
  types: text({ placeholder: 'PATH', default: 'src/generated/dtos.ts', help: 'Where to write the TypeScript DTOs.' }),
  check: flag({ help: 'Write nothing; exit 1 if the outputs are missing or would change.' }),
  quiet: flag({ short: 'q', help: 'Do not print the disagreement report.' }),
}, 'GENERATE_');
export type GenerateSettings = SettingsOf<typeof generateOptions>;
