/**
 * The database cannot be used at all: unreachable, refusing our credentials, missing, or
 * holding migrations this code does not know. Its message is one line for the operator
 * (naming the host and the reason); commands print it alone, without a stack trace, and
 * exit non-zero (scripts/shared/run-command.ts, scripts/start.ts).
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** The one line a command prints for an error it stops on: the message alone when it is the operator's to fix. */
export function describeFatalError(error: unknown): string | null {
  return error instanceof DatabaseUnavailableError ? error.message : null;
}
