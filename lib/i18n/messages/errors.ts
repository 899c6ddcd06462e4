// What the background says when it refuses a request or a call fails: the refusals of connections,
// plans, the dock, publish and bulk helpers, and Kitsu's errors in plain words. Text sent
// to Kitsu or to a model, logs and schema failures (for developers) stay out of the catalog.
import { defineMessages } from '../catalog';

export const errorMessages = defineMessages({
  // Connections: who asks, about which Kitsu, with which token.
  refusalOnlyKitsuPage: { en: 'Only a Kitsu page can ask this.', fr: 'Seule une page Kitsu peut demander cela.' },
  refusalPageNotOnTabKitsu: {
    en: 'That page is not on this tab’s Kitsu.',
    fr: 'Cette page n’est pas sur le Kitsu de cet onglet.',
  },
  refusalNoConnection: { en: 'This Kitsu has no connection any more.', fr: 'Ce Kitsu n’a plus de connexion.' },
  refusalHostNoConnection: { en: '{origin} has no connection any more.', fr: '{origin} n’a plus de connexion.' },
  refusalTokenToTest: {
    en: 'Paste the bot token to test this connection.',
    fr: 'Collez le jeton du bot pour tester cette connexion.',
  },
  refusalTokenOfOtherOrigin: {
    en: 'Paste the bot token for {origin}: the stored one belongs to {storedOrigin} and is never sent to another address.',
    fr: 'Collez le jeton du bot pour {origin} : celui enregistré appartient à {storedOrigin} et n’est jamais envoyé à une autre adresse.',
  },
  refusalTokenMissing: {
    en: 'Paste the bot token: Sidekick needs it to read Kitsu.',
    fr: 'Collez le jeton du bot : Sidekick en a besoin pour lire Kitsu.',
  },
  refusalOriginTaken: {
    en: '{origin} already has a connection ({label}).',
    fr: '{origin} a déjà une connexion ({label}).',
  },
  refusalUnknownTimeZone: {
    en: '“{timeZone}” is not a time zone this browser knows (for example Europe/Paris).',
    fr: '« {timeZone} » n’est pas un fuseau horaire connu de ce navigateur (par exemple Europe/Paris).',
  },
  errorKitsuAddressMissing: {
    en: 'Enter the address of your Kitsu, e.g. https://kitsu.studio.example',
    fr: 'Saisissez l’adresse de votre Kitsu, par ex. https://kitsu.studio.example',
  },
  errorKitsuAddressInvalid: { en: '"{input}" is not a web address', fr: '« {input} » n’est pas une adresse web' },
  errorKitsuAddressScheme: { en: 'Kitsu is reached over http or https', fr: 'Kitsu se joint en http ou https' },
  errorKitsuAddressCredentials: {
    en: 'Leave user names and passwords out of the address',
    fr: 'Ne mettez ni nom d’utilisateur ni mot de passe dans l’adresse',
  },
  errorKitsuCleartext: {
    en: '{origin} uses plain http: the bot token and every Kitsu answer travel in clear on the network, where anyone on the way can read or change them. Use https unless this network is fully trusted.',
    fr: '{origin} utilise le http simple : le jeton du bot et chaque réponse de Kitsu circulent en clair sur le réseau, où n’importe qui sur le trajet peut les lire ou les modifier. Utilisez https, sauf si ce réseau est entièrement de confiance.',
  },

  // Plans and their confirmation.
  refusalPlanUnknown: {
    en: 'This plan is unknown: build it again from the Kitsu page.',
    fr: 'Ce plan est inconnu : refaites-le depuis la page Kitsu.',
  },
  refusalPlanIdExists: {
    en: 'A plan with this id exists already: it is not replaced.',
    fr: 'Un plan avec cet identifiant existe déjà : il n’est pas remplacé.',
  },
  refusalPlanRunning: {
    en: 'This plan is already running: a plan runs once.',
    fr: 'Ce plan est déjà en cours : un plan ne s’exécute qu’une fois.',
  },
  refusalPlanRan: {
    en: 'This plan was already run: a plan runs once.',
    fr: 'Ce plan a déjà été exécuté : un plan ne s’exécute qu’une fois.',
  },
  refusalPlanNotRun: {
    en: 'This plan has not run: confirm it first.',
    fr: 'Ce plan n’a pas été exécuté : confirmez-le d’abord.',
  },
  refusalResumeNotPaused: {
    en: 'Only a paused job can be resumed.',
    fr: 'Seule une écriture en pause peut reprendre.',
  },
  refusalRetryNotFinished: {
    en: 'Only a finished job can be retried.',
    fr: 'Seule une écriture terminée peut être relancée.',
  },
  refusalUndoNotFinished: {
    en: 'Only a finished job can be undone.',
    fr: 'Seule une écriture terminée peut être annulée.',
  },
  refusalRetriedAlready: {
    en: 'The failed items were retried already: see that plan.',
    fr: 'Les éléments en échec ont déjà été relancés : voyez ce plan.',
  },
  refusalUndoneAlready: {
    en: 'This job was undone already: see the undo’s report.',
    fr: 'Cette écriture a déjà été annulée : voyez le rapport de l’annulation.',
  },
  refusalOperatorMissing: {
    en: 'Say who confirms plans first: your name, in Sidekick’s settings.',
    fr: 'Indiquez d’abord qui confirme les plans : votre nom, dans les réglages de Sidekick.',
  },
  refusalPlanReplacedHashtags: {
    en: 'This plan was replaced by one with its hashtags escaped: confirm that one.',
    fr: 'Ce plan a été remplacé par un plan aux hashtags neutralisés : confirmez celui-là.',
  },
  refusalPlanReplacedEdited: {
    en: 'This plan was replaced by one with the edited comment: confirm that one.',
    fr: 'Ce plan a été remplacé par un plan au commentaire modifié : confirmez celui-là.',
  },
  refusalPreviewTooOld: {
    en: 'This preview is too old: Kitsu may have changed. Build the plan again.',
    fr: 'Cet aperçu est trop ancien : Kitsu a pu changer. Refaites le plan.',
  },
  refusalNoCommentToReplace: {
    en: 'This plan posts no comment: there is no text to replace.',
    fr: 'Ce plan ne publie aucun commentaire : il n’y a pas de texte à remplacer.',
  },
  errorMarkerWithoutSidekick: {
    en: 'The marker must name "Sidekick".',
    fr: 'Le marqueur doit nommer « Sidekick ».',
  },
  errorMarkerWithoutOperator: {
    en: 'The marker must name the operator: {operator}.',
    fr: 'Le marqueur doit nommer l’opérateur : {operator}.',
  },
  errorMarkerNotOneLine: {
    en: 'The marker must be one line without "@" or "#".',
    fr: 'Le marqueur doit tenir sur une ligne, sans « @ » ni « # ».',
  },

  // The dock, bulk helpers and batch publish.
  refusalTabLeftKitsu: {
    en: 'This tab has left the Kitsu page that asked: reload it.',
    fr: 'Cet onglet a quitté la page Kitsu qui a fait la demande : rechargez-le.',
  },
  refusalBulkPages: {
    en: 'Bulk helpers work on shot and asset lists and task-type pages.',
    fr: 'Les actions groupées fonctionnent sur les listes de plans et d’assets et sur les pages de type de tâche.',
  },
  refusalBulkUnknown: {
    en: 'This bulk operation is unknown to Sidekick.',
    fr: 'Sidekick ne connaît pas cette action groupée.',
  },
  refusalBulkRole: {
    en: 'Sidekick’s Kitsu role cannot {operation}.',
    fr: 'Le rôle Kitsu de Sidekick ne permet pas cette action : {operation}.',
  },
  refusalBulkNoMatch: {
    en: 'No task on this page matches these filters.',
    fr: 'Aucune tâche de cette page ne correspond à ces filtres.',
  },
  refusalPublishPages: {
    en: 'Batch publish works on production, entity, task-type and task pages.',
    fr: 'La publication par lot fonctionne sur les pages de production, d’entité, de type de tâche et de tâche.',
  },
  refusalPublishFileTwice: {
    en: 'Each file can be published once per plan.',
    fr: 'Chaque fichier ne peut être publié qu’une fois par plan.',
  },
  refusalPublishMoreProblems: { en: ' (and {count} more)', fr: ' (et {count} de plus)' },
  refusalPublishNoItem: {
    en: 'Add at least one file matched to a task.',
    fr: 'Ajoutez au moins un fichier associé à une tâche.',
  },
  refusalPublishTaskGone: {
    en: '{file}: its task is not in this production any more.',
    fr: '{file} : sa tâche n’est plus dans cette production.',
  },
  refusalPublishEmptyComment: {
    en: 'The comment template gives an empty comment.',
    fr: 'Le modèle de commentaire donne un commentaire vide.',
  },
  refusalPublishUnknownStatus: {
    en: 'That status is not one of this Kitsu’s statuses.',
    fr: 'Ce statut ne fait pas partie des statuts de ce Kitsu.',
  },
  refusalThreadsOnTaskPage: {
    en: 'Threads are summarised on a task page.',
    fr: 'Les discussions se résument sur une page de tâche.',
  },
  errorNoAnswer: {
    en: 'Sidekick could not answer this request.',
    fr: 'Sidekick n’a pas pu répondre à cette demande.',
  },

  // Kitsu's errors, in words a supervisor can act on (describeKitsuError).
  errorKitsuCancelled: { en: 'The request to Kitsu was cancelled.', fr: 'La requête vers Kitsu a été annulée.' },
  errorKitsuUnknown: {
    en: 'Something went wrong while talking to Kitsu.',
    fr: 'Un problème est survenu dans l’échange avec Kitsu.',
  },
  errorKitsuTokenExpired: {
    en: 'The Kitsu token has expired: reconnect Sidekick in its settings.',
    fr: 'Le jeton Kitsu a expiré : reconnectez Sidekick dans ses réglages.',
  },
  errorKitsuTokenRevoked: {
    en: 'The Kitsu token has been revoked (replaced or logged out): reconnect Sidekick in its settings.',
    fr: 'Le jeton Kitsu a été révoqué (remplacé ou déconnecté) : reconnectez Sidekick dans ses réglages.',
  },
  errorKitsuTokenRefused: {
    en: "Kitsu did not accept Sidekick's token: reconnect Sidekick in its settings.",
    fr: 'Kitsu n’a pas accepté le jeton de Sidekick : reconnectez Sidekick dans ses réglages.',
  },
  errorKitsuPermission: {
    en: 'Kitsu refused this action: your account is not allowed to do it on this production.',
    fr: 'Kitsu a refusé cette action : votre compte n’y est pas autorisé sur cette production.',
  },
  errorKitsuNotFound: {
    en: 'Kitsu could not find this item: it may have been deleted, or this Kitsu version does not offer it.',
    fr: 'Kitsu n’a pas trouvé cet élément : il a peut-être été supprimé, ou cette version de Kitsu ne le propose pas.',
  },
  errorKitsuInvalid: { en: 'The request was refused as invalid.', fr: 'La requête a été refusée car invalide.' },
  errorKitsuInvalidSaid: {
    en: 'The request was refused as invalid: {detail}',
    fr: 'La requête a été refusée car invalide : {detail}',
  },
  errorKitsuConflict: {
    en: 'Kitsu reported a conflict: the data may have changed meanwhile. Refresh and try again.',
    fr: 'Kitsu signale un conflit : les données ont pu changer entre-temps. Actualisez et réessayez.',
  },
  errorKitsuConflictSaid: {
    en: 'Kitsu reported a conflict ({detail}): the data may have changed meanwhile. Refresh and try again.',
    fr: 'Kitsu signale un conflit ({detail}) : les données ont pu changer entre-temps. Actualisez et réessayez.',
  },
  errorKitsuTooManyRequests: {
    en: 'Kitsu is receiving too many requests: try again in a minute.',
    fr: 'Kitsu reçoit trop de requêtes : réessayez dans une minute.',
  },
  errorKitsuServer: {
    en: 'Kitsu had an internal error (HTTP {status}): try again later, and tell your Kitsu administrator if it persists.',
    fr: 'Kitsu a eu une erreur interne (HTTP {status}) : réessayez plus tard, et prévenez votre administrateur Kitsu si elle persiste.',
  },
  errorKitsuNetwork: {
    en: 'Sidekick could not reach Kitsu: check the network connection and that Kitsu is online.',
    fr: 'Sidekick n’a pas pu joindre Kitsu : vérifiez la connexion réseau et que Kitsu est en ligne.',
  },
  errorKitsuTimeout: {
    en: 'Kitsu took too long to answer: try again in a moment.',
    fr: 'Kitsu a mis trop de temps à répondre : réessayez dans un instant.',
  },
  errorKitsuBadResponse: {
    en: 'Kitsu answered {route} in a form Sidekick does not understand: this Kitsu version may not be supported yet.',
    fr: 'Kitsu a répondu à {route} sous une forme que Sidekick ne comprend pas : cette version de Kitsu n’est peut-être pas encore prise en charge.',
  },
  errorKitsuBadResponseField: {
    en: 'Kitsu answered {route} in a form Sidekick does not understand (field "{field}"): this Kitsu version may not be supported yet.',
    fr: 'Kitsu a répondu à {route} sous une forme que Sidekick ne comprend pas (champ « {field} ») : cette version de Kitsu n’est peut-être pas encore prise en charge.',
  },

  // Why an item of a job failed or was skipped (the confirm window's report).
  errorTaskUnreadable: { en: 'Could not read the task: {why}', fr: 'Impossible de lire la tâche : {why}' },
  errorTaskGone: {
    en: 'The task is no longer in Kitsu (deleted, or out of the token’s reach).',
    fr: 'La tâche n’est plus dans Kitsu (supprimée, ou hors de portée du jeton).',
  },
  errorNoAnswerForItem: { en: 'Kitsu gave no answer for this item.', fr: 'Kitsu n’a rien répondu pour cet élément.' },
  errorChangeNotOnTask: {
    en: '{why} The change is not on the task.',
    fr: '{why} La modification n’est pas sur la tâche.',
  },
  errorChangeUnknown: {
    en: '{why} Whether it was applied is unknown: check the task.',
    fr: '{why} On ne sait pas si elle a été appliquée : vérifiez la tâche.',
  },
  errorSilentlySkipped: {
    en: 'Kitsu skipped this task without an error: the token is probably not allowed to change it.',
    fr: 'Kitsu a ignoré cette tâche sans erreur : le jeton n’a sans doute pas le droit de la modifier.',
  },
  errorKeptOtherDates: { en: 'Kitsu kept other dates.', fr: 'Kitsu a gardé d’autres dates.' },
  errorKeptOtherEstimate: { en: 'Kitsu kept another estimate.', fr: 'Kitsu a gardé une autre estimation.' },
  errorLandedWhenRetrying: {
    en: 'Found on the task when retrying: the write had landed after all.',
    fr: 'Trouvé sur la tâche à la relance : l’écriture avait finalement abouti.',
  },
  errorSkippedBeforeConfirming: {
    en: 'Skipped before confirming: {reason}',
    fr: 'Ignorée avant confirmation : {reason}',
  },
  errorPostedWithoutPreview: {
    en: 'The comment was posted without its preview: {reason}',
    fr: 'Le commentaire a été publié sans sa preview : {reason}',
  },
  errorNothingPosted: { en: '{reason} Nothing was posted.', fr: '{reason} Rien n’a été publié.' },
  errorFileLandingUnknown: {
    en: '{why} Whether the file landed is unknown: check the task.',
    fr: '{why} On ne sait pas si le fichier est arrivé : vérifiez la tâche.',
  },
  errorAfterAttempts: { en: '{why} (after {attempts} attempts)', fr: '{why} (après {attempts} tentatives)' },
  errorFileNotProcessed: { en: 'Kitsu could not process the file.', fr: 'Kitsu n’a pas pu traiter le fichier.' },
  errorFileNotProcessedSaid: {
    en: 'Kitsu could not process the file ({said}).',
    fr: 'Kitsu n’a pas pu traiter le fichier ({said}).',
  },
  errorFileTooLarge: {
    en: '{file} is larger than this Kitsu accepts.',
    fr: '{file} dépasse la taille acceptée par ce Kitsu.',
  },
  errorFileFormatRefused: {
    en: 'Kitsu does not take {extension} files as previews.',
    fr: 'Kitsu n’accepte pas les fichiers {extension} en preview.',
  },

  // What a connection's token can do against what the enabled features need (the connection test).
  errorTokenRoleEnoughForWrites: {
    en: 'A Supervisor bot with no department, added to the productions you use, is enough.',
    fr: 'Un bot Supervisor sans département, ajouté aux productions que vous utilisez, suffit.',
  },
  errorTokenRoleEnoughForReads: {
    en: 'An Artist bot added to the productions you use is enough.',
    fr: 'Un bot Artist ajouté aux productions que vous utilisez suffit.',
  },
  errorTokenRoleTooNarrow: {
    en: "This token's role is {role}: Kitsu shows it only part of a production (vendors see their own tasks, clients the client-visible comments).",
    fr: 'Le rôle de ce jeton est {role} : Kitsu ne lui montre qu’une partie d’une production (les prestataires voient leurs propres tâches, les clients les commentaires qui leur sont visibles).',
  },
  errorTokenRoleAdmin: {
    en: 'This token is a studio admin: it can change every production and the studio settings.',
    fr: 'Ce jeton est administrateur du studio : il peut modifier toutes les productions et les réglages du studio.',
  },
  errorTokenRoleFits: {
    en: "This token's role ({role}) fits the enabled features.",
    fr: 'Le rôle de ce jeton ({role}) convient aux fonctions activées.',
  },
  errorTokenRoleOnlyReads: {
    en: "This token's role is {role}, but the enabled features only read.",
    fr: 'Le rôle de ce jeton est {role}, mais les fonctions activées ne font que lire.',
  },
  errorTokenRoleAssignedOnly: {
    en: "This token's role is {role}: Kitsu will refuse the writes Sidekick plans (status changes, assignments, dates) on tasks it is not assigned to.",
    fr: 'Le rôle de ce jeton est {role} : Kitsu refusera les écritures que Sidekick prévoit (changements de statut, assignations, dates) sur les tâches qui ne lui sont pas assignées.',
  },
  errorTokenRoleDepartments: {
    en: {
      one: 'This token is a Supervisor of {count} department: Kitsu will refuse writes on tasks of other departments.',
      other:
        'This token is a Supervisor of {count} departments: Kitsu will refuse writes on tasks of other departments.',
    },
    fr: {
      one: 'Ce jeton est Supervisor de {count} département : Kitsu refusera les écritures sur les tâches des autres départements.',
      other:
        'Ce jeton est Supervisor de {count} départements : Kitsu refusera les écritures sur les tâches des autres départements.',
    },
  },
  errorTokenRoleManager: {
    en: 'This token is a Production Manager: it can also create and delete tasks and edit the production.',
    fr: 'Ce jeton est Production Manager : il peut aussi créer et supprimer des tâches et modifier la production.',
  },
  errorTokenRoleFitsAllDepartments: {
    en: "This token's role ({role}, all departments) fits the enabled features.",
    fr: 'Le rôle de ce jeton ({role}, tous départements) convient aux fonctions activées.',
  },

  // Why an item is skipped: its task changed since the preview (lib/plans/preconditions.ts).
  errorChangedSincePreview: { en: '{changes} since the preview', fr: '{changes} depuis l’aperçu' },
  errorChangedSincePreviewBy: {
    en: '{changes} since the preview (by {person})',
    fr: '{changes} depuis l’aperçu (par {person})',
  },
  errorFieldChanged: { en: '{field} changed from {before} to {after}', fr: '{field} : de {before} à {after}' },
  errorFieldLastComment: { en: 'Last comment', fr: 'Dernier commentaire' },
  errorValueNone: { en: 'none', fr: 'aucun' },
  errorNewComment: { en: 'A new comment was posted', fr: 'Un nouveau commentaire a été publié' },
  errorInterruptedAnd: { en: 'The job was interrupted and {what}.', fr: 'L’écriture a été interrompue et {what}.' },
  errorChangedMeanwhile: {
    en: 'someone else changed it meanwhile',
    fr: 'quelqu’un d’autre a modifié la tâche entre-temps',
  },
  refusalFileFormat: {
    en: 'Kitsu does not take .{extension} files as previews.',
    fr: 'Kitsu n’accepte pas les fichiers .{extension} en preview.',
  },
  refusalFileNoExtension: { en: 'The file has no extension.', fr: 'Le fichier n’a pas d’extension.' },
  refusalFileEmpty: { en: 'The file is empty.', fr: 'Le fichier est vide.' },
  refusalFileTooLarge: {
    en: 'The file is larger than Kitsu accepts ({limit}).',
    fr: 'Le fichier dépasse la taille acceptée par Kitsu ({limit}).',
  },
  refusalFileNotStored: {
    en: '{file} is no longer in Sidekick’s storage (drop it again).',
    fr: '{file} n’est plus dans le stockage de Sidekick (déposez-le à nouveau).',
  },
  refusalFileDiffers: {
    en: '{file} is not the file Sidekick stored for it (its name, size or type differ): drop it again.',
    fr: '{file} n’est pas le fichier que Sidekick a enregistré (nom, taille ou type différents) : déposez-le à nouveau.',
  },
  refusalFileProblem: { en: '{file}: {problem}', fr: '{file} : {problem}' },
});
