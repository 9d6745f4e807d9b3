import type { Destination } from './destination.js';
import { discord } from './discord.js';
import { email } from './email.js';
import { googlechat } from './googlechat.js';
import { grafana } from './grafana.js';
import { irc } from './irc.js';
import { mattermost } from './mattermost.js';
import { pagerduty } from './pagerduty.js';
import { rocketchat } from './rocketchat.js';
import { ses } from './ses.js';
import { slack } from './slack.js';
import { sns } from './sns.js';
import { teams } from './teams.js';
import { telegram } from './telegram.js';
import { twilio } from './twilio.js';
import { webhook } from './webhook.js';

/** The one list of destination types. Adding a destination: write its module, add it here. */
const registry: Destination<any>[] = [webhook, slack, teams, discord, mattermost, rocketchat, googlechat, telegram, email, ses, sns, pagerduty, twilio, grafana, irc];

const byType = new Map(registry.map((destination) => [destination.type, destination]));

export const findDestination = (type: string): Destination<any> | undefined => byType.get(type);
export const destinationTypes = (): string[] => [...byType.keys()];
