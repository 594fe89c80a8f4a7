import { defineOptions, flag, text, type SettingsOf } from './option-model.js';

/** `evo-mock init`: where the starting config file goes. */
export const initOptions = defineOptions(
  {
    config: text({ placeholder: 'PATH', default: 'evo-mock.config.json', help: 'Where to write the config file (the other commands find evo-mock.config.json in their working folder, or read --config PATH).' }),
    force: flag({ help: 'Replace the file if it exists.' }),
  },
  'INIT_',
);
export type InitSettings = SettingsOf<typeof initOptions>;
