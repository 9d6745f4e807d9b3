import { TRIGGERS } from '../../outcome.js';
import type { ImportedRoute } from './model.js';

/** A destination and the Herald triggers it is to get, with what they came from (for the route's comment). */
export interface Routing {
  key: string;
  triggers: Set<string>;
  from: string[];
}

/**
 * One route per distinct set of triggers, in the order the sets first appear, naming every destination that gets
 * exactly that set; destinations with no trigger get no route. `describeFrom` words a route's comment from the source
 * values its destinations' triggers came from.
 */
export function routesByTriggers(routings: Routing[], describeFrom: (from: string[]) => string): ImportedRoute[] {
  const routes = new Map<string, { triggers: string[]; to: string[]; from: Set<string> }>();
  for (const { key, triggers, from } of routings) {
    const ordered = TRIGGERS.filter((trigger) => triggers.has(trigger));
    if (ordered.length === 0) continue;
    const id = ordered.join(',');
    const route = routes.get(id) ?? { triggers: ordered, to: [], from: new Set<string>() };
    route.to.push(key);
    for (const value of from) route.from.add(value);
    routes.set(id, route);
  }
  return [...routes.values()].map(({ triggers, to, from }) => ({ triggers, to, comments: [describeFrom([...from])] }));
}
