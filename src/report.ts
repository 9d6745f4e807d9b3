import * as core from '@actions/core';
import type { DeliveryResult } from './deliver.js';
import { keptMessages } from './handover.js';
import type { Message } from './message.js';
import { fitPayloads, OUTPUT_TARGET_BYTES, SUMMARY_TARGET_BYTES } from './payload-limits.js';
import { escapeHtml } from './render/escape.js';
import { mask } from './secrets.js';
import type { NoTrigger, Outcome } from './outcome.js';

export interface ReportOptions {
  message: Message;
  outcome: Outcome;
  dryRun: boolean;
  failOnError: boolean;
}

/** Results -> step outputs, log groups, annotations and the job summary; fails the step only when asked to. */
export async function report(results: DeliveryResult[], options: ReportOptions): Promise<void> {
  const count = (status: DeliveryResult['status']) => results.filter((result) => result.status === status).length;
  const records = results.map(({ log: _log, handle: _handle, ...record }) => record);
  setOutputs(resultsOutput(records), [count('successful'), count('failed'), count('skipped')], options.outcome, JSON.stringify(keptMessages(results)));

  for (const result of results) {
    core.startGroup(`${name(result)} (${result.type}): ${result.status}${result.code ? ` ${result.code}` : ''}`);
    for (const line of result.log) core.info(line);
    if (result.payload !== undefined) core.info(`payload:\n${result.payload}`);
    core.endGroup();
    for (const warning of result.warnings) core.warning(`${name(result)}: ${warning}`);
  }
  if (results.length === 0) core.info(`No destination is routed for this trigger; nothing to send. (${options.message.line})`);

  try {
    await writeSummary(results, options);
  } catch (error) {
    core.warning(`Herald could not write the job summary: ${(error as Error).message}`);
  }

  const failures = results.filter((result) => result.status === 'failed');
  const lines = failures.map((result) => `${name(result)} (${result.type}): ${result.error}`);
  if (failures.length === 0) return;
  if (options.failOnError) {
    const what = options.outcome.trigger === 'test' ? 'test notifications' : 'notifications';
    core.setFailed(`${failures.length} of ${results.length} ${what} failed:\n${lines.join('\n')}`);
  } else {
    for (const line of lines) core.warning(`Notification failed: ${line}`);
  }
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The `results` output: every record, with dry-run payloads cut to stay within GitHub's 1 MB per output. */
function resultsOutput(records: Omit<DeliveryResult, 'log'>[]): string {
  const withoutPayloads = records.map((record) => (record.payload === undefined ? record : { ...record, payload: '' }));
  const { payloads, cut } = fitPayloads(
    records.map((record) => record.payload),
    OUTPUT_TARGET_BYTES - utf8(JSON.stringify(withoutPayloads)),
    (text) => utf8(JSON.stringify(text)),
    "GitHub's 1 MB limit on an output",
  );
  if (cut) core.info(`${cut} of the payloads in the results output are cut to stay within GitHub's 1 MB limit on an output; the log has them whole.`);
  return JSON.stringify(records.map((record, i) => (record.payload === undefined ? record : { ...record, payload: payloads[i] })));
}

let outputsWritten = false;

/** Every output, on every path: a later step's fromJSON(steps.<id>.outputs.results) must never break. */
function setOutputs(results: string, [sent, failed, skipped]: number[], outcome?: Outcome | NoTrigger, messages = '[]'): void {
  core.setOutput('results', results);
  core.setOutput('sent', sent);
  core.setOutput('failed', failed);
  core.setOutput('skipped', skipped);
  core.setOutput('status', outcome?.status ?? '');
  core.setOutput('trigger', outcome?.trigger ?? '');
  core.setOutput('messages', messages);
  outputsWritten = true;
}

/** A run that sends nothing (a skipped job, an event that is no trigger): empty outputs and a one-line summary. */
export async function reportNothingSent(outcome: NoTrigger): Promise<void> {
  setOutputs('[]', [0, 0, 0], outcome);
  await writeSummaryLine(`ℹ️ ${escapeHtml(outcome.reason)}; nothing was sent.`);
}

/** After a failure before the report (an invalid config, a bad input, a bug): the same empty outputs and summary line. */
export async function reportIfUnreported(): Promise<void> {
  if (outputsWritten) return;
  try {
    setOutputs('[]', [0, 0, 0]);
  } catch (error) {
    // The step has already failed with the cause; an unwritable output file must not hide it behind a crash.
    core.warning(`Herald could not write its outputs: ${(error as Error).message}`);
  }
  await writeSummaryLine('❌ failed before sending anything; the error is in the log and the annotations.');
}

async function writeSummaryLine(html: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(`<b>Herald</b>: ${html}`, true).write();
  } catch (error) {
    core.warning(`Herald could not write the job summary: ${(error as Error).message}`);
  }
}

const name = (result: DeliveryResult) => (result.target ? `${result.destination} ${result.target}` : result.destination);

const RESULT_ICONS = { successful: '✅ sent', failed: '❌ failed', skipped: '⏭️ skipped' } as const;

async function writeSummary(results: DeliveryResult[], { message, outcome, dryRun }: ReportOptions): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const cell = (text: string) => escapeHtml(mask(text));
  const rows = results.map((result) => [
    cell(name(result)),
    cell(result.type),
    cell(result.trigger),
    RESULT_ICONS[result.status],
    result.code === null ? ' ' : String(result.code),
    String(result.attempts),
    `${result.duration_ms} ms`,
    cell(result.error ?? (result.status === 'skipped' ? (result.log[0] ?? '') : '')) || ' ',
  ]);
  const summary = core.summary
    .addHeading(`Herald ${outcome.trigger === 'test' ? 'test notifications' : 'notifications'}${dryRun ? ' (dry run: nothing was sent)' : ''}`, 3)
    .addRaw(`${escapeHtml(message.emoji)} ${cell(message.line)}`, true);
  if (results.length === 0) summary.addRaw('<p>No destination is routed for this trigger.</p>', true);
  else {
    summary.addTable([
      ['Destination', 'Type', 'Trigger', 'Result', 'Code', 'Attempts', 'Time', 'Error'].map((data) => ({ data, header: true })),
      ...rows,
    ]);
  }
  const warnings = results.flatMap((result) => result.warnings.map((warning) => `${name(result)}: ${warning}`));
  if (warnings.length) summary.addList(warnings.map(cell));
  const shown = results.filter((result) => result.payload !== undefined);
  const label = (result: DeliveryResult) => `${cell(name(result))}: payload`;
  const pre = (text: string) => `\n\n<pre><code>${text}</code></pre>\n\n`;
  // What the summary holds besides the payloads, with room for each <details> wrapper and the note below.
  const fixed = utf8(summary.stringify()) + shown.reduce((bytes, result) => bytes + utf8(`<details><summary>${label(result)}</summary>${pre('')}</details>\n`), 0) + 1024;
  const { payloads, cut } = fitPayloads(
    shown.map((result) => result.payload),
    SUMMARY_TARGET_BYTES - fixed,
    (text) => utf8(cell(text)),
    "GitHub's 1 MiB limit on a job summary",
  );
  if (cut) {
    summary.addRaw(
      `<p>✂️ ${cut} of ${shown.length} payloads below are cut to stay within GitHub's 1 MiB limit on a job summary; each says how much of it is shown, and the step's log has them whole.</p>`,
      true,
    );
  }
  shown.forEach((result, i) => summary.addDetails(label(result), pre(cell(payloads[i]!))));
  await summary.write();
}
