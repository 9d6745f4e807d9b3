import { describe, expect, it } from 'vitest';
import { urlCarriesKey } from '../../src/cli/import/secret-url.js';

describe('urlCarriesKey: which imported webhook URLs become ${NAME} placeholders', () => {
  it.each([
    'https://hooks.slack.com/services/T0001/B0001/XXXXXXXX',
    'https://discord.com/api/webhooks/1187654321/abcdefghijklmnop',
    'https://contoso.webhook.office.com/webhookb2/1a2b3c/IncomingWebhook/4d5e6f/7a8b9c',
    'https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=xyz',
    'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t',
    'https://mattermost.example.com/hooks/xi3kd9cmkf8zjgw7sbqzp1ua9c',
    'https://user:pa55@hooks.example.com/ci',
    'https://hooks.example.com/ci?access_token=abc',
  ])('%s carries a key', (url) => expect(urlCarriesKey(url)).toBe(true));

  it.each(['https://example.com', 'https://hooks.example.com/ci?source=devtron', 'https://user@hooks.example.com/ci', 'not a url'])(
    '%s does not',
    (url) => expect(urlCarriesKey(url)).toBe(false),
  );
});
