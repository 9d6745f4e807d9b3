export declare const ROOT: string;
export declare const ENTRY: string;
export declare function inputDefaults(): Record<string, string>;
export interface WorkspaceOptions {
  eventName: string;
  event: object;
  /** The event file's text as the runner wrote it; the event's JSON by default. */
  eventText?: string;
  config?: string;
  configPath?: string;
  inputs?: Record<string, string>;
  /** Added to or overriding the runner's variables; undefined leaves one unset. */
  env?: Record<string, string | undefined>;
}
export interface Workspace {
  workspace: string;
  files: { event: string; output: string; summary: string; env: string; state: string };
  env: Record<string, string | undefined>;
}
export declare function prepareWorkspace(options: WorkspaceOptions): Workspace;
export declare function parseCommandFile(text: string): Record<string, string>;
