import { isKeyedWebhookUrl } from '../../secrets.js';

/** Header (and query parameter) names whose values are credentials. */
export const SECRET_NAME = /auth|token|key|secret|signature|password|cookie/i;


/**
 * Whether a webhook URL carries a key, so that an importer writes a `${NAME}` placeholder instead: a password in it, a
 * query parameter named like a credential (`?token=`, `?sig=`), or a service whose webhook URLs are keys (Slack,
 * Discord, Teams, Google Chat), or a path with a long key after /hooks/ (Mattermost, Rocket.Chat incoming webhooks).
 */
export function urlCarriesKey(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.password !== '' ||
    isKeyedWebhookUrl(url) ||
    [...parsed.searchParams.keys()].some((name) => SECRET_NAME.test(name) || /^(sig|code)$/i.test(name))
  );
}
