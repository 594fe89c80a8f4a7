/** Kept apart from the engine so reading them (CLI help, option parsing) loads no generator. */

/** Calls per hour per account at speed 1 when --rate is not given: a board with a few calls on it at any time. */
export const DEFAULT_RATE = 30;
export const MAX_RATE = 3_600;
