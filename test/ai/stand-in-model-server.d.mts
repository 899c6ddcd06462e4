export const DEFAULT_DRAFT: string[];
export function streamText(pieces: string[]): string;
export type ScriptedReply =
  | { kind: 'stream'; pieces: string[]; splitEvery?: number; delayMs?: number }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'raw'; contentType: string; body: string }
  | { kind: 'silence' };
export type RecordedRequest = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
};
export function startStandInModelServer(options?: { allowedOrigins?: string[] | null }): Promise<{
  origin: string;
  base: string;
  requests: RecordedRequest[];
  script: (...replies: ScriptedReply[]) => void;
  close: () => Promise<void>;
}>;
