import { describe, expect, it } from 'vitest';
import type { Destination } from '../../src/destinations/destination.js';
import type { Reply } from '../../src/transport/wire.js';
import { googlechat } from '../../src/destinations/googlechat.js';
import { mattermost } from '../../src/destinations/mattermost.js';
import { rocketchat } from '../../src/destinations/rocketchat.js';
import { teams } from '../../src/destinations/teams.js';

const reply = (code: number | null, body: string): Reply => ({ code, body, headers: { 'content-type': 'application/json' } });

/** Each service's error body as its documentation shows it, and the words Herald records. */
const cases: [string, Destination<any>, string, string][] = ([
  [
    teams,
    '{"error":{"code":"TriggerInputSchemaMismatch","message":"The input body for trigger \'manual\' of type \'Request\' did not match its schema definition."}}',
    "Teams error TriggerInputSchemaMismatch: The input body for trigger 'manual' of type 'Request' did not match its schema definition. (HTTP 400)",
  ],
  [
    googlechat,
    '{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \\"foo\\"","status":"INVALID_ARGUMENT"}}',
    'Google Chat error INVALID_ARGUMENT: Invalid JSON payload received. Unknown name "foo" (HTTP 400)',
  ],
  [
    mattermost,
    '{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","detailed_error":"","status_code":400}',
    'Mattermost error: Invalid webhook. (HTTP 400)',
  ],
  [rocketchat, '{"success":false,"error":"Invalid integration id or token provided."}', 'Rocket.Chat error: Invalid integration id or token provided. (HTTP 400)'],
] as [Destination<any>, string, string][]).map(([destination, body, error]) => [destination.type, destination, body, error]);

describe("chat services: a refusal in the service's own words", () => {
  it.each(cases)('%s', (_type, destination, body, error) => {
    expect(destination.interpret!(reply(400, body))).toEqual({ error });
  });

  it.each(cases)('%s: a 2xx, no answer, or a body without a message adds nothing to the transport wording', (_type, destination, body) => {
    expect(destination.interpret!(reply(200, body))).toEqual({});
    expect(destination.interpret!(reply(202, ''))).toEqual({});
    expect(destination.interpret!(reply(null, ''))).toEqual({});
    expect(destination.interpret!(reply(502, '<html>Bad gateway</html>'))).toEqual({});
    expect(destination.interpret!(reply(400, '{"error":{}}'))).toEqual({});
  });
});
