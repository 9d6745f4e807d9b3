/** What the result shows for a server that is not reached by URL: `smtps://smtp.example.com:465`, `irc://[::1]:6667`. */
export const serverUrl = (scheme: string, host: string, port: number): string =>
  `${scheme}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
