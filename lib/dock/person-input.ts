/**
 * The dock's document sits in a frame inside a closed shadow root, where page scripts get no
 * reference to its controls. Should one ever get it (a browser bug, another extension's leak), the
 * dock still acts on a person's input only: script-made clicks and keys stop at the dock's root
 * before any panel sees them (a cancelled click submits no form either). A script's
 * `form.requestSubmit()` fires a trusted submit, so a submit passes only as the effect of the person's
 * own click on that submit button, or of their Enter key inside that form.
 */
export function acceptOnlyPersonInput(root: EventTarget): void {
  let person: { type: string; key?: string; target: EventTarget | undefined } | null = null;
  const guard = (event: Event) => {
    if (event.type !== 'submit' && event.isTrusted) {
      // The submission a click or key causes runs in the same task, after the event's dispatch.
      const current = { type: event.type, key: (event as KeyboardEvent).key, target: event.composedPath()[0] };
      person = current;
      setTimeout(() => {
        if (person === current) person = null;
      });
      return;
    }
    if (event.type === 'submit' && event.isTrusted && person && submittedBy(event as SubmitEvent, person)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of ['click', 'keydown', 'submit']) root.addEventListener(type, guard, true);
}

function submittedBy(submit: SubmitEvent, person: { type: string; key?: string; target: EventTarget | undefined }) {
  // The dock's nodes belong to its frame's document: `instanceof Node` of this window would not hold.
  const target = isNode(person.target) ? person.target : null;
  if (!target) return false;
  if (person.type === 'click') return submit.submitter?.contains(target) ?? false;
  return (
    person.type === 'keydown' && person.key === 'Enter' && (submit.target as Node | null)?.contains(target) === true
  );
}

function isNode(target: EventTarget | undefined): target is Node {
  return typeof (target as Node | undefined)?.nodeType === 'number';
}
