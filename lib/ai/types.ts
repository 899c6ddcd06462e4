// One small interface for every model Sidekick can ask: the built-in browser model and any
// OpenAI-compatible chat-completions endpoint. A provider streams plain text; what it writes is only
// ever a draft a person reads, edits and confirms inside a plan.

export type ChatRole = 'system' | 'user' | 'assistant';
export type ChatMessage = { role: ChatRole; content: string };

export type AiRequest = {
  messages: readonly ChatMessage[];
  /** Aborted when the person cancels (or closes the page). */
  signal?: AbortSignal;
  /** Called with each piece of text as it arrives. */
  onText: (delta: string) => void;
};

export interface AiProvider {
  /** For messages: "the built-in model", "http://127.0.0.1:11434". */
  readonly label: string;
  /** Resolves with the whole text once the model finished; rejects with an AiError. */
  complete(request: AiRequest): Promise<string>;
}
