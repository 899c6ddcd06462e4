// The AI windows and settings: the options page's AI section, "Draft with AI" in the confirm window,
// the thread summary window, and what they share (what will be sent, what is left out).
import { defineMessages } from '../catalog';

export const aiMessages = defineMessages({
  aiTitle: { en: 'AI assistance (optional)', fr: 'Assistance IA (facultative)' },
  aiFormLabel: { en: 'AI assistance', fr: 'Assistance IA' },
  aiIntro: {
    en: 'A model can draft comments inside a plan and summarise threads. It never posts anything: each draft is text you read, edit and confirm like any plan. Before the first call Sidekick shows exactly what will be sent — the text and its size — and where; you can leave out names, e-mail addresses, links and the production’s name. Nothing is sent for a Kitsu you have not switched on below.',
    fr: 'Un modèle peut rédiger les commentaires d’un plan et résumer des discussions. Il ne publie jamais rien : chaque brouillon est un texte que vous relisez, modifiez et confirmez comme tout plan. Avant le premier appel, Sidekick montre exactement ce qui sera envoyé (le texte et sa taille) et où ; vous pouvez exclure les noms, les adresses e-mail, les liens et le nom de la production. Rien n’est envoyé pour un Kitsu que vous n’avez pas activé ci-dessous.',
  },
  aiTimeout: { en: 'Wait for an answer (seconds)', fr: 'Attente maximale d’une réponse (secondes)' },
  aiTest: { en: 'Test the saved settings', fr: 'Tester les réglages enregistrés' },
  aiTesting: { en: 'Testing…', fr: 'Test en cours…' },
  aiDownloading: { en: 'Downloading the model: {percent}', fr: 'Téléchargement du modèle : {percent}' },
  aiBuiltInAnswered: {
    en: 'The built-in model answered “{reply}” in {milliseconds} ms.',
    fr: 'Le modèle intégré a répondu « {reply} » en {milliseconds} ms.',
  },
  aiModelAnswered: {
    en: '{model} answered “{reply}” in {milliseconds} ms.',
    fr: '{model} a répondu « {reply} » en {milliseconds} ms.',
  },
  aiPermissionDeclined: {
    en: 'Permission for {origin} was declined: Sidekick cannot reach the model server.',
    fr: 'L’autorisation pour {origin} a été refusée : Sidekick ne peut pas joindre le serveur de modèle.',
  },
  aiSavedOverHttp: {
    en: 'Saved, with the server reached over plain http (see the warning above).',
    fr: 'Enregistré, avec un serveur joint en http simple (voir l’avertissement ci-dessus).',
  },
  aiProvider: { en: 'Provider', fr: 'Fournisseur' },
  aiProviderOff: { en: 'Off', fr: 'Désactivée' },
  aiProviderBuiltIn: { en: 'The browser’s built-in model (Chrome)', fr: 'Le modèle intégré au navigateur (Chrome)' },
  aiProviderServer: {
    en: 'A model server with an OpenAI-compatible API (Ollama, llama.cpp, vLLM…)',
    fr: 'Un serveur de modèle avec une API compatible OpenAI (Ollama, llama.cpp, vLLM…)',
  },
  aiDownload: { en: 'Download the model', fr: 'Télécharger le modèle' },
  aiBuiltInMissing: {
    en: 'This browser has no built-in model (Chrome 138 or newer on a capable computer has one).',
    fr: 'Ce navigateur n’a pas de modèle intégré (Chrome 138 ou plus récent en a un, sur un ordinateur assez puissant).',
  },
  aiBuiltInUnavailable: {
    en: 'The built-in model cannot run on this computer.',
    fr: 'Le modèle intégré ne peut pas fonctionner sur cet ordinateur.',
  },
  aiBuiltInDownloadable: {
    en: 'The built-in model must be downloaded first (several gigabytes): use “Download the model”.',
    fr: 'Le modèle intégré doit d’abord être téléchargé (plusieurs gigaoctets) : utilisez « Télécharger le modèle ».',
  },
  aiBuiltInDownloading: {
    en: 'The built-in model is downloading.',
    fr: 'Le modèle intégré est en cours de téléchargement.',
  },
  aiBuiltInAvailable: { en: 'The built-in model is ready.', fr: 'Le modèle intégré est prêt.' },
  aiServerAddress: { en: 'Server address', fr: 'Adresse du serveur' },
  aiModel: { en: 'Model', fr: 'Modèle' },
  aiKey: { en: 'Key (optional)', fr: 'Clé (facultative)' },
  aiKeyStored: {
    en: 'A key is stored: type to replace it',
    fr: 'Une clé est enregistrée : saisissez-en une autre pour la remplacer',
  },
  aiKeyOnlyIfNeeded: { en: 'Only if the server needs one', fr: 'Seulement si le serveur en demande une' },
  aiForgetKey: { en: 'Forget the stored key', fr: 'Oublier la clé enregistrée' },
  aiServerHelp: {
    en: 'The key stays in Sidekick’s background, like Kitsu tokens. Saving asks the browser to allow this server only: its exact address and port in Chrome, its host in Firefox (whose permissions have no port), where Firefox also asks your consent to the data the server receives. An address typed without http:// or https:// uses https, except on this computer (localhost, 127.0.0.1). Ollama refuses browser extensions unless allowed: start it with OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*.',
    fr: 'La clé reste dans l’arrière-plan de Sidekick, comme les jetons Kitsu. Enregistrer demande au navigateur d’autoriser ce serveur seulement : son adresse et son port exacts dans Chrome, son hôte dans Firefox (dont les autorisations n’ont pas de port), où Firefox demande aussi votre consentement pour les données que reçoit le serveur. Une adresse saisie sans http:// ni https:// utilise https, sauf sur cet ordinateur (localhost, 127.0.0.1). Ollama refuse les extensions de navigateur sauf autorisation : lancez-le avec OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*.',
  },
  aiUseOn: { en: 'Use AI on', fr: 'Utiliser l’IA sur' },
  aiNoConnection: { en: 'No Kitsu connection yet.', fr: 'Aucune connexion Kitsu pour l’instant.' },
  aiHostsHint: {
    en: 'Leave a Kitsu unticked if its studio does not allow sending production data to a model.',
    fr: 'Laissez un Kitsu décoché si son studio n’autorise pas l’envoi de données de production à un modèle.',
  },
  aiLeaveOutByDefault: { en: 'Leave out by default', fr: 'Exclure par défaut' },
  aiLeaveOut: { en: 'Leave out', fr: 'Exclure' },
  aiFieldNames: {
    en: 'people’s names, first names too (sent as Person 1, Person 2…)',
    fr: 'les noms des personnes, prénoms compris (envoyés comme Person 1, Person 2…)',
  },
  aiFieldEmails: { en: 'e-mail addresses', fr: 'les adresses e-mail' },
  aiFieldLinks: { en: 'links (web addresses)', fr: 'les liens (adresses web)' },
  aiFieldProduction: { en: 'the production’s name', fr: 'le nom de la production' },
  aiFieldLabels: {
    en: 'shot, asset and task names (sent as Task 1, Entity 1…)',
    fr: 'les noms des plans, assets et tâches (envoyés comme Task 1, Entity 1…)',
  },
  aiOutgoingTitle: { en: 'What will be sent', fr: 'Ce qui sera envoyé' },
  aiOutgoingSize: {
    en: {
      one: '{characters} characters in {count} messages, to {destination}.',
      other: '{characters} characters in {count} messages, to {destination}.',
    },
    fr: {
      one: '{characters} caractères en {count} message, vers {destination}.',
      other: '{characters} caractères en {count} messages, vers {destination}.',
    },
  },
  aiOutgoingBuiltIn: {
    en: 'the browser’s built-in model, on this computer',
    fr: 'le modèle intégré au navigateur, sur cet ordinateur',
  },
  aiOutgoingLeftOut: { en: 'Left out: {fields}.', fr: 'Exclus : {fields}.' },
  aiOutgoingNothing: { en: 'nothing', fr: 'rien' },
  aiOutgoingShortened: { en: 'Not sent, to keep it short: {items}.', fr: 'Laissé de côté pour rester bref : {items}.' },
  aiPreparing: { en: 'Preparing…', fr: 'Préparation…' },
  aiDraftOff: { en: 'AI assistance is off for {host}.', fr: 'L’assistance IA est désactivée pour {host}.' },
  aiDraftTitle: { en: 'Comment draft', fr: 'Brouillon de commentaire' },
  aiDraftOpen: { en: 'Draft with AI…', fr: 'Rédiger avec l’IA…' },
  aiDraftOpenTitle: { en: 'Draft the comment with AI', fr: 'Rédiger le commentaire avec l’IA' },
  aiDraftSend: { en: 'Send and draft', fr: 'Envoyer et rédiger' },
  aiDraftDone: {
    en: 'Read and edit the draft, then put it in the plan.',
    fr: 'Relisez et modifiez le brouillon, puis placez-le dans le plan.',
  },
  aiDraftText: {
    en: 'Draft (yours to edit; the marker is added when posting)',
    fr: 'Brouillon (à vous de le modifier ; le marqueur est ajouté à la publication)',
  },
  aiDraftUse: { en: 'Put this text in the plan', fr: 'Placer ce texte dans le plan' },
  aiDraftDiscard: { en: 'Discard the draft', fr: 'Abandonner le brouillon' },
  aiDraftWaits: {
    en: 'Confirming waits until the draft is in the plan or discarded.',
    fr: 'La confirmation attend que le brouillon soit placé dans le plan ou abandonné.',
  },
  aiDraftKind: { en: 'Kind of comment', fr: 'Type de commentaire' },
  aiDraftKindReminder: { en: 'Reminder', fr: 'Relance' },
  aiDraftKindCheckIn: { en: 'Check-in', fr: 'Point d’avancement' },
  aiDraftKindRetake: { en: 'Retake note', fr: 'Note de retake' },
  aiDraftKindComment: { en: 'Comment', fr: 'Commentaire' },
  aiDraftInstructions: { en: 'Anything to add (optional)', fr: 'Précisions (facultatif)' },
  aiSummaryTitle: { en: 'Summarise the thread', fr: 'Résumer la discussion' },
  aiSummaryTitleOf: { en: 'Summarise the thread of {task}', fr: 'Résumer la discussion de {task}' },
  aiSummaryOn: { en: 'On {host}.', fr: 'Sur {host}.' },
  aiSummaryComments: {
    en: { one: '{count} comments.', other: '{count} comments.' },
    fr: { one: '{count} commentaire.', other: '{count} commentaires.' },
  },
  aiSummaryNothingSent: {
    en: 'Nothing is sent until you click; the summary changes nothing in Kitsu.',
    fr: 'Rien n’est envoyé avant votre clic ; le résumé ne modifie rien dans Kitsu.',
  },
  aiSummarySend: { en: 'Send and summarise', fr: 'Envoyer et résumer' },
  aiSummaryDone: {
    en: 'Written by a model: check it against the thread.',
    fr: 'Rédigé par un modèle : vérifiez-le au regard de la discussion.',
  },
  aiSummaryLabel: { en: 'Summary', fr: 'Résumé' },
});
