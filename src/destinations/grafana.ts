import { z } from 'zod';
import { httpUrl, oneOrList } from '../config/fields.js';
import { failedJobsLabel, listFailedJobs, type Message } from '../message.js';
import { baseTrigger, type Trigger } from '../outcome.js';
import { escapeHtml, htmlLink } from '../render/escape.js';
import type { TemplateVariables } from '../render/variables.js';
import { secretsInUrl } from '../secrets.js';
import type { Reply } from '../transport/wire.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination, type Verdict } from './destination.js';
import { postJson, renderText, replyJson, serviceError } from './shared/chat-request.js';

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'grafana',
    {
      url: httpUrl.describe(
        'Base URL of Grafana, with its sub-path if it has one (https://example.com/grafana; AWX: grafana_url); annotations are POSTed to {url}/api/annotations.',
      ),
      api_key: z
        .string()
        .min(1)
        .describe('Service account token (or API key) allowed to create annotations (annotations:create), sent as Authorization: Bearer (AWX: grafana_key). A secret.'),
      dashboard_uid: z
        .string()
        .regex(/^\S+$/, 'must be the UID of a dashboard (the part after /d/ in its URL), without spaces')
        .optional()
        .describe('UID of the dashboard the annotation belongs to (the part after /d/ in its URL); without a dashboard it is an organization annotation.'),
      dashboard_id: z
        .number()
        .int()
        .positive()
        .optional()
        .describe("Numeric id of the dashboard, instead of dashboard_uid (AWX: dashboardId); Grafana deprecates ids, prefer the UID."),
      panel_id: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('Id of the panel on that dashboard to annotate (AWX: panelId); needs dashboard_uid or dashboard_id. Without it, every panel of the dashboard.'),
      tags: oneOrList(z.array(z.string().min(1, 'a tag cannot be empty')))
        .optional()
        .describe(
          'Tags of the annotation, one or a list (AWX: annotation_tags); not templates. Default: herald, the trigger and the repository. A test notification always has the tag test.',
        ),
      insecure_skip_verify: z.boolean().default(false).describe('Accept any TLS certificate (a self-signed Grafana; AWX: grafana_no_verify_ssl).'),
    },
    { text: 'html' },
    {
      text: 'Template for the annotation text, replacing the default line and link. Grafana shows it as HTML, so values are HTML-escaped.',
    },
  ).superRefine((config, ctx) => {
    if (config.dashboard_uid !== undefined && config.dashboard_id !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['dashboard_id'], message: 'set either dashboard_uid or dashboard_id (the older numeric id), not both' });
    }
    if (config.panel_id !== undefined && config.dashboard_uid === undefined && config.dashboard_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['panel_id'], message: 'a panel belongs to a dashboard: panel_id needs dashboard_uid (or dashboard_id)' });
    }
  }),
);
export type GrafanaConfig = z.infer<ReturnType<typeof schema>>;

/** {url}/api/annotations, also for a Grafana under a sub-path (https://example.com/grafana/ has no double slash). */
export const annotationsUrl = (config: Pick<GrafanaConfig, 'url'>): string => {
  const url = new URL(config.url);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/annotations`;
  return url.toString();
};

/**
 * Grafana's annotations API: one annotation per notification, a region from the run's start to its end when the start
 * is known (a deploy shows as the span it took), otherwise a point.
 */
export const grafana: Destination<GrafanaConfig> = {
  type: 'grafana',
  get schema() {
    return schema();
  },
  // The token (the Authorization header is made of it) and credentials in the URL, if any.
  secrets: (config) => [config.api_key, ...secretsInUrl(config.url)],
  build(config, input) {
    return [
      postJson(annotationsUrl(config), grafanaAnnotation(config, input), {
        headers: { Authorization: `Bearer ${config.api_key}` },
        insecureSkipVerify: config.insecure_skip_verify,
      }),
    ];
  },
  interpret: interpretGrafanaReply,
};

/**
 * 200 {"message":"Annotation added","id":1} is a delivery; a refusal is {"message":"..."}: "Grafana error: Invalid API
 * key (HTTP 401)". A 2xx without an id is not Grafana's answer (a login page of a proxy, a url without the sub-path).
 */
export function interpretGrafanaReply(reply: Reply): Verdict {
  if (reply.code !== null && reply.code >= 200 && reply.code < 300) {
    const id = replyJson(reply)?.id;
    if (typeof id === 'number') return {};
    return { error: `Grafana did not answer with an annotation id (HTTP ${reply.code}): is url the base URL of Grafana, with its sub-path?` };
  }
  return serviceError(reply, 'Grafana', (json) => ({ message: json.message }));
}

/** The body of POST /api/annotations: time (and timeEnd for a region) in epoch milliseconds, the dashboard, tags, text. */
export function grafanaAnnotation(config: GrafanaConfig, input: BuildInput) {
  const { time, timeEnd } = annotationTimes(input.trigger, input.vars);
  return {
    ...(config.dashboard_uid !== undefined && { dashboardUID: config.dashboard_uid }),
    ...(config.dashboard_id !== undefined && { dashboardId: config.dashboard_id }),
    ...(config.panel_id !== undefined && { panelId: config.panel_id }),
    time,
    ...(timeEnd !== undefined && { timeEnd }),
    tags: annotationTags(config, input),
    text: renderText(config, input, 'html') ?? grafanaText(input.message),
  };
}

/**
 * When: a success or an error whose run's start is known (workflow_run's run_started_at, or the time a `started` step
 * recorded) spans from the start to the end (start + duration: the completion of a workflow_run, else now); a start
 * is a point at the start; everything else a point at the time of sending.
 */
export function annotationTimes(trigger: Trigger, vars: TemplateVariables): { time: number; timeEnd?: number } {
  const now = Date.parse(vars.timestamp);
  const start = vars.startedAt ? Date.parse(vars.startedAt) : Number.NaN;
  if (trigger === 'started') return { time: Number.isNaN(start) ? now : start };
  // fixed and broken are a success and an error: regions too.
  const ended = baseTrigger(trigger);
  if ((ended === 'success' || ended === 'error') && !Number.isNaN(start) && vars.durationSeconds !== null) {
    return { time: start, timeEnd: start + vars.durationSeconds * 1000 };
  }
  return { time: now };
}

/** The configured tags or herald, the trigger and the repository; a test is always tagged test (to find and delete it). */
function annotationTags(config: GrafanaConfig, input: BuildInput): string[] {
  const tags = config.tags ?? ['herald', input.trigger, input.vars.repository].filter(Boolean);
  return input.trigger === 'test' && !tags.includes('test') ? [...tags, 'test'] : tags;
}

/**
 * The message's one line and a link to the run, HTML-escaped: Grafana renders annotation text as (sanitized) HTML. A
 * failure adds its failed jobs on a line of their own, each linked: "Failed jobs: build: Run tests; e2e: timed out".
 */
export function grafanaText(message: Message): string {
  const line = escapeHtml(message.line);
  const text = message.url ? `${line} <a href="${escapeHtml(message.url)}">View run</a>` : line;
  if (message.failedJobs.length === 0) return text;
  const { jobs, more } = listFailedJobs(message);
  const items = jobs.map((job) => htmlLink(job.name, job.url) + (job.detail ? `: ${escapeHtml(job.detail)}` : ''));
  return `${text}<br>${escapeHtml(failedJobsLabel(message))}: ${[...items, ...(more ? [escapeHtml(more)] : [])].join('; ')}`;
}
