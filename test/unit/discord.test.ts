import { describe, expect, it } from 'vitest';
import { discord } from '../../src/destinations/discord.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';
import { discordMessageProblems } from '../fixtures/chat-validators.js';
import { httpRequests } from '../fixtures/outbound.js';

const URL = 'https://discord.com/api/webhooks/123456/TOKEN-abc';
const config = (fields: object = {}) => discord.schema.parse({ type: 'discord', webhook_url: URL, ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);

describe('discord', () => {
  it('posts an embed linked to the run, coloured by trigger, that pings nobody', () => {
    const [request] = discord.build(config({ username: 'Herald', avatar_url: 'https://example.com/a.png' }), buildInput('error'));
    expect(request).toMatchObject({ method: 'POST', url: `${URL}?wait=true`, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    const message = body(request!);
    expect(message).toMatchObject({ username: 'Herald', avatar_url: 'https://example.com/a.png', allowed_mentions: { parse: [] } });
    expect(message.content).toBeUndefined();
    const [embed] = message.embeds;
    expect(embed).toMatchObject({
      title: '❌ CI failed on main',
      url: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890',
      color: 0xd00000,
      timestamp: '2026-01-01T10:03:25.000Z',
    });
    expect(embed.fields[0]).toEqual({ name: 'Repository', value: '[Codertocat/Hello-World](https://github.com/Codertocat/Hello-World)', inline: true });
    expect(embed.fields[3]).toMatchObject({ name: 'Commit', inline: false });
    expect(discordMessageProblems(message)).toEqual([]);
  });

  it.each([
    ['started', 0x439fe0],
    ['success', 0x2eb886],
    ['error', 0xd00000],
  ] as const)('colours %s as an integer', (trigger, colour) => {
    const message = body(discord.build(config(), buildInput(trigger))[0]!);
    expect(message.embeds[0].color).toBe(colour);
    expect(discordMessageProblems(message)).toEqual([]);
  });

  it('escapes and cuts a hostile commit message to the embed limits', () => {
    const [request] = discord.build(config({ text: '<<commitMessage>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    expect(isWellFormed(request!.body!)).toBe(true);
    const message = body(request!);
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(message.content.startsWith('Fix "quotes" and \\\\backslashes\\\\ \\<!channel\\> \\<!here\\> @\u200beveryone @\u200bhere \\<@\u200bU123\\>')).toBe(true);
    expect(message.embeds[0].fields[3].value).not.toContain('@everyone');
    expect(message.embeds[0].fields[3].value.length).toBeLessThanOrEqual(1024);
    expect(discordMessageProblems(message)).toEqual([]);
  });

  it('a payload template gets allowed_mentions unless it sets its own', () => {
    const [plain] = discord.build(config({ payload: '{"content":"<<commitTitle>>"}' }), buildInput('success', { commitMessage: '@everyone "x"' }));
    expect(plain!.body).toBe('{"content":"@everyone \\"x\\"","allowed_mentions":{"parse":[]}}');
    const [own] = discord.build(config({ payload: '{"content":"@here","allowed_mentions":{"parse":["everyone"]}}' }), buildInput('success'));
    expect(own!.body).toBe('{"content":"@here","allowed_mentions":{"parse":["everyone"]}}');
  });

  it('reads retry_after (seconds) from a 429 body', () => {
    const verdict = discord.interpret!({ code: 429, headers: {}, body: '{"message":"You are being rate limited.","retry_after":0.125,"global":false}' });
    expect(verdict).toEqual({ error: 'Discord error: You are being rate limited. (HTTP 429)', retryAfterMs: 125 });
  });

  it('words an API error', () => {
    expect(discord.interpret!({ code: 400, headers: {}, body: '{"message":"Invalid Form Body","code":50035}' })).toEqual({
      error: 'Discord error 50035: Invalid Form Body (HTTP 400)',
    });
    expect(discord.interpret!({ code: 204, headers: {}, body: '' })).toEqual({});
  });

  it('declares the webhook URL, its path and its token secret', () => {
    expect(discord.secrets(config())).toEqual([URL, '/api/webhooks/123456/TOKEN-abc', 'TOKEN-abc']);
  });

  it('edits the kept message with PATCH /messages/{id}, keeping a thread_id, without the fields only a new message takes', () => {
    const previous = { '': { message_id: '1180000000000000000' } };
    const settings = discord.schema.parse({ type: 'discord', webhook_url: `${URL}?thread_id=99`, username: 'Herald' });
    const [edit] = httpRequests(discord.build(settings, { ...buildInput('success'), previous }));
    const [post] = httpRequests(discord.build(settings, buildInput('success')));
    expect([edit!.method, edit!.url]).toEqual(['PATCH', `${URL}/messages/1180000000000000000?thread_id=99`]);
    expect([post!.method, post!.url]).toEqual(['POST', `${URL}?thread_id=99&wait=true`]);
    const { username: _username, ...fields } = body(post!);
    expect(body(edit!)).toEqual(fields);
  });

  it('keeps the id of the message it answers with; Unknown Message asks for a new message', () => {
    expect(discord.interpret!({ code: 200, headers: {}, body: '{"id":"1180000000000000000","channel_id":"1","content":""}' })).toEqual({
      keep: { message_id: '1180000000000000000' },
    });
    expect(discord.interpret!({ code: 404, headers: {}, body: '{"message":"Unknown Message","code":10008}' })).toEqual({
      error: 'Discord error 10008: Unknown Message (HTTP 404)',
      fallback: true,
    });
  });
});
