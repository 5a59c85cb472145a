/**
 * Strict option parsing on top of node:util parseArgs, with one-line CliErrors instead of
 * Node's multi-sentence messages, and typed accessors that name the flag on bad values.
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parseOptions(command: string, args: string[], specs: OptionSpecs): OptionValues {
  try {
    const { values } = parseArgs({ args, options: specs, strict: true, allowPositionals: false });
    return values as OptionValues;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new CliError(`unknown option ${quoted} for "${command}" (see p2pv-sim --help)`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const message = err.message ?? '';
        const flag = /--[\w-]+/.exec(message)?.[0] ?? quoted;
        if (/ambiguous/.test(message)) {
          throw new CliError(`option ${flag} of "${command}": write a value starting with "-" as ${flag}=<value>`);
        }
        throw new CliError(`option ${flag} of "${command}" ${/argument missing/.test(message) ? 'needs a value' : 'takes no value'}`);
      }
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new CliError(`unexpected argument ${quoted} for "${command}"`);
      default:
        throw new CliError(`${command}: ${err.message ?? String(e)}`);
    }
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CliError(`option --${name} needs a value`);
  return v;
}

export function requireString(values: OptionValues, name: string, command: string): string {
  const v = stringOption(values, name);
  if (v === undefined) throw new CliError(`"${command}" needs --${name}`);
  return v;
}

export function stringList(values: OptionValues, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** An integer flag within [min, max]; rejects "1.5", "1e3", "" and the like. */
export function intOption(
  values: OptionValues,
  name: string,
  limits: { min?: number; max?: number } = {},
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const min = limits.min ?? Number.MIN_SAFE_INTEGER;
  const max = limits.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min || Number(raw) > max) {
    const range =
      limits.min === undefined && limits.max === undefined ? '' : limits.max === undefined ? ` >= ${min}` : ` in ${min}..${max}`;
    throw new CliError(`option --${name} must be an integer${range}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new CliError(`option --${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}
