import { z } from 'zod';
import { destinationTypes, findDestination } from '../destinations/index.js';
import { HOLDS_VARIABLE } from './fields.js';
import { fileSchema, routesSchema } from './schema.js';
import { WHOLE_REFERENCE } from './substitute.js';

/** Where editors fetch the schema from: the `v1` tag, as the README's `# yaml-language-server: $schema=` line says. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json';

/** A number or boolean field filled by exactly one `${NAME}` takes that type (`retries: ${RETRIES}`). */
const IS_VARIABLE = { type: 'string', pattern: WHOLE_REFERENCE.source };

type JsonSchema = Record<string, any>;

/**
 * The JSON Schema of `.github/notifications.yml`, generated from the zod schemas the action validates with, so editors
 * complete and check the same fields with the same descriptions. Destinations are a choice by `type` (oneOf with a
 * `const` type each). What zod cannot say by itself is added where the loader does it: a single value where a list
 * goes, and `${NAME}` in a field whose type or format a variable's name would not fit.
 */
export function configJsonSchema(): JsonSchema {
  const destinations = destinationTypes().map((type) => findDestination(type)!.schema) as [z.ZodObject, ...z.ZodObject[]];
  const file = z.strictObject({
    ...fileSchema.shape,
    destinations: z.record(z.string(), z.discriminatedUnion('type', destinations)).describe(fileSchema.shape.destinations.description!),
    notifications: routesSchema,
  });
  const schema = z.toJSONSchema(file, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', override: ({ zodSchema, jsonSchema }) => adjust(zodSchema, jsonSchema) }) as JsonSchema;
  return {
    $schema: schema.$schema,
    $id: SCHEMA_URL,
    title: 'Herald notifications config (.github/notifications.yml)',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

function adjust(zodSchema: z.core.$ZodType, json: JsonSchema): void {
  // A marker for the loader's error messages (destinationSchema), not a JSON Schema keyword.
  delete json.template;
  // zod leaves out the examples of a value it transforms (they describe its output); a status filter's are what to write.
  const examples = z.globalRegistry.get(zodSchema as z.ZodType)?.examples;
  if (examples && !json.examples) json.examples = examples;
  const def = zodSchema._zod.def as any;
  // z.preprocess before a list is how the loader reads `to: hooks` as `to: [hooks]`: the single item is allowed too.
  if (def.type === 'pipe' && def.in?._zod?.def?.type === 'transform' && json.type === 'array' && json.items) {
    replace(json, { anyOf: [json.items, withoutAnnotations(json)] });
    return;
  }
  // messages: a record over known triggers reads better as named properties (an editor completes them).
  const keys = json.propertyNames?.enum;
  if (json.type === 'object' && Array.isArray(keys) && json.additionalProperties) {
    json.properties = Object.fromEntries(
      keys.map((key: string) => [key, { description: `The templates for the ${key} trigger.`, ...json.additionalProperties }]),
    );
    json.additionalProperties = false;
    delete json.propertyNames;
    return;
  }
  if (['number', 'integer', 'boolean'].includes(json.type)) replace(json, { anyOf: [withoutAnnotations(json), IS_VARIABLE] });
  else if (json.type === 'string' && (json.format || json.pattern || json.enum) && json.const === undefined) {
    replace(json, { anyOf: [withoutAnnotations(json), HOLDS_VARIABLE] });
  }
}

const ANNOTATIONS = ['description', 'default', 'examples', 'title'];

function withoutAnnotations(json: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(json).filter(([key]) => !ANNOTATIONS.includes(key)));
}

/** Rewrites `json` in place (the generator holds it by reference), keeping its annotations outside the choice. */
function replace(json: JsonSchema, choice: JsonSchema): void {
  const annotations = Object.fromEntries(Object.entries(json).filter(([key]) => ANNOTATIONS.includes(key)));
  for (const key of Object.keys(json)) delete json[key];
  Object.assign(json, annotations, choice);
}
