// The reasons of the workload rules (unassigned, overload), beside reasons.ts for the file's size; the
// same rules apply: panel text only, never the comments posted to Kitsu.
import { defineMessages } from '../catalog';

const plural = (en: [string, string], fr: [string, string]) => ({
  en: { one: en[0], other: en[1] },
  fr: { one: fr[0], other: fr[1] },
});

export const workloadReasonMessages = defineMessages({
  // Unassigned.
  reasonUnassignedTitle: plural(
    ['{count} unassigned {type} task', '{count} unassigned {type} tasks'],
    ['{count} tâche {type} non assignée', '{count} tâches {type} non assignées'],
  ),
  reasonUnassignedTasks: plural(
    ['{count} open {type} task without assignee: {tasks}.', '{count} open {type} tasks without assignee: {tasks}.'],
    [
      '{count} tâche {type} ouverte sans personne assignée : {tasks}.',
      '{count} tâches {type} ouvertes sans personne assignée : {tasks}.',
    ],
  ),
  reasonUnassignedDue: { en: '{entity} (due {date})', fr: '{entity} (échéance {date})' },
  reasonUnassignedItsDepartment: { en: 'its department', fr: 'son département' },
  reasonUnassignedWholeTeam: {
    en: 'the team ({type} has no department)',
    fr: 'l’équipe ({type} n’a pas de département)',
  },
  reasonUnassignedNobody: {
    en: 'Nobody in {department} can take them: no proposal.',
    fr: 'Personne dans {department} ne peut les prendre : aucune proposition.',
  },
  reasonUnassignedLoads: {
    en: 'Open estimated work in {department}: {loads}.',
    fr: 'Travail estimé en cours dans {department} : {loads}.',
  },
  reasonUnassignedLoad: plural(
    ['{person}: {work}, {count} open task{unestimated}', '{person}: {work}, {count} open tasks{unestimated}'],
    [
      '{person} : {work}, {count} tâche ouverte{unestimated}',
      '{person} : {work}, {count} tâches ouvertes{unestimated}',
    ],
  ),
  reasonUnassignedUnestimated: { en: ' ({count} without estimate)', fr: ' ({count} sans estimation)' },
  reasonUnassignedProposal: {
    en: '{task} ({estimate}) → {person}, who has the least open work: {load}.',
    fr: '{task} ({estimate}) → {person}, la personne la moins chargée : {load}.',
  },
  reasonUnassignedNoEstimate: { en: 'no estimate', fr: 'sans estimation' },
  reasonUnassignedPlan: plural(
    ['Assign {count} {type} task', 'Assign {count} {type} tasks'],
    ['Assigner {count} tâche {type}', 'Assigner {count} tâches {type}'],
  ),

  // Overload.
  reasonOverloadTitle: {
    en: '{person} is overloaded by {excess} before {date}',
    fr: '{person} est en surcharge de {excess} avant le {date}',
  },
  reasonOverloadBreach: plural(
    [
      '{person} has {work} of open estimated work due by {date}, but {capacity} of working time until then ({count} working day{off}): {excess} too much.',
      '{person} has {work} of open estimated work due by {date}, but {capacity} of working time until then ({count} working days{off}): {excess} too much.',
    ],
    [
      '{person} a {work} de travail estimé en cours à rendre d’ici le {date}, mais {capacity} de temps de travail d’ici là ({count} jour ouvré{off}) : {excess} de trop.',
      '{person} a {work} de travail estimé en cours à rendre d’ici le {date}, mais {capacity} de temps de travail d’ici là ({count} jours ouvrés{off}) : {excess} de trop.',
    ],
  ),
  reasonOverloadDaysOff: plural(
    [', {count} day off in Kitsu left out', ', {count} days off in Kitsu left out'],
    [', hors {count} jour d’absence dans Kitsu', ', hors {count} jours d’absence dans Kitsu'],
  ),
  reasonOverloadNoRoom: {
    en: '{task}: nobody in its department has room for it before {date}.',
    fr: '{task} : personne dans son département n’a de place pour elle avant le {date}.',
  },
  reasonOverloadMove: {
    en: 'Move {task} ({work}, due {date}) to {person}, who has {load} of open work and room for it.',
    fr: 'Déplacer {task} ({work}, échéance le {date}) vers {person}, qui a {load} de travail en cours et de la place pour elle.',
  },
  reasonOverloadAllStarted: {
    en: 'Every task due by then has started: nothing is proposed to move.',
    fr: 'Toutes les tâches à rendre d’ici là ont commencé : aucun déplacement n’est proposé.',
  },
  reasonOverloadPlan: { en: "Rebalance {person}'s work", fr: 'Rééquilibrer le travail de {person}' },
});
