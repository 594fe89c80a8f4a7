import assert from 'node:assert/strict';
import { JsonServiceClient, type IReturn } from '@servicestack/client';
import { USERS } from '../server/helpers/mock-server.js';

/** What @servicestack/client throws for an error answer: the ResponseStatus it read from the body. */
export interface ClientError {
  responseStatus: { errorCode: string; message: string; errors?: { fieldName: string; errorCode: string; message: string }[] };
}

/** The official client, signed in with Basic as the dev fixture user. */
export function devClient(base: string): JsonServiceClient {
  const client = new JsonServiceClient(base);
  client.setCredentials(USERS.dev.userName, USERS.dev.password);
  return client;
}

/** The error a call rejects with; fails the test when the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (err) {
    return err as ClientError;
  }
  assert.fail('the call should have failed');
}

/**
 * ServiceStack's own Authenticate DTO (ServiceStack.Authenticate): not part of the Evo Voice spec, so not
 * generated; written as ServiceStack's TypeScript reference writes it, with the members a sign-in uses.
 */
export class Authenticate implements IReturn<AuthenticateResponse> {
  provider?: string;
  userName?: string;
  password?: string;
  rememberMe?: boolean;
  constructor(init?: Partial<Authenticate>) {
    Object.assign(this, init);
  }
  getTypeName(): string {
    return 'Authenticate';
  }
  getMethod(): string {
    return 'POST';
  }
  createResponse(): AuthenticateResponse {
    return {};
  }
}

export interface AuthenticateResponse {
  userId?: string;
  sessionId?: string;
  userName?: string;
  bearerToken?: string;
}
