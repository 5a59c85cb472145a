/**
 * A usage error: unknown flag, bad value, unreadable file, invalid parameter. main() prints its
 * message as exactly one line on stderr and exits with code 2.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const USAGE_EXIT_CODE = 2;
/** Exit code of a run that failed after valid input (a model bug, a worker crash). */
export const FAILURE_EXIT_CODE = 1;

/** Collapse a message to one line so that stderr stays machine-readable. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
