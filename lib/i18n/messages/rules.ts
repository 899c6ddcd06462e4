// The suggestion rules as the options page and the dock name them (lib/agent/rules, lib/agent/settings).
import { defineMessages } from '../catalog';

export const rulesMessages = defineMessages({
  ruleMissingName: { en: 'Missing estimates or dates', fr: 'Estimations ou dates manquantes' },
  ruleMissingDescription: {
    en: 'Tasks without estimate, start or due date; proposes the median of similar tasks.',
    fr: 'Tâches sans estimation, date de début ou échéance ; propose la médiane des tâches similaires.',
  },
  ruleMissingMinSimilar: { en: 'Similar tasks needed', fr: 'Tâches similaires nécessaires' },
  ruleMissingMinSimilarHint: {
    en: 'Tasks of the same type needed for a median.',
    fr: 'Nombre de tâches du même type nécessaires pour une médiane.',
  },
  ruleOverdueName: { en: 'Overdue', fr: 'En retard' },
  ruleOverdueDescription: { en: 'Open tasks past their due date.', fr: 'Tâches ouvertes dont l’échéance est passée.' },
  ruleOverdueGrace: { en: 'Days late before it counts', fr: 'Jours de retard tolérés' },
  ruleOverdueGraceHint: {
    en: 'A task due N days ago or less is not reported yet.',
    fr: 'Une tâche échue depuis N jours ou moins n’est pas encore signalée.',
  },
  ruleOverdueCritical: { en: 'Critical after (days late)', fr: 'Critique après (jours de retard)' },
  ruleOverdueCriticalHint: {
    en: 'From N days late the suggestion is critical.',
    fr: 'À partir de N jours de retard, la suggestion est critique.',
  },
  ruleOverloadName: { en: 'Overload', fr: 'Surcharge' },
  ruleOverloadDescription: {
    en: 'People whose open estimated work exceeds their working time before their due dates.',
    fr: 'Personnes dont le travail estimé en cours dépasse leur temps de travail avant les échéances.',
  },
  rulePriorityName: { en: 'Priority drift', fr: 'Priorités à la traîne' },
  rulePriorityDescription: {
    en: 'High-priority tasks that have not moved for N days; normal-priority tasks blocking many others.',
    fr: 'Tâches prioritaires immobiles depuis N jours ; tâches de priorité normale qui en bloquent beaucoup d’autres.',
  },
  rulePriorityMin: { en: 'From priority', fr: 'À partir de la priorité' },
  rulePriorityMinHint: { en: '1 = high, 2 = very high, 3 = emergency.', fr: '1 = haute, 2 = très haute, 3 = urgente.' },
  rulePriorityIdle: { en: 'Not moved for (days)', fr: 'Immobile depuis (jours)' },
  rulePriorityIdleHint: {
    en: 'Prioritised tasks unchanged for N days.',
    fr: 'Tâches prioritaires inchangées depuis N jours.',
  },
  rulePriorityBlocking: { en: 'Blocking at least (tasks)', fr: 'Bloque au moins (tâches)' },
  rulePriorityBlockingHint: {
    en: 'Not-started later steps of the same shot or asset.',
    fr: 'Étapes suivantes non commencées du même plan ou asset.',
  },
  ruleRetakeName: { en: 'Retake loop', fr: 'Retakes à répétition' },
  ruleRetakeDescription: {
    en: 'Tasks retaken at least N times or up to the production’s maximum.',
    fr: 'Tâches passées en retake au moins N fois, ou jusqu’au maximum de la production.',
  },
  ruleRetakeThreshold: { en: 'Retakes', fr: 'Retakes' },
  ruleRetakeThresholdHint: {
    en: 'From N retakes (or the production’s maximum).',
    fr: 'À partir de N retakes (ou du maximum de la production).',
  },
  ruleBacklogName: { en: 'Review backlog', fr: 'Validations en attente' },
  ruleBacklogDescription: {
    en: 'Tasks waiting for approval for more than N days, oldest first, per department.',
    fr: 'Tâches en attente de validation depuis plus de N jours, les plus anciennes d’abord, par département.',
  },
  ruleBacklogWaiting: { en: 'Waiting for more than (days)', fr: 'En attente depuis plus de (jours)' },
  ruleBacklogWaitingHint: {
    en: 'Days in a feedback-request status.',
    fr: 'Jours dans un statut de demande de validation.',
  },
  ruleBacklogCritical: { en: 'Critical after (days waiting)', fr: 'Critique après (jours d’attente)' },
  ruleBacklogCriticalHint: {
    en: 'The oldest waits N days or more.',
    fr: 'La plus ancienne attend depuis N jours ou plus.',
  },
  ruleStaleName: { en: 'Stale work in progress', fr: 'Travail en cours au point mort' },
  ruleStaleDescription: {
    en: 'WIP tasks with no comment or time logged for N days.',
    fr: 'Tâches en cours sans commentaire ni temps saisi depuis N jours.',
  },
  ruleStaleIdle: { en: 'Idle for (days)', fr: 'Inactive depuis (jours)' },
  ruleStaleIdleHint: {
    en: 'No comment nor time logged for N days.',
    fr: 'Ni commentaire ni temps saisi depuis N jours.',
  },
  ruleStartName: { en: 'Start on WIP', fr: 'Début au passage en cours' },
  ruleStartDescription: {
    en: 'Tasks moved to WIP without a start date; proposes the day they went WIP.',
    fr: 'Tâches passées en cours sans date de début ; propose le jour de ce passage.',
  },
  ruleDigestName: { en: 'Thread digest', fr: 'Résumé de la discussion' },
  ruleDigestDescription: {
    en: 'Who said what last, open checklist items, unanswered mentions, current status and since when.',
    fr: 'Qui a dit quoi en dernier, points de checklist ouverts, mentions sans réponse, statut actuel et depuis quand.',
  },
  ruleDigestQuotes: { en: 'Quotes', fr: 'Citations' },
  ruleDigestQuotesHint: { en: 'Last messages quoted in the digest.', fr: 'Derniers messages cités dans le résumé.' },
  ruleDigestQuoteLength: { en: 'Quote length (characters)', fr: 'Longueur des citations (caractères)' },
  ruleDigestQuoteLengthHint: { en: 'Longer messages are cut.', fr: 'Les messages plus longs sont coupés.' },
  ruleUnassignedName: { en: 'Unassigned', fr: 'Non assignées' },
  ruleUnassignedDescription: {
    en: 'Open tasks without assignee; proposes the department member with the least open work.',
    fr: 'Tâches ouvertes sans personne assignée ; propose le membre du département le moins chargé.',
  },
  ruleUnassignedUrgent: { en: 'Urgent when due within (days)', fr: 'Urgent si l’échéance est dans moins de (jours)' },
  ruleUnassignedUrgentHint: {
    en: 'Unassigned tasks due this soon are warnings.',
    fr: 'Les tâches non assignées dont l’échéance est aussi proche sont signalées.',
  },
  settingRecentHuman: { en: 'Recent human decisions (days)', fr: 'Décisions humaines récentes (jours)' },
  settingRecentHumanHint: {
    en: 'Plans leave out a task whose assignment, dates or estimate a person changed in the last N days, and say so. 0 = off. It reads Kitsu’s event log, which only a production manager’s or an admin’s token may read: where Sidekick’s token may not, the Suggestions panel says the guard is not working there.',
    fr: 'Les plans laissent de côté, en le signalant, une tâche dont une personne a changé l’assignation, les dates ou l’estimation dans les N derniers jours. 0 = désactivé. Ce garde-fou lit le journal d’événements de Kitsu, que seul le jeton d’un chef de production ou d’un administrateur peut lire : là où le jeton de Sidekick ne le peut pas, le panneau Suggestions indique que le garde-fou n’y fonctionne pas.',
  },
  settingMinutesPerDay: { en: 'Working time per day (minutes)', fr: 'Temps de travail par jour (minutes)' },
  settingMinutesPerDayHint: {
    en: 'Capacity of a person per working day, for workloads and overload.',
    fr: 'Capacité d’une personne par jour travaillé, pour la charge et la surcharge.',
  },
});
