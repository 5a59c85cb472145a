/**
 * Thrown for an invalid simulation configuration: unknown parameter, wrong
 * type, out-of-range value or unknown option. The message always names the
 * offending key and the allowed range or options.
 */
export class SimConfigError extends Error {
  /** The configuration key (parameter name or option) that failed. */
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.name = 'SimConfigError';
    this.key = key;
  }
}
