/** Kept apart from the generator so reading them (CLI help, option parsing) does not load faker. */
export const DEFAULT_SEED = 1;
export const DEFAULT_SESSION_COUNT = 1000;
