import type { FailedJob, RunContext } from './context.js';
import { hasDuration, type Outcome, type Trigger } from './outcome.js';
import { percentEncode } from './render/percent-encode.js';
import { truncate } from './render/truncate.js';

/** The one message model that every default (chat, email, ops) is rendered from. */
export interface Message {
  /** "CI failed on main" */
  title: string;
  /** "CI failed on main in octo/app (#42)": the whole story in one line. */
  line: string;
  /** A sentence under the title, when the title needs one: a test notification says what it is for. */
  description?: string;
  /** A word for the outcome: started, succeeded, failed, cancelled, timed out, ... */
  verb: string;
  emoji: string;
  /** #rrggbb */
  colour: string;
  facts: Fact[];
  /** The run's page, the main link of every message. */
  url: string;
  /** The failed jobs of a failed run, each with its failed steps and its page; empty on every other message. */
  failedJobs: FailedJob[];
}

/** What a fact is about: stable, so a layout that picks a fact never depends on its English label. */
export type FactKind = 'repository' | 'workflow' | 'pull_request' | 'branch' | 'tag' | 'commit' | 'actor' | 'environment' | 'duration';

/** The words shown next to each kind of fact. */
const FACT_LABELS: Record<FactKind, string> = {
  repository: 'Repository',
  workflow: 'Workflow',
  pull_request: 'Pull request',
  branch: 'Branch',
  tag: 'Tag',
  commit: 'Commit',
  actor: 'Actor',
  environment: 'Environment',
  duration: 'Duration',
};

export interface Fact {
  kind: FactKind;
  /** The words shown next to the value: "Pull request". */
  label: string;
  value: string;
  url?: string;
}

const VERBS: Record<string, string> = {
  started: 'started',
  success: 'succeeded',
  failure: 'failed',
  error: 'failed',
  cancelled: 'was cancelled',
  timed_out: 'timed out',
  action_required: 'needs action',
  startup_failure: 'failed to start',
  stale: 'went stale',
  neutral: 'finished (neutral)',
};

/** What a status change or an approval says instead of the status's verb: "CI broke on main". */
const TRIGGER_VERBS: Partial<Record<Trigger, string>> = { fixed: 'was fixed', broken: 'broke', approval: 'is waiting for approval' };

export const COLOURS = {
  started: '#439fe0',
  success: '#2eb886',
  error: '#d00000',
  fixed: '#1a7f37',
  broken: '#8b0000',
  approval: '#daa038',
  cancelled: '#9e9e9e',
  neutral: '#9e9e9e',
  test: '#9e9e9e',
} as const;
const EMOJI = { started: '🚀', success: '✅', error: '❌', fixed: '🎉', broken: '💥', approval: '⏳', cancelled: '⚪', neutral: '⚪', test: '🔔' } as const;

export function composeMessage(run: RunContext, outcome: Outcome): Message {
  if (outcome.trigger === 'test') return testMessage(run);
  const verb = TRIGGER_VERBS[outcome.trigger] ?? VERBS[outcome.status] ?? outcome.status.replace(/_/g, ' ');
  // Routed with error or success, but never dressed as a failure or a success.
  const neither = (outcome.status === 'cancelled' || outcome.status === 'neutral') && !TRIGGER_VERBS[outcome.trigger];
  const look = neither ? (outcome.status as 'cancelled' | 'neutral') : outcome.trigger;
  const what = run.workflow || 'Workflow';
  const refName = run.branch || run.tag;
  const ref = refName && run.deleted ? `${refName} (deleted)` : refName;
  const where = run.prNumber ? `PR #${run.prNumber}` : ref;
  // An approval is for an environment: "Deploy is waiting for approval to production"; the branch is among the facts.
  const title =
    outcome.trigger === 'approval'
      ? `${what} ${verb}${run.environment ? ` to ${run.environment}` : where ? ` on ${where}` : ''}`
      : `${what} ${verb}${where ? ` on ${where}` : ''}`;
  const runLabel = run.runNumber ? ` (#${run.runNumber})` : '';
  const line = `${title}${run.repository ? ` in ${run.repository}` : ''}${runLabel}`;

  const { facts, add } = factList();
  add('repository', run.repository, run.repositoryUrl);
  add('workflow', [run.workflow, run.job].filter(Boolean).join(' / '), run.runUrl);
  if (run.prNumber) add('pull_request', `#${run.prNumber} ${run.prTitle}`.trim(), run.prUrl);
  // A deleted branch or tag has no page to link to.
  else add(run.tag ? 'tag' : 'branch', ref, run.deleted ? undefined : branchUrl(run));
  add('commit', [run.shortSha, run.commitTitle].filter(Boolean).join(' '), run.commitUrl);
  add('actor', run.actor);
  add('environment', run.environment, run.environmentUrl || undefined);
  // A start, or a job waiting for reviewers, has no duration yet, even when an earlier step or the event gives a start time.
  if (hasDuration(outcome.trigger)) add('duration', run.duration);

  // Reviewers approve on the run's page, not on the waiting job's.
  const url = outcome.trigger === 'approval' ? run.runUrl.replace(/\/jobs?\/\d+$/, '') : run.runUrl;
  // Read from the API for a failed run only (src/github/failed-jobs.ts): empty on every other.
  return { title, line, verb, emoji: EMOJI[look], colour: COLOURS[look], facts, url, failedJobs: run.failedJobs };
}

/** The outcome and message of each trigger a destination is sent for (error, and broken, in one run). */
export type Messages = (trigger: Trigger) => { outcome: Outcome; message: Message };

/** The messages of a run whose status is `outcome`'s, each composed once, when a destination first needs it. */
export function messagesFor(run: RunContext, outcome: Outcome): Messages {
  const composed = new Map<Trigger, { outcome: Outcome; message: Message }>();
  return (trigger) => {
    let entry = composed.get(trigger);
    if (!entry) {
      const specific = { trigger, status: outcome.status };
      entry = { outcome: specific, message: composeMessage(run, specific) };
      composed.set(trigger, entry);
    }
    return entry;
  };
}

/** A test notification: what it is, from which repository, sent by whom, and the run that sent it. */
function testMessage(run: RunContext): Message {
  const title = 'Test notification from Herald';
  const runLabel = run.runNumber ? ` (#${run.runNumber})` : '';
  const line = `${title}${run.repository ? ` in ${run.repository}` : ''}${runLabel}`;
  const by = run.actor ? ` by ${run.actor}` : '';
  const from = run.repository ? ` from ${run.repository}` : '';
  const description = `Sent${by}${from} to check that this destination works.`;
  const { facts, add } = factList();
  add('repository', run.repository, run.repositoryUrl);
  add('workflow', [run.workflow, run.job].filter(Boolean).join(' / '), run.runUrl);
  add('actor', run.actor);
  return { title, line, description, verb: 'test notification', emoji: EMOJI.test, colour: COLOURS.test, facts, url: run.runUrl, failedJobs: [] };
}

/**
 * How much of the failed jobs a default message lists: the first 5 jobs, 3 failed steps of each, names cut to 100
 * characters; the rest is counted ("and 2 more failed jobs"), and the run's page has them all.
 */
export const FAILED_JOBS_SHOWN = { jobs: 5, steps: 3, name: 100 };

/** A failed job as a default message lists it: `detail` is what follows its linked name and a colon, "Run tests, Lint". */
export interface ListedJob {
  name: string;
  url: string;
  /** The conclusion when it is not a plain failure, then the failed steps: "timed out", "Run tests, Lint", or empty. */
  detail: string;
}

const JOB_CONCLUSIONS: Record<string, string> = { timed_out: 'timed out', startup_failure: 'failed to start' };

/** The failed jobs a default message lists (at most `max`), and the sentence that counts the others, if any. */
export function listFailedJobs(message: Message, max: number = FAILED_JOBS_SHOWN.jobs): { jobs: ListedJob[]; more?: string } {
  const cut = (name: string) => truncate(name, FAILED_JOBS_SHOWN.name);
  const jobs = message.failedJobs.slice(0, max).map((job): ListedJob => {
    const shown = job.failedSteps.slice(0, FAILED_JOBS_SHOWN.steps).map(cut);
    const hidden = job.failedSteps.length - shown.length;
    const steps = shown.join(', ') + (hidden > 0 ? ` and ${hidden} more` : '');
    const conclusion = JOB_CONCLUSIONS[job.conclusion] ?? '';
    return { name: cut(job.name) || 'job', url: job.url, detail: [conclusion, steps].filter(Boolean).join(', ') };
  });
  const others = message.failedJobs.length - jobs.length;
  return others > 0 ? { jobs, more: `and ${others} more failed job${others === 1 ? '' : 's'}` } : { jobs };
}

/**
 * "build: Run tests", "deploy: timed out": a listed job in plain text, without its link. A colon, not parentheses: a
 * matrix job's name has its own, "test (ubuntu-latest, 22)".
 */
export const failedJobText = (job: ListedJob): string => (job.detail ? `${job.name}: ${job.detail}` : job.name);

/** The heading over the list: "Failed job" or "Failed jobs". */
export const failedJobsLabel = (message: Message): string => (message.failedJobs.length === 1 ? 'Failed job' : 'Failed jobs');

/** The message's fact of that kind, if it has one. */
export const factOf = (message: Message, kind: FactKind): Fact | undefined => message.facts.find((fact) => fact.kind === kind);

/** A fact whose value reads as a sentence (a commit's or a pull request's title): chat layouts give it a whole row. */
export const isSentence = (fact: Fact): boolean => fact.kind === 'commit' || fact.kind === 'pull_request';

/** The facts of a message, and how to add one: an empty value is left out. */
function factList() {
  const facts: Fact[] = [];
  const add = (kind: FactKind, value: string, url?: string) => {
    const label = FACT_LABELS[kind];
    if (value) facts.push(url ? { kind, label, value, url } : { kind, label, value });
  };
  return { facts, add };
}

function branchUrl(run: RunContext): string | undefined {
  if (!run.repositoryUrl) return undefined;
  if (run.branch) return `${run.repositoryUrl}/tree/${urlPath(run.branch)}`;
  if (run.tag) return `${run.repositoryUrl}/releases/tag/${urlPath(run.tag)}`;
  return undefined;
}

/**
 * A branch or tag name as URL path segments, each percent-encoded: `feature/#123-login` -> `feature/%23123-login`.
 * `( ) ! ' *`, which encodeURIComponent leaves, are encoded too: a `)` would end a Markdown link early.
 */
const urlPath = (name: string): string => name.split('/').map((segment) => percentEncode(segment)).join('/');
