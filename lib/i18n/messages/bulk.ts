// The bulk operations (lib/bulk/operations): their names and fields in the dock's bulk panel, the titles
// of the plans they build, and why they refuse an input. Titles take {tasks} from bulkOpTasks, so that
// each count has its plural form in one place.
import { defineMessages } from '../catalog';

const plural = (en: [string, string], fr: [string, string]) => ({
  en: { one: en[0], other: en[1] },
  fr: { one: fr[0], other: fr[1] },
});

export const bulkMessages = defineMessages({
  bulkOpTasks: plural(['{count} task', '{count} tasks'], ['{count} tâche', '{count} tâches']),
  bulkOpWipTasks: plural(
    ['{count} WIP task', '{count} WIP tasks'],
    ['{count} tâche en cours', '{count} tâches en cours'],
  ),
  bulkOpWorkingDays: plural(
    ['{count} working day', '{count} working days'],
    ['{count} jour ouvré', '{count} jours ouvrés'],
  ),

  // What every operation shares.
  bulkOpSelectTask: { en: 'Select at least one task.', fr: 'Sélectionnez au moins une tâche.' },
  bulkOpSeveralProductions: {
    en: 'These tasks belong to several productions: build one plan per production.',
    fr: 'Ces tâches appartiennent à plusieurs productions : faites un plan par production.',
  },
  bulkOpInvalidInput: {
    en: '“{field}” is not a valid input of “{operation}”.',
    fr: '« {field} » n’est pas une entrée valide de « {operation} ».',
  },
  bulkOpInvalidSettings: { en: 'These settings are not valid.', fr: 'Ces réglages ne sont pas valides.' },
  bulkOpSomeone: { en: 'someone', fr: 'quelqu’un' },
  bulkOpTaskFallback: { en: 'task', fr: 'tâche' },
  bulkOpExpectedDay: { en: 'expected a YYYY-MM-DD date', fr: 'date attendue au format AAAA-MM-JJ' },
  bulkOpPickPerson: { en: 'pick a person', fr: 'choisir une personne' },
  bulkOpPickPersonRequired: { en: 'Pick a person.', fr: 'Choisissez une personne.' },
  bulkOpAssignedToNone: {
    en: '{person} is assigned to none of the selected tasks.',
    fr: 'Aucune des tâches sélectionnées n’est assignée à {person}.',
  },

  // Comment, and comment and set status.
  bulkOpCommentStatus: { en: 'Comment and set status', fr: 'Commenter et changer le statut' },
  bulkOpComment: { en: 'Comment without changing the status', fr: 'Commenter sans changer le statut' },
  bulkOpSetStatus: { en: 'Set status', fr: 'Changer le statut' },
  bulkOpKeepStatus: { en: 'keep each task’s status', fr: 'garder le statut de chaque tâche' },
  bulkOpCommentField: { en: 'Comment', fr: 'Commentaire' },
  bulkOpCommentHint: {
    en: '{entity}, {task_type} and {assignee} are replaced per task',
    fr: '{entity}, {task_type} et {assignee} sont remplacés pour chaque tâche',
  },
  bulkOpWriteComment: { en: 'Write the comment.', fr: 'Écrivez le commentaire.' },
  bulkOpNobody: { en: 'nobody', fr: 'personne' },
  bulkOpAnotherStatus: { en: 'another status', fr: 'un autre statut' },
  bulkOpTitleCommentStatus: {
    en: 'Comment and set {status} on {tasks}',
    fr: 'Commenter {tasks} et passer au statut {status}',
  },
  bulkOpTitleComment: { en: 'Comment on {tasks}', fr: 'Commenter {tasks}' },

  // Assign, unassign, replace.
  bulkOpAssign: { en: 'Assign a person', fr: 'Assigner une personne' },
  bulkOpAssignField: { en: 'Assign', fr: 'Assigner' },
  bulkOpTitleAssign: { en: 'Assign {person} to {tasks}', fr: 'Assigner {person} à {tasks}' },
  bulkOpAlreadyAssigned: {
    en: '{person} is already assigned to every selected task.',
    fr: 'Toutes les tâches sélectionnées sont déjà assignées à {person}.',
  },
  bulkOpNoticeLabel: {
    en: 'Comment to the new assignee (optional)',
    fr: 'Commentaire pour la personne assignée (facultatif)',
  },
  bulkOpNoticeHint: {
    en: 'Kitsu does not tell people they were assigned: this comment @mentions them on each task. Empty: no comment.',
    fr: 'Kitsu ne prévient pas les personnes assignées : ce commentaire les @mentionne sur chaque tâche. Vide : pas de commentaire.',
  },
  bulkOpUnassign: { en: 'Unassign one person', fr: 'Désassigner une personne' },
  bulkOpUnassignField: { en: 'Unassign', fr: 'Désassigner' },
  bulkOpTitleUnassign: { en: 'Unassign {person} from {tasks}', fr: 'Désassigner {person} de {tasks}' },
  bulkOpReplaceAssignee: { en: 'Replace an assignee by another', fr: 'Remplacer une personne assignée par une autre' },
  bulkOpReplaceField: { en: 'Replace', fr: 'Remplacer' },
  bulkOpByField: { en: 'By', fr: 'Par' },
  bulkOpPickReplaced: { en: 'Pick the person to replace.', fr: 'Choisissez la personne à remplacer.' },
  bulkOpPickReplacement: { en: 'Pick who replaces them.', fr: 'Choisissez qui la remplace.' },
  bulkOpPickTwoPeople: { en: 'Pick two different people.', fr: 'Choisissez deux personnes différentes.' },
  bulkOpTitleReplace: { en: 'Replace {from} by {to} on {tasks}', fr: 'Remplacer {from} par {to} sur {tasks}' },

  // Set or shift dates, start WIP tasks.
  bulkOpSetDates: { en: 'Set or shift dates', fr: 'Fixer ou décaler les dates' },
  bulkOpDatesField: { en: 'Dates', fr: 'Dates' },
  bulkOpShiftMode: { en: 'Shift by working days', fr: 'Décaler de jours ouvrés' },
  bulkOpSetMode: { en: 'Set to given dates', fr: 'Fixer des dates précises' },
  bulkOpWorkingDaysField: { en: 'Working days', fr: 'Jours ouvrés' },
  bulkOpWorkingDaysHint: {
    en: 'negative: earlier; weekends and days off are skipped',
    fr: 'négatif : plus tôt ; les week-ends et jours d’absence sont sautés',
  },
  bulkOpGiveWorkingDays: { en: 'Give the number of working days.', fr: 'Indiquez le nombre de jours ouvrés.' },
  bulkOpStartDates: { en: 'Start dates', fr: 'Dates de début' },
  bulkOpDueDates: { en: 'Due dates', fr: 'Échéances' },
  bulkOpStartDate: { en: 'Start date', fr: 'Date de début' },
  bulkOpDueDate: { en: 'Due date', fr: 'Échéance' },
  bulkOpEmptyUnchanged: { en: 'empty: unchanged', fr: 'vide : inchangée' },
  bulkOpGiveDate: { en: 'Give a start or a due date.', fr: 'Indiquez une date de début ou une échéance.' },
  bulkOpShiftAtLeast: { en: 'Shift by at least one working day.', fr: 'Décalez d’au moins un jour ouvré.' },
  bulkOpShiftAtMost: { en: 'Shift by at most 365 working days.', fr: 'Décalez de 365 jours ouvrés au plus.' },
  bulkOpShiftWhich: {
    en: 'Shift the start date, the due date, or both.',
    fr: 'Décalez la date de début, l’échéance, ou les deux.',
  },
  bulkOpTitleSetDates: { en: 'Set dates on {tasks}', fr: 'Fixer les dates de {tasks}' },
  bulkOpTitleShiftLater: { en: 'Move dates {days} later on {tasks}', fr: 'Repousser de {days} les dates de {tasks}' },
  bulkOpTitleShiftEarlier: { en: 'Move dates {days} earlier on {tasks}', fr: 'Avancer de {days} les dates de {tasks}' },
  bulkOpSameDates: {
    en: 'The selected tasks already have these dates.',
    fr: 'Les tâches sélectionnées ont déjà ces dates.',
  },
  bulkOpNoDatesToShift: {
    en: 'None of the selected tasks has the dates to shift.',
    fr: 'Aucune des tâches sélectionnées n’a les dates à décaler.',
  },
  bulkOpStartWip: {
    en: 'Set a start date on WIP tasks without one',
    fr: 'Donner une date de début aux tâches en cours qui n’en ont pas',
  },
  bulkOpEmptyToday: { en: 'empty: today', fr: 'vide : aujourd’hui' },
  bulkOpTitleStartWip: { en: 'Set start date {date} on {tasks}', fr: 'Fixer la date de début au {date} sur {tasks}' },
  bulkOpNoWipWithoutStart: {
    en: 'No selected task is in progress without a start date.',
    fr: 'Aucune tâche sélectionnée n’est en cours sans date de début.',
  },

  // Estimates and priority.
  bulkOpSetEstimate: { en: 'Set estimates', fr: 'Fixer les estimations' },
  bulkOpEstimateField: { en: 'Estimate', fr: 'Estimation' },
  bulkOpFixedEstimate: { en: 'A fixed estimate', fr: 'Une estimation fixe' },
  bulkOpMedianEstimate: { en: 'The median of similar tasks', fr: 'La médiane des tâches similaires' },
  bulkOpHoursField: { en: 'Hours', fr: 'Heures' },
  bulkOpGiveHours: { en: 'Give the estimate in hours.', fr: 'Indiquez l’estimation en heures.' },
  bulkOpOnlyMissing: { en: 'Only tasks without an estimate', fr: 'Seulement les tâches sans estimation' },
  bulkOpTitleFixedEstimate: {
    en: 'Set a {minutes} min estimate on {tasks}',
    fr: 'Fixer une estimation de {minutes} min sur {tasks}',
  },
  bulkOpTitleMedianEstimate: {
    en: 'Set the median estimate of similar tasks on {tasks}',
    fr: 'Fixer l’estimation médiane des tâches similaires sur {tasks}',
  },
  bulkOpNoMedian: {
    en: 'No selected task needs an estimate that similar tasks could give.',
    fr: 'Aucune tâche sélectionnée n’a besoin d’une estimation que des tâches similaires pourraient donner.',
  },
  bulkOpSameEstimate: {
    en: 'The selected tasks already have this estimate.',
    fr: 'Les tâches sélectionnées ont déjà cette estimation.',
  },
  bulkOpSetPriority: { en: 'Set priority', fr: 'Changer la priorité' },
  bulkOpPriorityField: { en: 'Priority', fr: 'Priorité' },
  bulkOpTitleSetPriority: { en: 'Set priority {priority} on {tasks}', fr: 'Passer {tasks} en priorité {priority}' },
  bulkOpSamePriority: {
    en: 'The selected tasks already have the priority {priority}.',
    fr: 'Les tâches sélectionnées ont déjà la priorité {priority}.',
  },
});
