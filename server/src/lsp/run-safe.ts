import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Runs a request handler so that nothing it does can take the server down: an exception is
 * logged and answered with a neutral value, a cancelled request with the protocol's error.
 */
export function runSafe<T>(
  connection: Connection,
  name: string,
  token: CancellationToken | undefined,
  fallback: T,
  handler: () => T,
): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return handler();
  } catch (error) {
    connection.console.error(`${name} failed: ${describeError(error)}`);
    return fallback;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
