/** The db file (or its journal) cannot be used as it is; the message says which file and what to do. */
export class StoreFileError extends Error {
  constructor(readonly file: string, problem: string, remedy = `Move it aside, or run 'evo-mock seed --reset --db ${file}' to start again from the seed.`) {
    super(`${file}: ${problem}. ${remedy}`);
    this.name = 'StoreFileError';
  }
}

/** Another process holds the store. */
export class StoreLockedError extends Error {
  constructor(readonly file: string, readonly pid: number) {
    super(`${file} is in use by process ${pid}. Stop that process, or pass --db with another path (if no evo-mock is running, delete ${file}.lock).`);
    this.name = 'StoreLockedError';
  }
}

/** A create() the store refuses: a duplicate id or a session without the fields the store indexes on. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** The store was closed, or a disk write failed and the journal can no longer be trusted. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** list() was given a query checkQuery() rejects; the server should have answered 400 with these. */
export class SessionQueryError extends Error {
  constructor(readonly problems: readonly { readonly field: string; readonly message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join(' '));
    this.name = 'SessionQueryError';
  }
}
