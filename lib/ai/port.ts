import { t } from '../i18n/pure';
import { type AiStreamEvent, aiRunSchema } from '../messaging/protocol';
import { asAiError } from './errors';
import type { AiService } from './service';

type AiPort = {
  postMessage(message: AiStreamEvent): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/**
 * One model call per port an extension page opened: the prompt it showed, streamed back piece by
 * piece; the page closing the port (cancel, window closed) aborts the call.
 */
export function serveAiPort(port: AiPort, ai: Pick<AiService, 'run'>): void {
  const controller = new AbortController();
  let started = false;
  port.onDisconnect.addListener(() => controller.abort());
  const post = (event: AiStreamEvent) => {
    if (!controller.signal.aborted) port.postMessage(event);
  };
  port.onMessage.addListener((raw) => {
    const run = aiRunSchema.safeParse(raw);
    if (started) return;
    started = true;
    if (!run.success) {
      post({ type: 'ai/error', problem: 'malformed', message: t('errorAiRequestUnreadable') });
      return;
    }
    ai.run(run.data.host, run.data.messages, controller.signal, (delta) => post({ type: 'ai/text', delta }))
      .then((text) => post({ type: 'ai/done', text }))
      .catch((error: unknown) => {
        const failure = asAiError(error);
        post({ type: 'ai/error', problem: failure.problem, message: failure.message });
      });
  });
}
