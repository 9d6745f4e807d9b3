import { secretsInUrl } from '../../secrets.js';

/**
 * The secret part of a Mattermost (/hooks/KEY) or Rocket.Chat (/hooks/ID/TOKEN) incoming webhook URL: whoever has it
 * can post. Only that part is masked, so the record still shows which server was called.
 */
export function hookKey(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const match = /\/hooks\/(.+?)\/?$/.exec(path);
  const keys = match ? match[1]!.split('/').filter((part) => part.length >= 8) : [];
  return [...keys, ...secretsInUrl(url)];
}
