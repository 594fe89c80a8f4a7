/** Why a contract run could not start: the options were right, but the target will not do. */

/** The credentials given were refused on the first request: a wrong option, not a contract failure. */
export class CredentialsRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsRefusedError';
  }
}

/**
 * The target answered, but not as this API: a web page, a dev server's index.html, another service. The
 * run would only fail every case for the same reason, so it stops with what it saw.
 */
export class NotTheApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTheApiError';
  }
}
