import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { failedJobText, listFailedJobs, type Message } from '../message.js';
import { baseTrigger, type Trigger } from '../outcome.js';
import { truncate } from '../render/truncate.js';
import type { Reply } from '../transport/wire.js';
import { builtOnFirstUse, destinationSchema, templateFor, type BuildInput, type Destination, type Verdict } from './destination.js';
import { postJson, serviceError } from './shared/chat-request.js';

/** PagerDuty's Events API v2 limits (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
export const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255 };

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
type Severity = (typeof SEVERITIES)[number];

/** The triggers that open an incident, and so carry a severity. */
const INCIDENT_TRIGGERS = ['error', 'test'] as const;
const DEFAULT_SEVERITY: Record<(typeof INCIDENT_TRIGGERS)[number], Severity> = { error: 'critical', test: 'info' };

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'pagerduty',
    {
      routing_key: z.string().min(1).describe('Integration key of an Events API v2 integration (AWX: service_key). A secret.'),
      severity: z
        .union([z.enum(SEVERITIES), z.partialRecord(z.enum(INCIDENT_TRIGGERS), z.enum(SEVERITIES))])
        .optional()
        .describe(
          'critical, error, warning or info: one for every event that opens an incident, or one per trigger ({error: warning, test: info}). ' +
            'Default: critical for error, info for a test notification.',
        ),
      client_name: z.string().min(1).optional().describe('Name of the monitoring client shown on the incident (AWX: client_name); GitHub Actions by default.'),
      client_url: httpUrl.optional().describe("The client's link on the incident; the workflow run by default."),
      api_url: httpUrl
        .default('https://events.pagerduty.com')
        .describe('Events API base URL (a proxy or a test server); events are POSTed to {api_url}/v2/enqueue.'),
    },
    { summary: 'text', source: 'text', component: 'text', group: 'text', class: 'text', dedup_key: 'text' },
    {
      summary: "Template for the incident's summary (at most 1024 characters, longer is cut); the message's one line by default.",
      source: 'Template for the affected system (payload.source); the repository by default.',
      component: 'Template for the component of the source that is responsible (payload.component); none by default.',
      group: 'Template for the logical grouping of components (payload.group); none by default.',
      class: 'Template for the class or type of the event (payload.class); none by default.',
      dedup_key: 'Template for the incident key that a success resolves (at most 255 characters); <<repository>>/<<workflow>>/<<branch>> by default.',
    },
  ),
);
export type PagerDutyConfig = z.infer<ReturnType<typeof schema>>;

/** The triggers PagerDuty has no event for, and why: an incident is opened by a failure and resolved by a success. */
const NO_EVENT: Partial<Record<Trigger, string>> = {
  started: 'PagerDuty has no event for a start (error and broken trigger an incident, success and fixed resolve it)',
  approval: 'PagerDuty has no event for an approval (error and broken trigger an incident, success and fixed resolve it)',
};

/**
 * PagerDuty Events API v2: an error (or broken) triggers an incident, a success (or fixed) resolves it through the same
 * dedup key (so a fix closes what the break opened), a start or an approval sends nothing, a test notification triggers
 * an info incident of its own key.
 */
export const pagerduty: Destination<PagerDutyConfig> = {
  type: 'pagerduty',
  get schema() {
    return schema();
  },
  secrets: (config) => [config.routing_key],
  skip: (_config, trigger) => NO_EVENT[trigger],
  build(config, input) {
    if (NO_EVENT[input.trigger]) return [];
    const url = `${config.api_url.replace(/\/+$/, '')}/v2/enqueue`;
    return [postJson(url, pagerDutyEvent(config, input))];
  },
  interpret: interpretPagerDutyReply,
};

/** 202 {"status":"success"} is a delivery; a 400 says {"message": "Event object is invalid", "errors": [...]}. */
export function interpretPagerDutyReply(reply: Reply): Verdict {
  return serviceError(reply, 'PagerDuty', (json) => {
    const errors = Array.isArray(json.errors) ? json.errors.filter((error) => typeof error === 'string') : [];
    const words = [json.message, ...errors].filter((part) => typeof part === 'string' && part !== '');
    return { message: words.join(': ') };
  });
}

/** The event a trigger sends: trigger (error, test) with a payload, or resolve (success) with the key alone. */
export function pagerDutyEvent(config: PagerDutyConfig, input: BuildInput) {
  const { trigger, message, vars } = input;
  const template = (field: string) => {
    const value = templateFor(config, trigger, field);
    return value === undefined ? undefined : input.render(value, 'text', field) || undefined;
  };
  const key = template('dedup_key') ?? [vars.repository, vars.workflow, vars.branch || vars.tag].join('/');
  // A test gets a key of its own: it must neither resolve nor be resolved by a real incident.
  const dedupKey = truncate(trigger === 'test' ? `herald-test/${key}` : key, PAGERDUTY_LIMITS.dedupKey);
  if (baseTrigger(trigger) === 'success') return { routing_key: config.routing_key, event_action: 'resolve', dedup_key: dedupKey };

  const optional = (field: 'component' | 'group' | 'class') => {
    const value = template(field);
    return value === undefined ? {} : { [field]: value };
  };
  const links = [
    ...(vars.runUrl ? [{ href: vars.runUrl, text: 'Workflow run' }] : []),
    ...(vars.commitUrl ? [{ href: vars.commitUrl, text: `Commit ${vars.shortSha}` }] : []),
    ...listFailedJobs(message).jobs.flatMap((job) => (job.url ? [{ href: job.url, text: `Failed job: ${job.name}` }] : [])),
  ];
  const clientUrl = config.client_url ?? (message.url || undefined);
  return {
    routing_key: config.routing_key,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: truncate(template('summary') ?? message.line, PAGERDUTY_LIMITS.summary),
      source: template('source') ?? (vars.repository || 'GitHub Actions'),
      severity: severityOf(config, trigger),
      ...(vars.timestamp && { timestamp: vars.timestamp }),
      ...optional('component'),
      ...optional('group'),
      ...optional('class'),
      custom_details: customDetails(message),
    },
    client: config.client_name ?? 'GitHub Actions',
    ...(clientUrl && { client_url: clientUrl }),
    links,
  };
}

function severityOf(config: PagerDutyConfig, trigger: Trigger): Severity {
  // broken is an error; its severity is error's.
  const incident = trigger === 'test' ? 'test' : 'error';
  if (typeof config.severity === 'string') return config.severity;
  return config.severity?.[incident] ?? DEFAULT_SEVERITY[incident];
}

/**
 * The facts by their stable kind (event rules can match custom_details.branch), the test's sentence as description,
 * and the failed jobs as a list of lines ("build: Run tests", then "and 2 more failed jobs"); their pages are links.
 */
function customDetails(message: Message): Record<string, string | string[]> {
  const details: Record<string, string | string[]> = message.description ? { description: message.description } : {};
  for (const fact of message.facts) details[fact.kind] = fact.value;
  if (message.failedJobs.length > 0) {
    const { jobs, more } = listFailedJobs(message);
    details.failed_jobs = [...jobs.map(failedJobText), ...(more ? [more] : [])];
  }
  return details;
}
