import { defaultShown, type OptionSet } from './option-model.js';

/** An option set as the README shows it, one row per option (a test keeps the README's copies equal to this). */
export function markdownTable(set: OptionSet): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.values(set).map((o) => {
    const names = [`\`--${o.flag}${o.takes === 'value' ? ` ${o.placeholder ?? 'VALUE'}` : ''}\``, ...(o.short ? [`\`-${o.short}\``] : [])].join(', ');
    const shown = defaultShown(o);
    const def = shown === undefined ? '' : o.defaultText !== undefined ? cell(shown) : `\`${cell(shown)}\``;
    return `| ${cell(names)} | ${def} | ${cell(o.help)} |`;
  });
  return ['| option | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
