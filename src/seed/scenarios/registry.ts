import { archivedAccount } from './archived-account.js';
import { conference } from './conference.js';
import { empty } from './empty.js';
import { emptyAccount } from './empty-account.js';
import { holdTransferring } from './hold-transferring.js';
import { hostileStrings } from './hostile-strings.js';
import { hugeList } from './huge-list.js';
import { incomingCall } from './incoming-call.js';
import { longLog } from './long-log.js';
import { missedCallScenario } from './missed-call.js';
import { ringingQueue } from './ringing-queue.js';
import type { Scenario } from './scenario.js';

/** Every named scenario; a new one is a file beside these and a line here. */
export const SCENARIOS: readonly Scenario[] = [
  holdTransferring,
  missedCallScenario,
  ringingQueue,
  incomingCall,
  conference,
  longLog,
  hostileStrings,
  archivedAccount,
  emptyAccount,
  hugeList,
  empty,
];

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);

export function scenarioNamed(name: string): Scenario | undefined {
  const wanted = name.trim().toLowerCase();
  return SCENARIOS.find((s) => s.name === wanted);
}
