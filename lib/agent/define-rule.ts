// A rule is declared in one file: what it is, where it applies, its thresholds (each with its default)
// and how the options page names them, and its pure evaluation. The registry lists the rules; the
// settings, the options page, the engine and the panel read everything else from the declaration.
import { z } from 'zod';
import type { OptionField } from '../forms/fields';
import type { Rule, RuleInput, RuleSuggestion } from './types';

/** "late-review" → "lateReview": where a rule's thresholds have been stored since Sidekick 0.1.0. */
export const settingsKeyOf = (ruleId: string) =>
  ruleId.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

export interface RuleDefinition<Shape extends z.ZodRawShape>
  extends Omit<Rule, 'settingsKey' | 'settings' | 'fields' | 'run'> {
  /** Its thresholds, each a zod number with its default (wholeNumber, dayCount); `{}` when it has none. */
  settings: Shape;
  /** How the options page shows each threshold, in order. */
  fields: readonly OptionField<Extract<keyof Shape, string>>[];
  /** The rule on a snapshot, with its thresholds as the person set them (or their defaults). */
  run(input: RuleInput, settings: z.output<z.ZodObject<Shape>>): RuleSuggestion[];
}

export function defineRule<const Shape extends z.ZodRawShape>(definition: RuleDefinition<Shape>): Rule {
  const { settings: shape, run, ...rule } = definition;
  // prefault, not default: zod 4 returns a default as is, a prefault is parsed (the inner defaults apply).
  const settings = z.object(shape).prefault({} as never);
  const settingsKey = settingsKeyOf(rule.id);
  return {
    ...rule,
    settingsKey,
    settings,
    run: (input) => run(input, settings.parse(input.settings[settingsKey])),
  };
}
