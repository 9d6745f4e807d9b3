import { z } from 'zod';
import { TRIGGERS } from '../triggers.js';
import type { CommonConfig } from '../destinations/destination.js';

const list = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1)).min(1));

export const routeSchema = z.strictObject({
  triggers: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.enum(TRIGGERS)).min(1)),
  to: list,
  branches: list.optional(),
  workflows: list.optional(),
  events: list.optional(),
});
export type Route = z.infer<typeof routeSchema>;

export const routesSchema = z.array(routeSchema).min(1).optional();

/** The file's outline; each destination and the routes are then checked on their own, so all problems show at once. */
export const fileSchema = z.strictObject({
  destinations: z.record(z.string(), z.looseObject({ type: z.string() })),
  notifications: z.unknown().optional(),
});

export type DestinationConfig = CommonConfig & Record<string, unknown>;

export interface Config {
  /** The file it came from, for messages. */
  file: string;
  destinations: Record<string, DestinationConfig>;
  notifications?: Route[];
  /** Values that came from ${NAME} and other secrets: masked everywhere. */
  secrets: string[];
}
