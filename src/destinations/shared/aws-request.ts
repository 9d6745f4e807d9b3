import aws4 from 'aws4';
import type { HttpRequest } from '../../transport/wire.js';

/** The credentials every AWS destination takes (ses, sns). */
export interface AwsCredentials {
  access_key_id: string;
  secret_access_key: string;
  session_token?: string;
}

/** A POST to an AWS endpoint, signed with Signature Version 4 by aws4 for `service` in `region`. */
export function signedAwsPost(url: URL, service: string, region: string, contentType: string, body: string, credentials: AwsCredentials): HttpRequest {
  const signed = aws4.sign(
    { method: 'POST', host: url.host, path: url.pathname, service, region, headers: { 'Content-Type': contentType }, body },
    {
      accessKeyId: credentials.access_key_id,
      secretAccessKey: credentials.secret_access_key,
      ...(credentials.session_token !== undefined && { sessionToken: credentials.session_token }),
    },
  );
  const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]));
  return { transport: 'http', method: 'POST', url: url.href, headers, body };
}
