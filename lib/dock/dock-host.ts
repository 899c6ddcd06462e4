/**
 * The dock's host: an element of its own at the end of <html> (beside <body>, not in it: what the page
 * does to its body leaves the dock be), with a closed shadow root, so page scripts get no reference to
 * what is inside. The shadow root holds the host's style sheet and the dock's frame (./dock-frame.ts).
 */
export type DockHost = { host: HTMLElement; root: ShadowRoot };

export function createDockHost(name: string, css: string): DockHost {
  const host = document.createElement(unclaimedHostName(name));
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/**
 * A page that defined a custom element of the host's name before the dock mounts would construct the
 * host itself, and its `attachInternals()` would hand it the shadow root, closed or not. The dock then
 * takes a name the page cannot know. (A definition made after the host exists gets no root: the
 * browser only gives it to internals of an element that was already custom when its root was made.)
 */
function unclaimedHostName(name: string): string {
  const probe = document.createElement(name);
  // Defined, or defined with a constructor that threw (the page may throw once, then behave).
  const claimed = probe.matches(':defined') || probe instanceof HTMLUnknownElement;
  return claimed ? `${name}-${crypto.randomUUID().slice(0, 8)}` : name;
}
