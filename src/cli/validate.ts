import { checkConfigFile, validateWithout } from './config-check.js';
import { plural, type Output } from './output.js';

/** `herald validate`: the action's checks and messages, without the secrets a developer's shell does not have. */
export async function validate(file: string, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const check = await checkConfigFile(file, env);
  validateWithout(check, env);
  const data = check.source.data as { destinations?: Record<string, unknown>; notifications?: unknown };
  const destinations = Object.keys(data.destinations ?? {}).length;
  const routes = Array.isArray(data.notifications) ? data.notifications.length : 0;
  out.log(`OK: ${plural(destinations, 'destination')}, ${plural(routes, 'route')}${routes === 0 ? ' (every destination gets every trigger)' : ''} in ${file}`);
  if (check.missing.length > 0) {
    const [them, their] = check.missing.length === 1 ? ['it', 'its value was'] : ['them', 'their values were'];
    out.log(`Not set here, needed when it runs: ${check.missing.join(', ')}. Pass ${them} in the step's env (or HERALD_SECRETS); ${their} not checked.`);
  }
  return 0;
}
