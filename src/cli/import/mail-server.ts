import type { ImportContext } from './source-objects.js';

/**
 * An `email` destination imported from a system that sends mail through its own server to addresses and to its own
 * users (Terraform Cloud, Scalingo): Herald sends through yours, which the export cannot name, so the SMTP fields are
 * `${NAME}`s to set; the users' addresses are not in the export either, so they are a comment (and `to` a `${NAME}`
 * when there is no address at all).
 */
export function mailDestinationFields(system: string, addresses: string[], users: string[], context: ImportContext): Record<string, unknown> {
  const { key, owner, comments, secret, setting } = context;
  comments.push(`${system} sends mail through its own server; Herald sends through yours: set host, port, username, password and from`);
  if (users.length > 0) {
    comments.push(`${system} users ${[...new Set(users)].join(', ')}: mailed at their account's address, which the export does not hold: add them to "to"`);
  }
  return {
    type: 'email',
    host: setting(key, 'smtp_host', `the SMTP server's host name, for ${owner}`),
    port: setting(key, 'smtp_port', `the SMTP server's port (587 with STARTTLS, 465 with use_ssl: true), for ${owner}`),
    username: setting(key, 'smtp_username', `the SMTP user to log in as, for ${owner}`),
    password: secret(key, 'smtp_password', `that SMTP user's password, for ${owner}`),
    from: setting(key, 'smtp_from', `the sender address (ci@example.com), for ${owner}`),
    to: addresses.length > 0 ? addresses : setting(key, 'to', `the recipients (its users' addresses), for ${owner}`),
  };
}
