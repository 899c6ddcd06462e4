import { useEffect, useRef, useState } from 'preact/hooks';
import type { DockFeature, FeatureProps } from '../../lib/dock/feature';
import { installedLazyPanels, type LazyPanelHost, type MountedPanel } from '../../lib/dock/lazy-panels';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import { dockLoadPanelsAnswer } from '../../lib/messaging/protocol';

let loading: Promise<LazyPanelHost> | null = null;

/** Asks the background for the lazy panels' script when it is not here yet; panels asking meanwhile share the answer. */
function loadLazyPanels(): Promise<LazyPanelHost> {
  const installed = installedLazyPanels();
  if (installed) return Promise.resolve(installed);
  loading ??= askWith(dockLoadPanelsAnswer, { type: 'dock/load-panels' })
    .then(() => {
      const host = installedLazyPanels();
      if (!host) throw new Error(t('panelLoadFailed'));
      return host;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** A section whose panel lives in the lazy script: listed here by id, title and where it applies. */
export function defineLazyFeature(feature: Omit<DockFeature, 'Panel'>): DockFeature {
  return { ...feature, Panel: (props: FeatureProps) => <LazyPanel featureId={feature.id} {...props} /> };
}

function LazyPanel({ featureId, ...props }: FeatureProps & { featureId: string }) {
  // The lazy script renders into this element with its own Preact; this tree never renders inside it.
  const slot = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedPanel | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadLazyPanels()
      .then((host) => {
        if (live && slot.current) mounted.current = host.mount(featureId, slot.current, latest.current);
      })
      .catch((error: unknown) => {
        if (live) setFailure(failureText(error));
      });
    return () => {
      live = false;
      mounted.current?.unmount();
      mounted.current = null;
    };
  }, [featureId]);

  useEffect(() => mounted.current?.update(props), [props.context, props.signal, props.dataVersion]);

  return (
    <div data-testid={`lazy-panel-${featureId}`}>
      {failure ? (
        <p class="sk-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div ref={slot} />
    </div>
  );
}
