import { ImportError } from './model.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One source object and where it sits in the input ("notifiers[2]", "data"), for error messages and comments. */
export interface SourceObject {
  object: JsonObject;
  where: string;
}

/**
 * The objects of a list response (`{notifiers: [...]}`), a single-object response (`{notifier: {...}}`), a bare list or a
 * bare object: `keys` pairs each list key with its single-object key (the same for JSON:API's `data`), in the order
 * they are tried. `looksLikeOne` tells
 * a bare object from something else.
 */
export function sourceObjects(
  input: unknown,
  source: string,
  keys: [list: string, one: string][],
  looksLikeOne: (object: JsonObject) => boolean,
  expected: string,
): SourceObject[] {
  const items = (list: unknown[], at: string): SourceObject[] =>
    list.map((object, index) => {
      const where = `${at}[${index}]`;
      if (!isObject(object)) throw new ImportError(where, `expected an object, got ${describe(object)}`);
      return { object, where };
    });
  if (Array.isArray(input)) return items(input, source);
  if (!isObject(input)) throw new ImportError(source, `expected ${expected}, got ${describe(input)}`);
  for (const [list, one] of keys) {
    if (Array.isArray(input[list])) return items(input[list], list);
    if (one in input) {
      if (!isObject(input[one])) throw new ImportError(one, `expected an object, got ${describe(input[one])}`);
      return [{ object: input[one], where: one }];
    }
  }
  if (looksLikeOne(input)) return [{ object: input, where: source }];
  const fields = Object.keys(input).slice(0, 5).join(', ');
  throw new ImportError(source, `expected ${expected}; this object has ${fields ? `the fields ${fields}` : 'no fields'}`);
}

/** A value as an error message names it: `a number (3)`, `"text"`, `null`, `nothing` (the field is missing). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'a number' : `a ${typeof value}`} (${String(value)})`;
}

/** An optional string field: undefined when absent or null, an ImportError when it is something else. */
export function optionalString(object: JsonObject, field: string, where: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ImportError(`${where}, ${field}`, `expected a string, got ${describe(value)}`);
  return value;
}

/** An optional list of strings: [] when absent or null. */
export function stringList(object: JsonObject, field: string, where: string): string[] {
  const value = object[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new ImportError(`${where}, ${field}`, `expected a list of strings, got ${describe(value)}`);
  }
  return value as string[];
}

/** An optional boolean field: undefined when absent or null. */
export function optionalBoolean(object: JsonObject, field: string, where: string): boolean | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ImportError(`${where}, ${field}`, `expected true or false, got ${describe(value)}`);
  return value;
}

/** What an importer knows while it maps one source object into a destination. */
export interface ImportContext {
  /** The destination's key. */
  key: string;
  /** Where the object is, for errors: `data[1] (name "Ops mail")`. */
  where: string;
  /** The object as secrets' descriptions name it: `Terraform Cloud notification configuration "Ops mail"`. */
  owner: string;
  /** The destination's comments, to add to. */
  comments: string[];
  secret: (key: string, field: string, description: string) => string;
  /** A `${NAME}` for a value that is no secret (an SMTP host): a configuration variable. */
  setting: (key: string, field: string, description: string) => string;
}
