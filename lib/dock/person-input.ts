/**
 * The dock sits in an open shadow root of the Kitsu page, so page scripts can reach its controls and
 * dispatch events at them. Only a person's input may act: script-made clicks and keys stop at the
 * shadow root before any panel sees them (a cancelled click submits no form either). A script's
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
  const target = person.target instanceof Node ? person.target : null;
  if (!target) return false;
  if (person.type === 'click') return submit.submitter?.contains(target) ?? false;
  return (
    person.type === 'keydown' && person.key === 'Enter' && (submit.target as Node | null)?.contains(target) === true
  );
}
