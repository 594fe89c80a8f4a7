/**
 * The console's URL on a mock, apart from its routes: the start-up banner prints it, and importing the
 * routes would load Express before the mock has opened its store.
 */
export const CONSOLE_PATH = '/__console';
