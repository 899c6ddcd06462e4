// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { acceptOnlyPersonInput } from '../../lib/dock/person-input';

/** A dock-like shadow root with a form, its submit button, a select and a text field, guarded. */
function guardedDock() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<form><select><option>a</option></select><textarea></textarea><button type="submit">Preview</button></form>';
  acceptOnlyPersonInput(root);
  const form = root.querySelector('form') as HTMLFormElement;
  const button = root.querySelector('button') as HTMLButtonElement;
  const select = root.querySelector('select') as HTMLSelectElement;
  const field = root.querySelector('textarea') as HTMLTextAreaElement;
  const onClick = vi.fn();
  const onSubmit = vi.fn((event: Event) => event.preventDefault());
  const onKey = vi.fn();
  button.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  field.addEventListener('keydown', onKey);
  return { form, button, select, field, onClick, onSubmit, onKey };
}

/** What the browser makes of a person's input: the same event, marked trusted (scripts cannot do this). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function submitFrom(form: HTMLFormElement, submitter: HTMLElement | null) {
  const event = trusted(new Event('submit', { bubbles: true, cancelable: true }));
  Object.defineProperty(event, 'submitter', { value: submitter });
  form.dispatchEvent(event);
}

describe('the dock accepts only a person’s input', () => {
  it('stops script-made clicks before the control', () => {
    const dock = guardedDock();
    dock.button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    dock.button.click();
    expect(dock.onClick).not.toHaveBeenCalled();
    expect(dock.onSubmit).not.toHaveBeenCalled();
  });

  it('stops script-made key events', () => {
    const dock = guardedDock();
    dock.field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(dock.onKey).not.toHaveBeenCalled();
  });

  it('passes a person’s click and the submit it causes on that button', () => {
    const dock = guardedDock();
    dock.button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    submitFrom(dock.form, dock.button);
    expect(dock.onClick).toHaveBeenCalledTimes(1);
    expect(dock.onSubmit).toHaveBeenCalledTimes(1);
  });

  it('passes the submit of a person’s Enter key in the form', () => {
    const dock = guardedDock();
    dock.field.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    submitFrom(dock.form, dock.button);
    expect(dock.onSubmit).toHaveBeenCalledTimes(1);
  });

  it('stops a script’s requestSubmit, alone or riding on a person’s click elsewhere in the dock', async () => {
    const dock = guardedDock();
    submitFrom(dock.form, null);
    dock.select.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    submitFrom(dock.form, dock.button);
    dock.button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    await new Promise((resolve) => setTimeout(resolve, 5));
    submitFrom(dock.form, dock.button);
    expect(dock.onSubmit).not.toHaveBeenCalled();
  });

  it('leaves events outside the dock alone', () => {
    guardedDock();
    const outside = vi.fn();
    const button = document.createElement('button');
    document.body.append(button);
    button.addEventListener('click', outside);
    button.click();
    expect(outside).toHaveBeenCalledTimes(1);
  });
});
