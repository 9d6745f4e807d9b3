import { describe, expect, it } from 'vitest';
import { teams, TEAMS_MAX_BYTES } from '../../src/destinations/teams.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';
import { githubEvent } from '../fixtures/events.js';
import { adaptiveCardProblems } from '../fixtures/chat-validators.js';

const URL = 'https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRET';
const config = (fields: object = {}) => teams.schema.parse({ type: 'teams', webhook_url: URL, ...fields });
const card = (body: string) => JSON.parse(body).attachments[0].content;

describe('teams', () => {
  it('wraps an Adaptive Card 1.4 as Teams expects', () => {
    const [request] = teams.build(config(), buildInput('error'));
    expect(request).toMatchObject({ method: 'POST', url: URL });
    const message = JSON.parse(request!.body!);
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = message.attachments[0].content;
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(content.body[0]).toMatchObject({ type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: '❌ CI failed on main' }] });
    expect(content.body[1].facts).toEqual([
      { title: 'Repository', value: 'Codertocat/Hello-World' },
      { title: 'Workflow', value: 'CI / build' },
      { title: 'Branch', value: 'main' },
      { title: 'Commit', value: '6113728 Adding a .gitignore file' },
      { title: 'Actor', value: 'Codertocat' },
      { title: 'Duration', value: '3m 25s' },
    ]);
    expect(content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'View run', url: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890' });
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it.each([
    ['started', 'accent'],
    ['success', 'good'],
    ['error', 'attention'],
  ] as const)('every %s card parses with the adaptivecards library', (trigger, style) => {
    const content = card(teams.build(config({ text: 'note: <<commitTitle>>' }), buildInput(trigger))[0]!.body!);
    expect(content.body[0].style).toBe(style);
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it('keeps a card with a hostile 5,000-character commit message under 28 KB and valid', () => {
    const [request] = teams.build(config({ text: '<<commitMessage>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT.repeat(6) }));
    expect(Buffer.byteLength(request!.body!)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(isWellFormed(request!.body!)).toBe(true);
    const content = card(request!.body!);
    expect(content.body[2].facts[3].value.endsWith('…')).toBe(true);
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it('a Markdown link in a commit message reaches the card and the text as text, not as a link', () => {
    const [request] = teams.build(config({ text: 'by <<actor>>: <<commitTitle>>' }), buildInput('error', { commitMessage: 'Fix [login](https://evil.example) *now*' }));
    const content = card(request!.body!);
    expect(content.body[1]).toEqual({ type: 'TextBlock', text: 'by Codertocat: Fix [login]\u200b(https://evil.example) *now*', wrap: true });
    expect(content.body[2].facts[3]).toEqual({ title: 'Commit', value: '6113728 Fix [login]\u200b(https://evil.example) *now*' });
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it('a pull request gets its fact and a "View pull request" button', () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const content = card(teams.build(config(), buildInput('success', { event, eventName: 'pull_request' }))[0]!.body!);
    expect(content.body[0].items[0].text).toBe(`✅ CI succeeded on PR #${event.pull_request.number}`);
    expect(content.body[1].facts).toContainEqual({ title: 'Pull request', value: `#${event.pull_request.number} ${event.pull_request.title}` });
    expect(content.actions.map((a: { title: string }) => a.title)).toEqual(['View run', 'View commit', 'View pull request']);
    expect(content.actions[2].url).toBe(event.pull_request.html_url);
    expect(adaptiveCardProblems(content)).toEqual([]);
  });

  it('a payload template replaces the card', () => {
    const [request] = teams.build(config({ payload: '{"type":"message","text":"<<commitTitle>>"}' }), buildInput('success', { commitMessage: 'a "b"' }));
    expect(request!.body).toBe('{"type":"message","text":"a \\"b\\""}');
  });

  it('declares the webhook URL, its path and query, and its sig parameter secret', () => {
    expect(teams.secrets(config())).toEqual([URL, '/workflows/abc/triggers/manual/paths/invoke?sig=SECRET', 'SECRET']);
  });
});
