/**
 * Herald's access to the GitHub REST API, with the job's token (the `github-token` input): what the status-change
 * triggers (fixed, broken) and the failed-jobs list read. Octokit (@octokit/core, the client @actions/github wraps)
 * loads on the first call that needs the API, so a run that needs none starts no slower. Every call is bounded by a
 * timeout, and every failure becomes a reason to show in the results, never a failed step.
 */
export interface GitHubApi {
  owner: string;
  repo: string;
  /** https://api.github.com, or a GitHub Enterprise Server's https://ghe.example.com/api/v3 (GITHUB_API_URL). */
  baseUrl: string;
  /** One GET, e.g. get('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: 42 }); owner and repo are filled in. */
  get<T = any>(route: string, params?: Record<string, string | number>): Promise<Page<T>>;
  /**
   * The items of a list endpoint, page after page (per_page 100) while GitHub's Link header names a next page, up to
   * `maxPages`; `key` is the array in a wrapped response (`workflow_runs`, `jobs`). `stop` ends early once an item is found.
   */
  list<T = any>(route: string, params: Record<string, string | number>, options: ListOptions<T>): Promise<T[]>;
}

export interface Page<T> {
  data: T;
  /** GitHub's Link header, if any. */
  link: string;
}

export interface ListOptions<T> {
  key: string;
  maxPages?: number;
  perPage?: number;
  /** Stops after the page that holds an item for which this is true. */
  stop?: (item: T) => boolean;
}

/** The API, or why Herald cannot use it (shown in the results of what needed it). */
export type ApiAccess = { api: GitHubApi; reason?: undefined } | { api?: undefined; reason: string };

/** How long one API request may take; a step waits at most this long per call it needs. */
export const API_TIMEOUT_MS = 5000;

interface ApiSettings {
  token: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string;
  /** GITHUB_API_URL; https://api.github.com when unset. */
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * The API for this repository and token, or the reason there is none (no token: a fork's pull request, an empty input).
 * The caller registers the token as a secret (main.ts does, with the config's).
 */
export function githubApi(settings: ApiSettings): ApiAccess {
  const token = settings.token.trim();
  if (!token) return { reason: 'no GitHub token (the "github-token" input is empty, as in a pull request from a fork)' };
  const [owner, repo] = settings.repository.split('/');
  if (!owner || !repo) return { reason: 'GITHUB_REPOSITORY is not set, so Herald does not know which repository to ask the GitHub API about' };
  const baseUrl = (settings.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
  const timeoutMs = settings.timeoutMs ?? API_TIMEOUT_MS;
  let octokit: Promise<OctokitLike> | undefined;
  const client = () => (octokit ??= loadOctokit(token, baseUrl));

  const get = async <T>(route: string, params: Record<string, string | number> = {}): Promise<Page<T>> => {
    const response = await (await client()).request(route, { owner, repo, ...params, request: { signal: AbortSignal.timeout(timeoutMs) } });
    return { data: response.data as T, link: String(response.headers?.link ?? '') };
  };
  const list = async <T>(route: string, params: Record<string, string | number>, options: ListOptions<T>): Promise<T[]> => {
    const items: T[] = [];
    const perPage = options.perPage ?? 100;
    for (let page = 1; page <= (options.maxPages ?? 5); page++) {
      const { data, link } = await get<Record<string, unknown>>(route, { ...params, per_page: perPage, page });
      const found = Array.isArray(data[options.key]) ? (data[options.key] as T[]) : [];
      items.push(...found);
      if ((options.stop && found.some(options.stop)) || !/rel="next"/.test(link)) break;
    }
    return items;
  };
  return { api: { owner, repo, baseUrl, get, list } };
}

interface OctokitLike {
  request(route: string, params: Record<string, unknown>): Promise<{ data: unknown; headers: Record<string, unknown> }>;
}

async function loadOctokit(token: string, baseUrl: string): Promise<OctokitLike> {
  const { Octokit } = await import('@octokit/core');
  // No retries or throttling plugins: a notification must not wait on the API; what fails is reported as a reason.
  return new Octokit({ auth: token, baseUrl, userAgent: 'herald' });
}

/**
 * Why an API call failed, in words for the results: what GitHub said and how to fix it. A 403/404 on an Actions
 * endpoint is almost always a token without `actions: read` (or a fork's read-only token).
 */
export function apiProblem(error: unknown, what: string): string {
  const { status, message, name } = error as { status?: number; message?: string; name?: string };
  const said = String(message ?? error).split('\n', 1)[0]!.replace(/ - https:\/\/docs\.github\.com\S*/, '');
  if (name === 'TimeoutError' || name === 'AbortError' || /aborted|timeout/i.test(said)) {
    return `the GitHub API did not answer within ${API_TIMEOUT_MS / 1000} s while reading ${what}`;
  }
  if (status === 401) return `the GitHub API refused the token (401 ${said}) while reading ${what}: check the "github-token" input`;
  if (status === 403 || status === 404) {
    return (
      `the GitHub API refused access (${status} ${said}) while reading ${what}: ` +
      'give the job "permissions: actions: read" (a pull request from a fork gets a read-only token without it)'
    );
  }
  return `the GitHub API failed (${status ? `${status} ` : ''}${said}) while reading ${what}`;
}
