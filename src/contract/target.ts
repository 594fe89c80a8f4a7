/** What the runner talks to: a base URL and how to sign in to it. */
export type Credentials =
  | { readonly kind: 'basic'; readonly user: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'none' };

export interface Target {
  /** Without a trailing slash, e.g. http://127.0.0.1:4010 or https://team.evovoice.io/api-base. */
  readonly baseUrl: string;
  readonly credentials: Credentials;
}

/** Basic auth on every request: the real Evo Voice server accepts it, and it needs no session state. */
export function authorizationHeader(credentials: Credentials): string | undefined {
  switch (credentials.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${credentials.token}`;
    case 'none':
      return undefined;
  }
}

export function describeCredentials(credentials: Credentials): string {
  switch (credentials.kind) {
    case 'basic':
      return `Basic auth as ${credentials.user}`;
    case 'bearer':
      return 'a bearer token';
    case 'none':
      return 'no credentials';
  }
}
