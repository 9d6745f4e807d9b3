import { FAILED_STATUSES, PASSED_STATUSES } from '../statuses.js';
import type { GitHubApi } from './client.js';

/** The run a notification is about, with what the event already tells of it (the rest is read from the API). */
export interface RunRef {
  id: string;
  workflowId?: string;
  branch?: string;
  createdAt?: string;
  /** owner/name of the repository the run's commit came from: a fork's pull request from its `main` is not `main`. */
  headRepository?: string;
}

export interface PreviousRun {
  id: number;
  runNumber: number;
  conclusion: string;
  url: string;
}

/** How many runs one page asks for, and how many pages at most: the previous decisive run is almost always on page 1. */
const PER_PAGE = 30;
const MAX_PAGES = 3;

/**
 * The previous completed run of the same workflow on the same branch (and from the same repository) that passed or
 * failed: cancelled and skipped runs are passed over, so a run cancelled by a newer push neither fixes nor breaks
 * anything. Runs created after this one are not "previous" (a re-run, or a job reporting on its own run while newer
 * runs already finished). undefined: there is none in the last MAX_PAGES pages. API errors are thrown.
 */
export async function previousRun(api: GitHubApi, current: RunRef): Promise<PreviousRun | undefined> {
  const run = current.workflowId && current.branch && current.createdAt ? current : await readRun(api, current.id);
  if (!run.branch || !run.workflowId) return undefined;
  const earlier = (candidate: Record<string, any>) =>
    String(candidate.id) !== current.id &&
    (!run.createdAt || String(candidate.created_at ?? '') < run.createdAt) &&
    (!run.headRepository || !candidate.head_repository?.full_name || candidate.head_repository.full_name === run.headRepository);
  const decisive = (candidate: Record<string, any>) => earlier(candidate) && [...PASSED_STATUSES, ...FAILED_STATUSES].includes(candidate.conclusion);
  const runs = await api.list<Record<string, any>>(
    'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    { workflow_id: run.workflowId!, branch: run.branch, status: 'completed', exclude_pull_requests: 'true' },
    { key: 'workflow_runs', perPage: PER_PAGE, maxPages: MAX_PAGES, stop: decisive },
  );
  const found = runs.find(decisive);
  return found && { id: found.id, runNumber: found.run_number, conclusion: found.conclusion, url: found.html_url };
}

/** The workflow, branch, creation time and head repository of a run, from GET /repos/{owner}/{repo}/actions/runs/{run_id}. */
async function readRun(api: GitHubApi, id: string): Promise<RunRef> {
  const { data } = await api.get<Record<string, any>>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: id });
  return { id, ...refFromRun(data) };
}

/** What a workflow run object (from the API or a workflow_run event) tells of itself. */
export function refFromRun(run: Record<string, any>): Omit<RunRef, 'id'> {
  return {
    workflowId: String(run.workflow_id ?? ''),
    branch: String(run.head_branch ?? ''),
    createdAt: String(run.created_at ?? ''),
    headRepository: run.head_repository?.full_name,
  };
}
