import { z } from 'zod';
import { oneOrMany } from '../config/fields.js';
import { failedJobsLabel, failedJobText, listFailedJobs, type Message } from '../message.js';
import { byteLength } from '../render/truncate.js';
import { IRC_LINE_BYTES, splitIrcText } from '../render/irc-lines.js';
import type { IrcMessage, Reply } from '../transport/wire.js';
import { builtOnFirstUse, destinationSchema, type Destination, type Verdict } from './destination.js';
import { renderText } from './shared/chat-request.js';
import { serverUrl } from './shared/server-url.js';

/** RFC 2812's nickname: a letter or one of []\`_^{|}, then letters, digits, those and `-`. */
const NICKNAME = /^[A-Za-z[\]\\`_^{|}][\w[\]\\`^{|}-]*$/;
/** A channel: #, &, + or ! and a name without spaces, commas, colons, BEL or NUL (RFC 2812, 1.3), at most 50 long. */
const CHANNEL = /^[#&+!][^\s,:\x07\0]{1,49}$/;
export const isChannel = (target: string): boolean => CHANNEL.test(target);

/**
 * Room kept in every line for the source a server puts before a message it relays, `:nick!~herald@host `: the nick
 * with a suffix of up to 3 characters (when the nick is taken), the user Herald registers as, and a host name of up
 * to 63 bytes. Without it, the copy that reaches the channel could be cut by the server.
 */
export const relayedSourceBytes = (nickname: string): number => byteLength(`:${nickname}999!~${IRC_USER}@${'h'.repeat(63)} `);
/** The user name (USER) Herald registers with. */
export const IRC_USER = 'herald';

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'irc',
    {
      server: z
        .string()
        .trim()
        .regex(/^[^\s/]+$/, 'must be a host name or an IP address, without irc:// or a path: irc.libera.chat')
        .describe('IRC server name or IP address (AWX: server).'),
      port: z.number().int().min(1).max(65535).optional().describe('Port: 6697 with use_ssl, 6667 without (AWX: port).'),
      use_ssl: z.boolean().default(false).describe('TLS from the first byte, as IRC networks offer on 6697 (AWX: use_ssl).'),
      insecure_skip_verify: z.boolean().default(false).describe('With use_ssl: accept a certificate that does not verify (self-signed, another host name).'),
      nickname: z
        .string()
        .max(50)
        .regex(NICKNAME, 'must be an IRC nick: a letter or one of []\\`_^{|} first, then letters, digits, those and -')
        .describe('Nick to register as (AWX: nickname). Taken, it gets a number: herald1, herald2, ... (shortened when the server allows fewer characters).'),
      password: z
        .string()
        .min(1)
        .regex(/^[^\r\n\0]*$/, 'cannot hold a line break or NUL')
        .optional()
        .describe('Server password, sent as PASS before registering (AWX: password). A secret: masked as **** everywhere.'),
      targets: oneOrMany(
        z.string().refine((target) => isChannel(target) || (target.length <= 50 && NICKNAME.test(target)), 'must be a channel (#ops) or a nick (alice)'),
        'needs at least one channel or nick',
      ).describe('Channels (#ops, joined before sending) and nicks to send to, one or a list (AWX: targets).'),
      notice: z.boolean().default(false).describe('Send NOTICE instead of PRIVMSG (clients do not highlight it, bots do not answer it).'),
    },
    { text: 'irc' },
    {
      text:
        'Template for the text, replacing the default line: each of its lines is one message; a line too long for IRC is split at spaces. ' +
        'Values never add lines (their line breaks become spaces).',
    },
  ),
);
export type IrcConfig = z.infer<ReturnType<typeof schema>>;

/** IRC: one connection to the server that registers, joins the channels, sends each line to each target and quits. */
export const irc: Destination<IrcConfig> = {
  type: 'irc',
  get schema() {
    return schema();
  },
  secrets: (config) => [config.password ?? ''],
  build(config, input): IrcMessage[] {
    const command = config.notice ? 'NOTICE' : 'PRIVMSG';
    const port = config.port ?? (config.use_ssl ? 6697 : 6667);
    const lines = splitIrcText(renderText(config, input, 'irc') ?? ircText(input.message), textBytes(command, config.targets, config.nickname));
    if (lines.length === 0) return [];
    return [
      {
        transport: 'irc',
        url: serverUrl(config.use_ssl ? 'ircs' : 'irc', config.server, port),
        irc: {
          host: config.server,
          port,
          tls: config.use_ssl,
          insecureSkipVerify: config.insecure_skip_verify,
          nickname: config.nickname,
          ...(config.password !== undefined && { password: config.password }),
        },
        command,
        targets: config.targets,
        lines,
        body: config.targets.flatMap((target) => lines.map((line) => `${command} ${target} :${line}`)).join('\n'),
      },
    ];
  },
  interpret: describeIrcReply,
};

/**
 * The bytes a message's text may take: IRC's 512 less CR LF, `PRIVMSG <target> :` for the longest target, and the
 * source the server adds when it relays the line.
 */
export function textBytes(command: string, targets: readonly string[], nickname: string): number {
  const longest = Math.max(...targets.map(byteLength));
  return IRC_LINE_BYTES - 2 - byteLength(`${command}  :`) - longest - relayedSourceBytes(nickname);
}

/**
 * The default text: the message's one line and the run's link, "CI failed on main in octo/app (#42) https://...",
 * plain (no mIRC colours, which some clients show as junk), and a test notification's description on a second line.
 * A failure's failed jobs follow on a line of their own, each with its link: "Failed jobs: build: Run tests https://...;
 * e2e: timed out https://..." (split into more lines, at spaces, when it is longer than one).
 */
export function ircText(message: Message): string {
  const oneLine = (text: string) => text.replace(/\s*[\r\n\0]+\s*/g, ' ');
  const first = oneLine(`${message.line}${message.url ? ` ${message.url}` : ''}`);
  const lines = [first, ...(message.description ? [oneLine(message.description)] : [])];
  if (message.failedJobs.length > 0) {
    const { jobs, more } = listFailedJobs(message);
    const items = jobs.map((job) => `${failedJobText(job)}${job.url ? ` ${job.url}` : ''}`);
    lines.push(oneLine(`${failedJobsLabel(message)}: ${[...items, ...(more ? [more] : [])].join('; ')}`));
  }
  return lines.join('\n');
}

/** A refusal after the stage it happened at: "the IRC server refused JOIN #ops: 474 #ops Cannot join channel (+b)". */
export function describeIrcReply(reply: Reply): Verdict {
  if (reply.code === null && !reply.stage) return {};
  const code = reply.code === null ? '' : `${String(reply.code).padStart(3, '0')} `;
  return { error: `the IRC server refused ${reply.stage ?? 'the message'}: ${code}${reply.body}` };
}
