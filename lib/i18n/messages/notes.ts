// The notes pure lib code writes for people: the confirm window's impact notes (lib/plans/impact), what
// undo cannot take back (lib/plans/undo) and the read-back lines of the audit log (lib/plans/executor,
// lib/plans/read-back-report). The comments Sidekick posts to Kitsu are not here: they stay as written.
import { defineMessages } from '../catalog';

const plural = (en: [string, string], fr: [string, string]) => ({
  en: { one: en[0], other: en[1] },
  fr: { one: fr[0], other: fr[1] },
});

export const noteMessages = defineMessages({
  noteItemStatePending: { en: 'pending', fr: 'en attente' },
  noteItemStateStarted: { en: 'started', fr: 'commencé' },
  noteItemStateFailed: { en: 'failed', fr: 'échoué' },
  noteItemStateSkipped: { en: 'skipped', fr: 'ignoré' },
  // The confirm window's warnings about the whole plan (impact.computeImpact).
  noteHashtagCopies: plural(
    [
      '{count} comment contains a #hashtag: Kitsu will copy it to sibling tasks (escape the hashtags to avoid it).',
      '{count} comments contain a #hashtag: Kitsu will copy them to sibling tasks (escape the hashtags to avoid it).',
    ],
    [
      '{count} commentaire contient un #hashtag : Kitsu le copiera sur les tâches sœurs (neutralisez les hashtags pour l’éviter).',
      '{count} commentaires contiennent un #hashtag : Kitsu les copiera sur les tâches sœurs (neutralisez les hashtags pour l’éviter).',
    ],
  ),
  noteAutomations: plural(
    [
      '{count} operation may trigger status automations on other tasks.',
      '{count} operations may trigger status automations on other tasks.',
    ],
    [
      '{count} opération peut déclencher des automatisations de statut sur d’autres tâches.',
      '{count} opérations peuvent déclencher des automatisations de statut sur d’autres tâches.',
    ],
  ),
  noteBlockedOperations: plural(
    [
      '{count} operation will be skipped: the token is not allowed to perform them.',
      '{count} operations will be skipped: the token is not allowed to perform them.',
    ],
    [
      '{count} opération sera ignorée : le jeton n’a pas le droit de l’effectuer.',
      '{count} opérations seront ignorées : le jeton n’a pas le droit de les effectuer.',
    ],
  ),

  // Each operation's impact (impact.operationImpact, impact.automationsFor).
  noteTaskNotFound: { en: 'the task was not found in Kitsu', fr: 'la tâche est introuvable dans Kitsu' },
  noteAnotherTaskType: { en: 'another task type', fr: 'un autre type de tâche' },
  noteAnotherStatus: { en: 'another status', fr: 'un autre statut' },
  noteAutomationReadyFor: {
    en: 'May mark the asset ready for {taskType}.',
    fr: 'Peut marquer l’asset comme prêt pour {taskType}.',
  },
  noteAutomationSetStatus: {
    en: 'May set {taskType} to {status} on the same {entity} (automatic comment).',
    fr: 'Peut passer {taskType} en {status} sur ce même {entity} (commentaire automatique).',
  },

  // Why zou would refuse an operation to the token (lib/plans/permissions): the operation is skipped.
  notePermissionNotInTeam: {
    en: "the token's account is not in this production's team",
    fr: 'le compte du jeton ne fait pas partie de l’équipe de cette production',
  },
  notePermissionNotSupervisor: {
    en: "the token is neither a manager nor a supervisor of this task's department",
    fr: 'le jeton n’est ni manager ni superviseur du département de cette tâche',
  },
  notePermissionNotAssignee: {
    en: "the token is neither a manager nor a supervisor of this task's department, and not an assignee",
    fr: 'le jeton n’est ni manager ni superviseur du département de cette tâche, ni assigné à celle-ci',
  },
  notePermissionNoSharedDepartment: {
    en: "the token is neither a manager nor a supervisor of this task's department (or does not share a department with the assignee)",
    fr: 'le jeton n’est ni manager ni superviseur du département de cette tâche (ou ne partage aucun département avec la personne assignée)',
  },
  notePermissionArtistStatus: {
    en: 'artists may not set the status {status}',
    fr: 'les artistes ne peuvent pas mettre le statut {status}',
  },
  notePermissionClientStatus: {
    en: 'clients may not set the status {status}',
    fr: 'les clients ne peuvent pas mettre le statut {status}',
  },
  notePermissionBot: {
    en: 'bots cannot be assigned in this production',
    fr: 'les bots ne peuvent pas être assignés dans cette production',
  },

  // What undo cannot take back (undo.notUndoable).
  noteUndoTitle: { en: 'Undo: {title}', fr: 'Annulation : {title}' },
  noteUndoNotifications: plural(
    [
      'Notifications already sent for {count} comment (and e-mails or chat messages, where people enabled them) cannot be recalled.',
      'Notifications already sent for {count} comments (and e-mails or chat messages, where people enabled them) cannot be recalled.',
    ],
    [
      'Les notifications déjà envoyées pour {count} commentaire (et les e-mails ou messages de chat, là où ils sont activés) ne peuvent pas être rappelées.',
      'Les notifications déjà envoyées pour {count} commentaires (et les e-mails ou messages de chat, là où ils sont activés) ne peuvent pas être rappelées.',
    ],
  ),
  noteUndoStatusRecomputed: {
    en: 'Kitsu recomputes the status of each task from its remaining comments; where that is not the status before the job, Sidekick sets it back with a comment of its own, which notifies like any comment: every status the job changed ends as it was.',
    fr: 'Kitsu recalcule le statut de chaque tâche d’après ses commentaires restants ; s’il diffère du statut d’avant l’écriture, Sidekick le rétablit par un commentaire à lui, qui notifie comme tout commentaire : chaque statut modifié revient à ce qu’il était.',
  },
  noteUndoAutomationComments: {
    en: 'Comments that status automations posted on other tasks, if any fired, are not deleted.',
    fr: 'Les commentaires que des automatisations de statut ont pu poster sur d’autres tâches ne sont pas supprimés.',
  },
  noteUndoHashtagCopies: plural(
    [
      'Copies Kitsu made of {count} comment on sibling tasks (#hashtags) are not deleted.',
      'Copies Kitsu made of {count} comments on sibling tasks (#hashtags) are not deleted.',
    ],
    [
      'Les copies que Kitsu a faites de {count} commentaire sur les tâches sœurs (#hashtags) ne sont pas supprimées.',
      'Les copies que Kitsu a faites de {count} commentaires sur les tâches sœurs (#hashtags) ne sont pas supprimées.',
    ],
  ),
  noteUndoAssignments: plural(
    [
      'Assignment notifications already sent for {count} assignment cannot be recalled, and people Kitsu added to the production team stay in it.',
      'Assignment notifications already sent for {count} assignments cannot be recalled, and people Kitsu added to the production team stay in it.',
    ],
    [
      'Les notifications déjà envoyées pour {count} assignation ne peuvent pas être rappelées, et les personnes que Kitsu a ajoutées à l’équipe de la production y restent.',
      'Les notifications déjà envoyées pour {count} assignations ne peuvent pas être rappelées, et les personnes que Kitsu a ajoutées à l’équipe de la production y restent.',
    ],
  ),
  noteUndoDeletedComments: plural(
    ['{count} deleted comment cannot be restored.', '{count} deleted comments cannot be restored.'],
    [
      '{count} commentaire supprimé ne peut pas être restauré.',
      '{count} commentaires supprimés ne peuvent pas être restaurés.',
    ],
  ),

  // The audit log's read-back line (executor.reportRecord, read-back-report).
  noteReadBack: {
    en: 'Read back from Kitsu: {applied} applied, {skipped} skipped, {failed} failed{duplicates}.',
    fr: 'Relu dans Kitsu : {applied} appliquées, {skipped} ignorées, {failed} en échec{duplicates}.',
  },
  noteReadBackDuplicates: {
    en: '; {count} duplicate comment(s) deleted',
    fr: ' ; {count} commentaire(s) en double supprimé(s)',
  },
  noteReadBackDuplicateReceived: {
    en: '{task}: Kitsu had received the comment {times} times (a request sent again after its connection dropped); the later copy was deleted, its notifications had already gone out.',
    fr: '{task} : Kitsu avait reçu le commentaire {times} fois (une requête renvoyée après une coupure de connexion) ; la copie la plus récente a été supprimée, ses notifications étaient déjà parties.',
  },
  noteReadBackHeldButRecorded: {
    en: '{task}: recorded as {state}, but Kitsu holds the change.',
    fr: '{task} : noté « {state} » dans le journal, mais Kitsu contient la modification.',
  },
  noteReadBackAppliedButAbsent: {
    en: '{task}: recorded as applied, but Kitsu does not hold the change now.',
    fr: '{task} : noté comme appliqué, mais Kitsu ne contient plus la modification.',
  },

  // Why a file to publish matched a task, or did not (lib/publish/match).
  noteKindShot: { en: 'shot', fr: 'plan' },
  noteKindAsset: { en: 'asset', fr: 'asset' },
  noteKindSequence: { en: 'sequence', fr: 'séquence' },
  noteKindEdit: { en: 'edit', fr: 'montage' },
  noteKindEpisode: { en: 'episode', fr: 'épisode' },
  noteMatchPageEntity: { en: "{name} is the page's {kind}", fr: '{name} est l’élément de la page ({kind})' },
  noteMatchNamesEntity: { en: 'names {kind} {name}', fr: 'nomme {name} ({kind})' },
  noteMatchNamesEntityPadding: {
    en: 'names {kind} {name} (other zero padding)',
    fr: 'nomme {name} ({kind}, autres zéros de tête)',
  },
  noteMatchSequence: { en: 'and its sequence {sequence}', fr: 'et sa séquence {sequence}' },
  noteMatchEpisode: { en: 'and its episode {episode}', fr: 'et son épisode {episode}' },
  noteMatchNamesTaskType: { en: 'names task type {taskType}', fr: 'nomme le type de tâche {taskType}' },
  noteMatchPageTaskType: { en: "{taskType} is the page's task type", fr: '{taskType} est le type de tâche de la page' },
  noteMatchOnlyTask: { en: '{taskType} is its only task', fr: '{taskType} est sa seule tâche' },
  noteMatchOneOf: {
    en: 'no task type in the name: {taskType} is one of {count}',
    fr: 'aucun type de tâche dans le nom : {taskType} est l’une de ses {count} tâches',
  },
  noteMatchOr: { en: 'or', fr: 'ou' },
  noteMatchOtherPageType: {
    en: 'The name says {named}; this page is {scopeType}.',
    fr: 'Le nom indique {named} ; cette page est {scopeType}.',
  },
  noteMatchOtherSequence: plural(
    [
      '{names} is in another sequence or episode than the name says.',
      '{names} are in another sequence or episode than the name says.',
    ],
    [
      '{names} est dans une autre séquence ou un autre épisode que ceux du nom.',
      '{names} sont dans une autre séquence ou un autre épisode que ceux du nom.',
    ],
  ),
  noteMatchNothingNamed: {
    en: 'No shot, asset, sequence or edit of this production is named in the file name.',
    fr: 'Le nom du fichier ne nomme aucun plan, asset, séquence ou montage de cette production.',
  },
  noteMatchNoTaskOfType: { en: '{entities} has no {taskTypes} task.', fr: '{entities} n’a pas de tâche {taskTypes}.' },
  noteMatchNoTask: { en: '{entities} has no task.', fr: '{entities} n’a aucune tâche.' },
  noteMatchTie: {
    en: '{count} tasks fit equally well: choose one.',
    fr: '{count} tâches conviennent aussi bien : choisissez-en une.',
  },
  noteMatchTooLittle: {
    en: 'The name says too little to be sure: choose the task.',
    fr: 'Le nom en dit trop peu pour être sûr : choisissez la tâche.',
  },

  // Why the agent's settings are refused (lib/agent/types wholeNumber, lib/agent/settings settingsProblems).
  settingMustBeNumber: { en: 'must be a number', fr: 'doit être un nombre' },
  settingMustBeWhole: { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  settingAtLeast: { en: 'must be {min} or more', fr: 'doit valoir au moins {min}' },
  settingAtMost: { en: 'must be {max} or less', fr: 'doit valoir au plus {max}' },
  settingPickWorkday: { en: 'pick at least one working day', fr: 'choisissez au moins un jour travaillé' },
  settingRulesOff: { en: 'Rules switched off', fr: 'Règles désactivées' },
  settingRuleField: { en: '{rule}, {field}', fr: '{rule}, {field}' },
  settingProblem: { en: '{where}: {problem}.', fr: '{where} : {problem}.' },
});
