import type { ComponentChildren } from 'preact';
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
import { DEFAULT_AGENT_SETTINGS } from '../lib/agent/settings-schema';
import type { AgentSettings, Rule, RuleId } from '../lib/agent/types';
import { format, t } from '../lib/i18n';
import { SettingsSection } from './ui/sections';

/** Short day names in the interface's language, Sunday first (as Date.getDay counts). */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6].map((day) => format.weekday(Date.UTC(2026, 0, 4 + day)));
const fieldId = (setting: SettingField) => `sk-agent-${setting.rule?.id ?? 'general'}-${setting.key}`;
type Draft = Record<string, string>;

const draftOf = (settings: AgentSettings): Draft =>
  Object.fromEntries(SETTING_FIELDS.map((setting) => [fieldId(setting), String(fieldValue(settings, setting))]));

/** An empty box is a mistake to report, not a 0 (Number('') is 0). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The settings as entered: the drafts of the numbers, the rules switched off, the working days. */
function enteredSettings(draft: Draft, disabled: readonly RuleId[], workdays: readonly number[]): AgentSettings {
  return SETTING_FIELDS.reduce(
    (settings, setting) => withFieldValue(settings, setting, numberOf(draft[fieldId(setting)] ?? '')),
    { ...DEFAULT_AGENT_SETTINGS, disabledRules: [...disabled], workdays: [...workdays].sort() },
  );
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
  on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);

/**
 * The thresholds of the suggestion rules, the working week, and the "recent human decision" window.
 * Each rule's fieldset comes from its declaration (lib/agent/rules): a new rule shows here by itself.
 */
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
    try {
      show(await saveAgentSettings(enteredSettings(draft, disabled, workdays)));
      setProblems([]);
      setMessage(t('agentSaved'));
    } catch (error) {
      setProblems(error instanceof AgentSettingsError ? error.problems : [String(error)]);
      setMessage(t('notSaved'));
    }
  }

  return (
    <SettingsSection titleId="sk-agent-title" title={t('agentTitle')}>
      <form onSubmit={save} data-loaded={loaded} data-testid="agent-settings-form" noValidate>
        <fieldset>
          <legend>{t('agentEveryRule')}</legend>
          <div class="sk-form">
            <NumberFields rule={null} draft={draft} setDraft={setDraft} />
            <Workdays workdays={workdays} onChange={setWorkdays} />
          </div>
        </fieldset>
        {registry.map((rule) => (
          <RuleFieldset
            key={rule.id}
            rule={rule}
            on={!disabled.includes(rule.id)}
            onToggle={(on) => setDisabled(toggle(disabled, rule.id, !on))}
          >
            <NumberFields rule={rule} draft={draft} setDraft={setDraft} />
          </RuleFieldset>
        ))}
        <div class="sk-form__actions">
          <button type="submit" data-testid="agent-settings-save">
            {t('save')}
          </button>
          <button type="button" onClick={() => show(DEFAULT_AGENT_SETTINGS)} data-testid="agent-settings-defaults">
            {t('agentDefaults')}
          </button>
        </div>
      </form>
      <p role="status" data-testid="agent-settings-message">
        {message}
      </p>
      <Problems problems={problems} />
    </SettingsSection>
  );
}

/** The numbers of a rule (null: those every rule shares), from its declaration. */
function NumberFields(props: { rule: Rule | null; draft: Draft; setDraft: (draft: Draft) => void }) {
  return SETTING_FIELDS.filter((setting) => setting.rule === props.rule).map((setting) => (
    <NumberField
      key={fieldId(setting)}
      setting={setting}
      value={props.draft[fieldId(setting)] ?? ''}
      onInput={(value) => props.setDraft({ ...props.draft, [fieldId(setting)]: value })}
    />
  ));
}

/** One number of the settings, with its label and what it means; a refusal names it by its label. */
function NumberField(props: { setting: SettingField; value: string; onInput: (value: string) => void }) {
  const id = fieldId(props.setting);
  return (
    <>
      <label for={id}>{props.setting.label}</label>
      <span>
        <input
          id={id}
          data-testid={id}
          type="number"
          step="1"
          value={props.value}
          aria-describedby={`${id}-help`}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />{' '}
        <span id={`${id}-help`} class="sk-muted">
          {props.setting.hint}
        </span>
      </span>
    </>
  );
}

function RuleFieldset(props: {
  rule: Rule;
  on: boolean;
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
}) {
  const { rule } = props;
  return (
    <fieldset data-testid={`agent-rule-${rule.id}`}>
      <legend>
        <label>
          <input
            type="checkbox"
            data-testid={`agent-rule-on-${rule.id}`}
            checked={props.on}
            onChange={(event) => props.onToggle(event.currentTarget.checked)}
          />{' '}
          {rule.name}
        </label>
      </legend>
      <p class="sk-muted">{rule.description}</p>
      <div class="sk-form">{props.children}</div>
    </fieldset>
  );
}

function Workdays(props: { workdays: readonly number[]; onChange: (workdays: readonly number[]) => void }) {
  return (
    <>
      <span>{t('agentWorkingDays')}</span>
      <span>
        {WEEKDAYS.map((name, day) => (
          <label key={name}>
            <input
              type="checkbox"
              data-testid={`agent-workday-${day}`}
              checked={props.workdays.includes(day)}
              onChange={(event) => props.onChange(toggle(props.workdays, day, event.currentTarget.checked))}
            />
            {name}{' '}
          </label>
        ))}
      </span>
    </>
  );
}

function Problems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="sk-error" role="alert" data-testid="agent-settings-problems">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
