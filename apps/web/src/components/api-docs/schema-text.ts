import type { JsonSchema } from './openapi-types';

/**
 * A JSON schema written as a compact TypeScript-like type, which reads faster than nested JSON:
 * `{ id: string; role: "member" | "staff" } | null`.
 */
export function schemaToText(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema> = {}, indent = 0): string {
  if (!schema) return 'unknown';
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) ?? '';
    const target = schemas[name];
    return target ? schemaToText(target, schemas, indent) : name;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((s) => schemaToText(s, schemas, indent)).join(' | ');
  if (schema.allOf) return schema.allOf.map((s) => schemaToText(s, schemas, indent)).join(' & ');
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return type.map((t) => schemaToText({ ...schema, type: t }, schemas, indent)).join(' | ');
  switch (type[0]) {
    case 'array':
      return `${wrap(schemaToText(schema.items, schemas, indent))}[]`;
    case 'object':
      return objectText(schema, schemas, indent);
    case 'integer':
      return 'integer';
    case 'string':
      return schema.format ? `string (${schema.format})` : 'string';
    case undefined:
      return schema.properties ? objectText(schema, schemas, indent) : 'unknown';
    default:
      return type[0];
  }
}

function objectText(schema: JsonSchema, schemas: Record<string, JsonSchema>, indent: number): string {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return 'object';
  const pad = '  '.repeat(indent + 1);
  const required = new Set(schema.required ?? []);
  const lines = entries.map(([key, value]) => `${pad}${key}${required.has(key) ? '' : '?'}: ${schemaToText(value, schemas, indent + 1)};`);
  return `{\n${lines.join('\n')}\n${'  '.repeat(indent)}}`;
}

function wrap(text: string): string {
  return text.includes(' | ') ? `(${text})` : text;
}

/** Limits and defaults of a parameter, in words: "1–200, default 50". */
export function describeConstraints(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  else if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}
