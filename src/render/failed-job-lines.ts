import { listFailedJobs, type ListedJob, type Message } from '../message.js';
import { truncateEscaped } from './truncate.js';

/** How a platform writes a job's line: its escaping, and a link whose whole markup takes at most `max` characters. */
export interface LineMarkup {
  escape: (text: string) => string;
  link: (text: string, url: string, max: number) => string;
}

/**
 * The message's failed jobs as text lines, `bullet` and "<linked name>: detail" each, then "and 2 more failed jobs",
 * in at most `max` characters in all.
 */
export function failedJobList(message: Message, max: number, markup: LineMarkup, bullet: string): string {
  const { jobs, more } = listFailedJobs(message);
  const tail = more ? `\n${markup.escape(more)}` : '';
  const lines = failedJobLines(jobs, max - tail.length - jobs.length * (bullet.length + 1), markup);
  return lines.map((line) => bullet + line).join('\n') + tail;
}

/**
 * One line per listed job, "<linked name>: detail", the lines sharing `max` characters equally; the detail takes at
 * most half of what the link's markup leaves of a line's share, so a long step name never pushes the job's name out.
 */
export function failedJobLines(jobs: ListedJob[], max: number, { escape, link }: LineMarkup): string[] {
  const share = Math.floor(max / Math.max(1, jobs.length));
  const colon = escape(': ');
  return jobs.map((job) => {
    const markup = job.url ? link('', job.url, Number.MAX_SAFE_INTEGER).length : 0;
    const half = Math.floor((share - markup) / 2);
    const detail = job.detail ? colon + truncateEscaped(job.detail, Math.max(1, half - colon.length), escape) : '';
    const room = Math.max(1, share - detail.length);
    return (job.url ? link(job.name, job.url, room) : truncateEscaped(job.name, room, escape)) + detail;
  });
}
