import type { Config } from './config/schema.js';
import type { RunContext } from './context.js';
import { findDestination } from './destinations/index.js';
import type { Render, Verdict } from './destinations/destination.js';
import type { Outbound, Reply } from './transport/wire.js';
import type { Messages } from './message.js';
import { renderTemplate, TemplateError } from './render/template.js';
import { templateVariables } from './render/variables.js';
import type { Selected } from './routing.js';

interface DeliveryBase {
  destination: string;
  type: string;
  trigger: string;
  /** Which of the destination's targets, when it has several (a Slack channel). */
  target: string | null;
  warnings: string[];
  /** A line for the delivery's log before its attempts (a disabled destination tested because it was named). */
  note?: string;
}

/** One message to one place: ready to send, skipped (and why), or broken before sending (and why). */
export type Delivery =
  | (DeliveryBase & {
      state: 'ready';
      outbound: Outbound;
      timeoutMs: number;
      retries: number;
      backoffMs: number;
      blockPrivateAddresses: boolean;
      interpret?: (reply: Reply) => Verdict;
    })
  | (DeliveryBase & { state: 'skipped'; reason: string })
  | (DeliveryBase & { state: 'broken'; error: string });

/** Renders every selected destination's payloads, each for its trigger; a template problem stays on its own delivery. */
export function prepareDeliveries(config: Config, selected: Selected[], run: RunContext, messages: Messages): Delivery[] {
  return selected.flatMap(({ destination: name, trigger, named, skipped, warnings = [] }): Delivery[] => {
    const settings = config.destinations[name]!;
    const destination = findDestination(settings.type)!;
    const base = { destination: name, type: settings.type, trigger, target: null, warnings: [...warnings] };
    // A disabled destination named in a test's `destinations` input is tested: it was asked for by name.
    if (!settings.enabled && !named) return [{ ...base, state: 'skipped', reason: 'destination is disabled (enabled: false)' }];
    if (skipped) return [{ ...base, state: 'skipped', reason: skipped }];
    const note = settings.enabled ? {} : { note: 'destination is disabled (enabled: false); tested because the "destinations" input names it' };
    const skip = destination.skip?.(settings, trigger);
    if (skip) return [{ ...base, state: 'skipped', reason: skip }];
    const { outcome, message } = messages(trigger);

    const render: Render = (template, format, field) => {
      let rendered;
      try {
        rendered = renderTemplate(template, vars, format, settings.delimiters);
      } catch (error) {
        if (error instanceof TemplateError) throw new TemplateError(`in ${field}: ${error.message}`);
        throw error;
      }
      base.warnings.push(...rendered.warnings.map((warning) => `Template Warning in ${field}: ${warning}`));
      return rendered.text;
    };
    const vars = templateVariables(run, outcome, message, name, settings.delimiters);
    const sending = {
      timeoutMs: settings.timeout * 1000,
      retries: settings.retries,
      backoffMs: settings.retry_backoff * 1000,
      blockPrivateAddresses: settings.block_private_addresses ?? config.blockPrivateAddresses,
      interpret: destination.interpret?.bind(destination),
    };
    try {
      const outbounds = destination.build(settings, { name, trigger, message, vars, render });
      if (outbounds.length === 0) return [{ ...base, state: 'skipped', reason: `nothing to send for ${trigger}` }];
      return outbounds.map((outbound) => ({ ...base, ...note, ...sending, state: 'ready', target: outbound.label ?? null, outbound }));
    } catch (error) {
      if (error instanceof TemplateError) return [{ ...base, state: 'broken', error: `Template Error ${error.message}` }];
      // A bug in one destination must not stop the others.
      return [{ ...base, state: 'broken', error: `Herald could not build this notification (${String(error)}); please report this` }];
    }
  });
}
