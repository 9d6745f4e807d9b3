import type { Destination } from './destination.js';
import { webhook } from './webhook.js';

/** The one list of destination types. Adding a destination: write its module, add it here. */
const registry: Destination<any>[] = [webhook];

const byType = new Map(registry.map((destination) => [destination.type, destination]));

export const findDestination = (type: string): Destination<any> | undefined => byType.get(type);
export const destinationTypes = (): string[] => [...byType.keys()];
