import * as core from '@actions/core';
import { annotateConfigError, ConfigError, loadConfig } from './config/index.js';
import { readRunContext, STARTED_AT_VARIABLE } from './context.js';
import { deliverAll } from './deliver.js';
import { readFailedJobs } from './github/failed-jobs.js';
import { readGitHubContext, secretsWithheld } from './github-context.js';
import { githubApi } from './github/client.js';
import { readHandover, saveHandover } from './handover.js';
import { readInputs } from './inputs.js';
import { messagesFor } from './message.js';
import { prepareDeliveries } from './prepare.js';
import { report, reportIfUnreported, reportNothingSent } from './report.js';
import { registerSecrets } from './secrets.js';
import { TEST_OUTCOME } from './outcome.js';
import { reportedTrigger, selectDestinations, selectTestDestinations } from './routing.js';
import { statusChange } from './status-change.js';
import { pickOutcome } from './triggers.js';
import { UserError } from './user-error.js';

/**
 * The whole pipeline: inputs, config, run context, trigger, routing, rendering, delivery, report. With `track-job`
 * it runs twice: as the main step (`started`), and as the post step (the job's final status, editing the messages).
 */
export async function run(step: 'main' | 'post' = 'main'): Promise<void> {
  try {
    const inputs = readInputs();
    const github = readGitHubContext(process.env);
    const config = await loadConfig(inputs.configPath, process.env, secretsWithheld(github));
    registerSecrets([...config.secrets, inputs.githubToken]);

    // The post step finds what its main step left: when the job started, and the messages to edit.
    const handover = step === 'post' ? readHandover() : undefined;
    const startedAt = handover?.startedAt || process.env[STARTED_AT_VARIABLE];
    const runContext = readRunContext(github, { ...process.env, [STARTED_AT_VARIABLE]: startedAt });
    const status = inputs.trackJob && step === 'main' ? 'started' : inputs.status;
    // A test (the `test` input) reads no status and follows no route.
    const outcome = inputs.test ? TEST_OUTCOME : pickOutcome(status, github.eventName, github.payload);
    if (outcome.trigger === null) {
      core.notice(`Herald: ${outcome.reason}; nothing to send.`);
      return await reportNothingSent(outcome);
    }
    if (outcome.trigger === 'started') core.exportVariable(STARTED_AT_VARIABLE, runContext.timestamp);

    // fixed or broken: asked of the GitHub API only when a route subscribes to them; the failed jobs, of a failed run.
    const api = githubApi({ token: inputs.githubToken, repository: runContext.repository, apiUrl: process.env.GITHUB_API_URL });
    const sources = { api, eventName: github.eventName, event: github.payload };
    const [change, failedJobs] = await Promise.all([
      statusChange(config, outcome, runContext, sources),
      readFailedJobs(outcome, runContext, { ...sources, github, runnerName: process.env.RUNNER_NAME }),
    ]);
    runContext.failedJobs = failedJobs;
    const selected = inputs.test
      ? selectTestDestinations(config, inputs.destinations)
      : selectDestinations(config, outcome, runContext, github.eventName, change);
    const messages = messagesFor(runContext, outcome);
    const previous = inputs.update && outcome.trigger !== 'started' ? [...(handover?.messages ?? []), ...inputs.updateMessages] : [];
    const deliveries = prepareDeliveries(config, selected, runContext, messages, previous);
    const results = await deliverAll(deliveries, { dryRun: inputs.dryRun, deadlineMs: inputs.timeoutSeconds * 1000 });
    if (inputs.trackJob && step === 'main') saveHandover(runContext.timestamp, results);
    const reported = messages(reportedTrigger(selected, outcome, change));
    // A test is there to tell whether each destination works: one that fails fails the step, whatever fail-on-error says.
    await report(results, { ...reported, dryRun: inputs.dryRun, failOnError: inputs.failOnError || inputs.test });
  } catch (error) {
    if (error instanceof ConfigError) annotateConfigError(error);
    else if (error instanceof UserError) core.setFailed(error.message);
    else core.setFailed(`Herald failed unexpectedly; please report this: ${(error as Error).stack ?? error}`);
  }

  await reportIfUnreported();
}
