import { useEffect, useState } from 'preact/hooks';
import { registry } from '../lib/agent/registry';
import {
  AgentSettingsError,
  fieldValue,
  readAgentSettings,
  SETTING_FIELDS,
  type SettingField,
  saveAgentSettings,
  withFieldValue,
} from '../lib/agent/settings';
import { type AgentSettings, DEFAULT_AGENT_SETTINGS, type RuleId } from '../lib/agent/types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const fieldId = (setting: SettingField) => `sk-agent-${setting.rule ?? 'general'}-${setting.key}`;
type Draft = Record<string, string>;

const draftOf = (settings: AgentSettings): Draft =>
  Object.fromEntries(SETTING_FIELDS.map((setting) => [fieldId(setting), String(fieldValue(settings, setting))]));

/** An empty box is a mistake to report, not a 0 (Number('') is 0). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The thresholds of the suggestion rules, the working week, and the "recent human decision" window. */
export function AgentSettingsForm() {
  const [draft, setDraft] = useState<Draft>(() => draftOf(DEFAULT_AGENT_SETTINGS));
  const [disabled, setDisabled] = useState<readonly RuleId[]>([]);
  const [workdays, setWorkdays] = useState<readonly number[]>(DEFAULT_AGENT_SETTINGS.workdays);
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');

  function show(settings: AgentSettings) {
    setDraft(draftOf(settings));
    setDisabled(settings.disabledRules);
    setWorkdays(settings.workdays);
  }

  useEffect(() => {
    readAgentSettings()
      .then((settings) => {
        show(settings);
        setLoaded(true);
      })
      .catch((error: unknown) => setMessage(String(error)));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const entered = SETTING_FIELDS.reduce(
      (settings, setting) => withFieldValue(settings, setting, numberOf(draft[fieldId(setting)] ?? '')),
      { ...DEFAULT_AGENT_SETTINGS, disabledRules: [...disabled], workdays: [...workdays].sort() },
    );
    try {
      show(await saveAgentSettings(entered));
      setProblems([]);
      setMessage('Saved. Suggestions use these thresholds from the next page you open.');
    } catch (error) {
      setProblems(error instanceof AgentSettingsError ? error.problems : [String(error)]);
      setMessage('Not saved.');
    }
  }

  const input = (setting: SettingField) => (
    <>
      <label for={fieldId(setting)}>{setting.label}</label>
      <span>
        <input
          id={fieldId(setting)}
          data-testid={fieldId(setting)}
          type="number"
          step="1"
          value={draft[fieldId(setting)]}
          aria-describedby={`${fieldId(setting)}-help`}
          onInput={(event) => setDraft({ ...draft, [fieldId(setting)]: event.currentTarget.value })}
        />{' '}
        <span id={`${fieldId(setting)}-help`} class="sk-muted">
          {setting.help}
        </span>
      </span>
    </>
  );
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);

  return (
    <section class="sk-settings" aria-labelledby="sk-agent-title">
      <h2 id="sk-agent-title">Suggestions</h2>
      <form onSubmit={save} data-loaded={loaded} data-testid="agent-settings-form" noValidate>
        <fieldset>
          <legend>Every rule</legend>
          <div class="sk-form">
            {SETTING_FIELDS.filter((setting) => setting.rule === null).map(input)}
            <span>Working days</span>
            <span>
              {WEEKDAYS.map((name, day) => (
                <label key={name}>
                  <input
                    type="checkbox"
                    data-testid={`agent-workday-${day}`}
                    checked={workdays.includes(day)}
                    onChange={(event) => setWorkdays(toggle(workdays, day, event.currentTarget.checked))}
                  />
                  {name}{' '}
                </label>
              ))}
            </span>
          </div>
        </fieldset>
        {registry.map((rule) => (
          <fieldset key={rule.id} data-testid={`agent-rule-${rule.id}`}>
            <legend>
              <label>
                <input
                  type="checkbox"
                  data-testid={`agent-rule-on-${rule.id}`}
                  checked={!disabled.includes(rule.id)}
                  onChange={(event) => setDisabled(toggle(disabled, rule.id, !event.currentTarget.checked))}
                />{' '}
                {rule.name}
              </label>
            </legend>
            <p class="sk-muted">{rule.description}</p>
            <div class="sk-form">{SETTING_FIELDS.filter((setting) => setting.rule === rule.id).map(input)}</div>
          </fieldset>
        ))}
        <div class="sk-form__actions">
          <button type="submit" data-testid="agent-settings-save">
            Save
          </button>
          <button type="button" onClick={() => show(DEFAULT_AGENT_SETTINGS)} data-testid="agent-settings-defaults">
            Defaults
          </button>
        </div>
      </form>
      <p role="status" data-testid="agent-settings-message">
        {message}
      </p>
      {problems.length > 0 ? (
        <ul class="sk-error" role="alert" data-testid="agent-settings-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
