// The suggestions' titles, reasons and plan titles as the Suggestions panel shows them (lib/agent/rules,
// lib/agent/helpers). The comments the rules' plans post to Kitsu are not here: they stay as written.
import { defineMessages } from '../catalog';

const plural = (en: [string, string], fr: [string, string]) => ({
  en: { one: en[0], other: en[1] },
  fr: { one: fr[0], other: fr[1] },
});

export const reasonMessages = defineMessages({
  // Shared by several rules.
  reasonDays: plural(['{count} day', '{count} days'], ['{count} jour', '{count} jours']),
  reasonAssignedTo: { en: 'Assigned to {people}.', fr: 'Assignée à {people}.' },
  reasonQuote: { en: '“{text}”', fr: '« {text} »' },
  reasonWorkHours: { en: '{hours} h', fr: '{hours} h' },
  reasonWorkDays: { en: '{days} d ({hours} h)', fr: '{days} j ({hours} h)' },
  reasonUnknownStatus: { en: 'an unknown status', fr: 'un statut inconnu' },

  // A task left out of a plan because a person changed it recently (helpers.leftOutText).
  reasonLeftOut: plural(
    [
      '{task}: {what} by {person} {when} ({date}), within the last {count} days: left out of the plan to respect that decision.',
      '{task}: {what} by {person} {when} ({date}), within the last {count} days: left out of the plan to respect that decision.',
    ],
    [
      '{task} : {what} par {person} {when} ({date}), depuis moins de {count} jour : écartée du plan pour respecter cette décision.',
      '{task} : {what} par {person} {when} ({date}), dans les {count} derniers jours : écartée du plan pour respecter cette décision.',
    ],
  ),
  reasonChangedStatus: { en: 'its status was changed', fr: 'son statut a été modifié' },
  reasonChangedAssignees: { en: 'its assignment was changed', fr: 'son assignation a été modifiée' },
  reasonChangedDates: { en: 'its dates were changed', fr: 'ses dates ont été modifiées' },
  reasonChangedEstimation: { en: 'its estimate was changed', fr: 'son estimation a été modifiée' },
  reasonChangedPriority: { en: 'its priority was changed', fr: 'sa priorité a été modifiée' },
  reasonChangedInexact: {
    en: 'its dates, estimate or priority were changed (Kitsu’s log does not say which)',
    fr: 'ses dates, son estimation ou sa priorité ont été modifiées (le journal de Kitsu ne précise pas lesquelles)',
  },
  reasonSomeone: { en: 'someone', fr: 'quelqu’un' },
  reasonToday: { en: 'today', fr: 'aujourd’hui' },
  reasonYesterday: { en: 'yesterday', fr: 'hier' },
  reasonDaysAgo: plural(['{count} day ago', '{count} days ago'], ['il y a {count} jour', 'il y a {count} jours']),

  // Overdue.
  reasonOverdueTitle: plural(
    ['{task} is {count} day overdue', '{task} is {count} days overdue'],
    ['{task} a {count} jour de retard', '{task} a {count} jours de retard'],
  ),
  reasonOverdueDue: plural(
    ['Due on {date}, {count} day ago, and still {status}.', 'Due on {date}, {count} days ago, and still {status}.'],
    [
      'Échéance le {date}, il y a {count} jour, et toujours au statut {status}.',
      'Échéance le {date}, il y a {count} jours, et toujours au statut {status}.',
    ],
  ),
  reasonOverdueNobody: {
    en: 'Nobody is assigned: there is nobody to remind.',
    fr: 'Personne n’est assigné : il n’y a personne à relancer.',
  },
  reasonOverduePlan: { en: 'Remind the assignees of {task}', fr: 'Relancer les personnes assignées à {task}' },
  reasonOverdueNewDuePlan: { en: 'New due date for {task}', fr: 'Nouvelle échéance pour {task}' },

  // Stale work in progress.
  reasonStaleTitle: plural(
    [
      '{task} has been in progress without an update for {count} day',
      '{task} has been in progress without an update for {count} days',
    ],
    [
      '{task} est en cours sans nouvelles depuis {count} jour',
      '{task} est en cours sans nouvelles depuis {count} jours',
    ],
  ),
  reasonStaleIdle: plural(
    [
      '{status} with no comment or time logged since {date} ({what}), {count} day ago; the threshold is {threshold}.',
      '{status} with no comment or time logged since {date} ({what}), {count} days ago; the threshold is {threshold}.',
    ],
    [
      '{status} sans commentaire ni temps saisi depuis le {date} ({what}), il y a {count} jour ; le seuil est de {threshold}.',
      '{status} sans commentaire ni temps saisi depuis le {date} ({what}), il y a {count} jours ; le seuil est de {threshold}.',
    ],
  ),
  reasonStaleLastComment: { en: 'last comment', fr: 'dernier commentaire' },
  reasonStaleLastTimeLog: { en: 'last time logged', fr: 'dernier temps saisi' },
  reasonStaleWentWip: { en: 'went WIP', fr: 'passage en WIP' },
  reasonStaleNobody: {
    en: 'Nobody is assigned: there is nobody to check in with.',
    fr: 'Personne n’est assigné : il n’y a personne à qui demander des nouvelles.',
  },
  reasonStalePlan: { en: 'Check in on {task}', fr: 'Prendre des nouvelles de {task}' },

  // Retake loop.
  reasonRetakeTitle: plural(
    ['{task} has been retaken {count} time', '{task} has been retaken {count} times'],
    ['{task} est passée {count} fois en retake', '{task} est passée {count} fois en retake'],
  ),
  reasonRetakeCount: plural(
    [
      'Retaken {count} time: the threshold is {threshold}{limit}. Now {status}.',
      'Retaken {count} times: the threshold is {threshold}{limit}. Now {status}.',
    ],
    [
      'Passée {count} fois en retake : le seuil est de {threshold}{limit}. Statut actuel : {status}.',
      'Passée {count} fois en retake : le seuil est de {threshold}{limit}. Statut actuel : {status}.',
    ],
  ),
  reasonRetakeProductionMax: { en: ', the production allows {max}', fr: ', la production en autorise {max}' },
  reasonRetakeMaxReached: { en: ' (maximum reached)', fr: ' (maximum atteint)' },
  reasonRetakeHistory: {
    en: 'Retake {position} on {date} by {person}',
    fr: 'Retake {position} le {date} par {person}',
  },
  reasonRetakeHistoryQuoted: {
    en: 'Retake {position} on {date} by {person}: {quote}',
    fr: 'Retake {position} le {date} par {person} : {quote}',
  },

  // Start on WIP.
  reasonStartTitle: plural(
    ['{count} task in progress without a start date', '{count} tasks in progress without a start date'],
    ['{count} tâche en cours sans date de début', '{count} tâches en cours sans date de début'],
  ),
  reasonStartWentWip: {
    en: '{task} went WIP on {date} and has no start date.',
    fr: '{task} est passée en WIP le {date} et n’a pas de date de début.',
  },
  reasonStartUnknownDay: {
    en: '{task} is {status} without a start date; the day it went WIP is unknown.',
    fr: '{task} est au statut {status} sans date de début ; le jour de son passage en WIP est inconnu.',
  },
  reasonStartPlan: plural(
    [
      'Set the start date of {count} task to the day they went WIP',
      'Set the start date of {count} tasks to the day they went WIP',
    ],
    [
      'Mettre la date de début de {count} tâche au jour de son passage en WIP',
      'Mettre la date de début de {count} tâches au jour de leur passage en WIP',
    ],
  ),

  // Review backlog.
  reasonBacklogTitle: plural(
    [
      '{department}: {count} task waiting for review for more than {days} (oldest {oldest})',
      '{department}: {count} tasks waiting for review for more than {days} (oldest {oldest})',
    ],
    [
      '{department} : {count} tâche en attente de validation depuis plus de {days} (la plus ancienne : {oldest} j)',
      '{department} : {count} tâches en attente de validation depuis plus de {days} (la plus ancienne : {oldest} j)',
    ],
  ),
  reasonBacklogTask: {
    en: '{task}: {status} since {date} ({days}).',
    fr: '{task} : {status} depuis le {date} ({days}).',
  },
  reasonBacklogTaskBy: {
    en: '{task}: {status} since {date} ({days}), by {people}.',
    fr: '{task} : {status} depuis le {date} ({days}), par {people}.',
  },
  reasonBacklogReviewers: {
    en: 'Reviewers ({department} supervisors): {people}.',
    fr: 'À valider par (superviseurs {department}) : {people}.',
  },
  reasonBacklogPlaylist: {
    en: 'Playlist order, oldest first: {tasks}.',
    fr: 'Ordre de la playlist, la plus ancienne d’abord : {tasks}.',
  },
  reasonBacklogSomeDepartment: { en: 'Department', fr: 'Département' },
  reasonBacklogNoDepartment: { en: 'No department', fr: 'Sans département' },

  // Why the recent-human-decisions guard could not run (lib/agent/human-changes), shown on the panel.
  reasonGuardOff: {
    en: 'The recent human decisions guard is off (0 days).',
    fr: 'La protection des décisions humaines récentes est désactivée (0 jour).',
  },
  reasonGuardNotManager: {
    en: 'Kitsu shows its event log to production managers only; Sidekick’s token is not one here.',
    fr: 'Kitsu ne montre son journal d’événements qu’aux responsables de production ; le jeton de Sidekick n’en est pas un ici.',
  },
  reasonGuardRefused: {
    en: 'Kitsu refused to show its event log to Sidekick’s token (403).',
    fr: 'Kitsu a refusé de montrer son journal d’événements au jeton de Sidekick (403).',
  },
  reasonGuardUnreadable: {
    en: 'Kitsu’s event log could not be read: {error}',
    fr: 'Le journal d’événements de Kitsu n’a pas pu être lu : {error}',
  },

  // Why the panel refuses a request (lib/agent/handlers).
  reasonRefusedNotProductionPage: {
    en: 'Suggestions are made on production pages: lists, task types, entities, tasks.',
    fr: 'Les suggestions sont faites sur les pages de production : listes, types de tâche, entités, tâches.',
  },
  reasonRefusedGone: {
    en: 'This suggestion no longer applies: Kitsu changed since it was shown.',
    fr: 'Cette suggestion ne s’applique plus : Kitsu a changé depuis son affichage.',
  },
  reasonRefusedNoPlan: {
    en: 'This suggestion is information only: it has no plan.',
    fr: 'Cette suggestion est une simple information : elle n’a pas de plan.',
  },
  reasonRefusedRole: {
    en: 'Sidekick’s Kitsu role cannot run this plan (it needs {role}).',
    fr: 'Le rôle Kitsu de Sidekick ne permet pas d’exécuter ce plan (il faut {role}).',
  },
  // Missing estimates or dates.
  reasonMissingTitle: plural(
    [
      '{count} {type} {entity} task missing an estimate or dates',
      '{count} {type} {entity} tasks missing an estimate or dates',
    ],
    [
      '{count} tâche {type} {entity} sans estimation ou sans dates',
      '{count} tâches {type} {entity} sans estimation ou sans dates',
    ],
  ),
  reasonMissingEstimate: plural(
    ['{count} task without estimate: {entities}.', '{count} tasks without estimate: {entities}.'],
    ['{count} tâche sans estimation : {entities}.', '{count} tâches sans estimation : {entities}.'],
  ),
  reasonMissingStart: plural(
    ['{count} task without start date: {entities}.', '{count} tasks without start date: {entities}.'],
    ['{count} tâche sans date de début : {entities}.', '{count} tâches sans date de début : {entities}.'],
  ),
  reasonMissingDue: plural(
    ['{count} task without due date: {entities}.', '{count} tasks without due date: {entities}.'],
    ['{count} tâche sans échéance : {entities}.', '{count} tâches sans échéance : {entities}.'],
  ),
  reasonMissingMedianEstimate: plural(
    [
      'Median estimate of {count} {type} {entity} task: {work}.',
      'Median estimate of {count} {type} {entity} tasks: {work}.',
    ],
    [
      'Estimation médiane sur {count} tâche {type} {entity} : {work}.',
      'Estimation médiane sur {count} tâches {type} {entity} : {work}.',
    ],
  ),
  reasonMissingFewEstimates: plural(
    [
      'Only {count} estimated {type} {entity} task: {needed} are needed to propose an estimate.',
      'Only {count} estimated {type} {entity} tasks: {needed} are needed to propose an estimate.',
    ],
    [
      'Seulement {count} tâche {type} {entity} estimée : il en faut {needed} pour proposer une estimation.',
      'Seulement {count} tâches {type} {entity} estimées : il en faut {needed} pour proposer une estimation.',
    ],
  ),
  reasonMissingMedianSpan: plural(
    [
      'Median time from start to due date of {count} similar task: {days}.',
      'Median time from start to due date of {count} similar tasks: {days}.',
    ],
    [
      'Durée médiane du début à l’échéance sur {count} tâche similaire : {days}.',
      'Durée médiane du début à l’échéance sur {count} tâches similaires : {days}.',
    ],
  ),
  reasonMissingFewSpans: plural(
    [
      'Only {count} similar task with both dates: {needed} are needed to propose dates.',
      'Only {count} similar tasks with both dates: {needed} are needed to propose dates.',
    ],
    [
      'Seulement {count} tâche similaire avec les deux dates : il en faut {needed} pour proposer des dates.',
      'Seulement {count} tâches similaires avec les deux dates : il en faut {needed} pour proposer des dates.',
    ],
  ),
  reasonMissingNoAnchor: {
    en: '{task} has neither a start nor a due date: no date to count from.',
    fr: '{task} n’a ni date de début ni échéance : aucune date de départ pour le calcul.',
  },
  reasonMissingPlan: {
    en: 'Fill estimates and dates of {type} {entity} tasks',
    fr: 'Compléter les estimations et les dates des tâches {type} {entity}',
  },

  // Priority drift.
  reasonPriority1: { en: 'high', fr: 'haute' },
  reasonPriority2: { en: 'very high', fr: 'très haute' },
  reasonPriority3: { en: 'emergency', fr: 'urgente' },
  reasonPriorityIdleTitle: plural(
    [
      '{task} is {priority} priority but has not moved for {count} day',
      '{task} is {priority} priority but has not moved for {count} days',
    ],
    [
      '{task} est en priorité {priority} mais n’a pas bougé depuis {count} jour',
      '{task} est en priorité {priority} mais n’a pas bougé depuis {count} jours',
    ],
  ),
  reasonPriorityIdle: plural(
    [
      'Priority {priority}, {status}; {movement}, {count} day ago (threshold {threshold}).',
      'Priority {priority}, {status}; {movement}, {count} days ago (threshold {threshold}).',
    ],
    [
      'Priorité {priority}, {status} ; {movement}, il y a {count} jour (seuil : {threshold}).',
      'Priorité {priority}, {status} ; {movement}, il y a {count} jours (seuil : {threshold}).',
    ],
  ),
  reasonPriorityLastMoved: { en: 'last movement on {date}', fr: 'dernier mouvement le {date}' },
  reasonPriorityNeverMoved: {
    en: 'no movement since its planned start on {date}',
    fr: 'aucun mouvement depuis son début prévu le {date}',
  },
  reasonPriorityBlockingTitle: plural(
    ['{task} (normal priority) holds up {count} later task', '{task} (normal priority) holds up {count} later tasks'],
    [
      '{task} (priorité normale) bloque {count} tâche suivante',
      '{task} (priorité normale) bloque {count} tâches suivantes',
    ],
  ),
  reasonPriorityBlocking: {
    en: '{task} is {status}; these later steps have not started: {tasks}. Consider raising its priority.',
    fr: '{task} est au statut {status} ; ces étapes suivantes n’ont pas commencé : {tasks}. Envisagez d’augmenter sa priorité.',
  },
  reasonPriorityBlockingIn: {
    en: '{task} is {status} in {sequence}; these later steps have not started: {tasks}. Consider raising its priority.',
    fr: '{task} est au statut {status} dans {sequence} ; ces étapes suivantes n’ont pas commencé : {tasks}. Envisagez d’augmenter sa priorité.',
  },

  // Thread digest.
  reasonDigestTitle: { en: 'Thread: {parts}', fr: 'Fil : {parts}' },
  reasonDigestComments: plural(
    ['{count} comment', '{count} comments'],
    ['{count} commentaire', '{count} commentaires'],
  ),
  reasonDigestLastBy: { en: 'last by {person} on {date}', fr: 'le dernier de {person} le {date}' },
  reasonDigestOpenItems: plural(
    ['{count} open checklist item', '{count} open checklist items'],
    ['{count} point de checklist ouvert', '{count} points de checklist ouverts'],
  ),
  reasonDigestUnanswered: plural(
    ['{count} unanswered mention', '{count} unanswered mentions'],
    ['{count} mention sans réponse', '{count} mentions sans réponse'],
  ),
  reasonDigestStatus: { en: 'Status: {status}.', fr: 'Statut : {status}.' },
  reasonDigestStatusSince: {
    en: 'Status: {status} since {date} ({days}).',
    fr: 'Statut : {status} depuis le {date} ({days}).',
  },
  reasonDigestSaid: { en: '{person}, {date}: {quote}', fr: '{person}, {date} : {quote}' },
  reasonDigestOpenItem: {
    en: 'Open checklist item ({person}, {date}): {quote}',
    fr: 'Point de checklist ouvert ({person}, {date}) : {quote}',
  },
  reasonDigestUnansweredMention: plural(
    [
      '{person} was mentioned by {author} on {date} ({count} day ago) and has not answered.',
      '{person} was mentioned by {author} on {date} ({count} days ago) and has not answered.',
    ],
    [
      '{person} a été mentionné par {author} le {date} (il y a {count} jour) et n’a pas répondu.',
      '{person} a été mentionné par {author} le {date} (il y a {count} jours) et n’a pas répondu.',
    ],
  ),
});
