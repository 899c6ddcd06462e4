// What the AI assistance says when a model server, the built-in model or the settings stand in the way,
// and the names of what can be left out of a prompt. The prompts themselves are not translated: they
// are text for a model, not for a person.
import { defineMessages } from '../catalog';

export const aiErrorMessages = defineMessages({
  errorAiOllamaOrigins: {
    en: "For Ollama, allow the extension's origin: set OLLAMA_ORIGINS={origins} in its environment and restart it.",
    fr: 'Pour Ollama, autorisez l’origine de l’extension : définissez OLLAMA_ORIGINS={origins} dans son environnement et redémarrez-le.',
  },
  errorAiServerSaid: { en: ' It said: “{said}”.', fr: ' Il a répondu : « {said} ».' },
  errorAiKeyRefused: {
    en: "{origin} refused the key (401).{said} Check the key in Sidekick's AI settings, or remove it if the server needs none.",
    fr: '{origin} a refusé la clé (401).{said} Vérifiez la clé dans les réglages IA de Sidekick, ou retirez-la si le serveur n’en demande pas.',
  },
  errorAiOriginRefused: {
    en: '{origin} refused the request (403).{said} A local server may refuse browser extensions by their origin. {hint} If the server needs a key, check it.',
    fr: '{origin} a refusé la requête (403).{said} Un serveur local peut refuser les extensions de navigateur selon leur origine. {hint} Si le serveur demande une clé, vérifiez-la.',
  },
  errorAiModelUnavailable: {
    en: 'The model “{model}” is not available on {origin}.{said}',
    fr: 'Le modèle « {model} » n’est pas disponible sur {origin}.{said}',
  },
  errorAiNoRoute: {
    en: "{origin} has no chat-completions route at this address (404). Use the server's OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1.",
    fr: '{origin} n’a pas de route chat-completions à cette adresse (404). Utilisez la base compatible OpenAI du serveur, par ex. http://127.0.0.1:11434/v1.',
  },
  errorAiBusy: {
    en: '{origin} is busy ({status}).{said} Try again in a moment.',
    fr: '{origin} est occupé ({status}).{said} Réessayez dans un instant.',
  },
  errorAiServerFailed: { en: '{origin} failed ({status}).{said}', fr: '{origin} a échoué ({status}).{said}' },
  errorAiUnreachable: {
    en: "Sidekick could not reach {origin}: it is not running there, or it refused the extension's origin (CORS). {hint}",
    fr: 'Sidekick n’a pas pu joindre {origin} : le serveur n’y tourne pas, ou il a refusé l’origine de l’extension (CORS). {hint}',
  },
  errorAiNoAnswerInTime: {
    en: '{label} did not answer within {seconds} s. A local model may still be loading: try again, or raise the time limit.',
    fr: '{label} n’a pas répondu en {seconds} s. Un modèle local est peut-être encore en chargement : réessayez, ou augmentez le délai.',
  },
  errorAiStoppedWriting: {
    en: '{label} stopped writing for {seconds} s: the draft so far is kept.',
    fr: '{label} n’a plus rien écrit pendant {seconds} s : le brouillon obtenu jusque-là est conservé.',
  },
  errorAiCancelled: { en: 'Cancelled.', fr: 'Annulé.' },
  errorAiFailedSilently: { en: 'The model failed without saying why.', fr: 'Le modèle a échoué sans dire pourquoi.' },
  errorAiTestFailed: { en: 'The test failed.', fr: 'Le test a échoué.' },
  errorAiAddressMissing: {
    en: 'Enter the address of the model server, e.g. http://127.0.0.1:11434/v1',
    fr: 'Saisissez l’adresse du serveur de modèle, par ex. http://127.0.0.1:11434/v1',
  },
  errorAiAddressInvalid: { en: '“{input}” is not a web address.', fr: '« {input} » n’est pas une adresse web.' },
  errorAiAddressScheme: {
    en: 'A model server is reached over http or https.',
    fr: 'Un serveur de modèle se joint en http ou https.',
  },
  errorAiAddressCredentials: {
    en: 'Leave user names and passwords out of the address: use the key field.',
    fr: 'Ne mettez ni nom d’utilisateur ni mot de passe dans l’adresse : utilisez le champ de la clé.',
  },
  errorAiCleartext: {
    en: '{origin} uses plain http: the prompts (Kitsu comments, task names, whatever is not left out) and the key travel in clear on the network, where anyone on the way can read them. Use https unless the model server is on this network and the network is trusted.',
    fr: '{origin} utilise le http simple : les prompts (commentaires Kitsu, noms de tâches, tout ce qui n’est pas exclu) et la clé circulent en clair sur le réseau, où n’importe qui sur le trajet peut les lire. Utilisez https, sauf si le serveur de modèle est sur ce réseau et que ce réseau est de confiance.',
  },
  errorAiModelFailed: { en: 'The model failed: {message}', fr: 'Le modèle a échoué : {message}' },
  errorAiNoText: { en: 'The endpoint answered without any text.', fr: 'Le serveur a répondu sans aucun texte.' },
  errorAiNotAStream: {
    en: 'The endpoint sent something that is not a chat-completions stream.',
    fr: 'Le serveur a envoyé autre chose qu’un flux chat-completions.',
  },
  errorAiChunkWithoutChoices: {
    en: 'The endpoint sent a chunk without choices.',
    fr: 'Le serveur a envoyé un fragment sans « choices ».',
  },
  errorAiStoppedWithError: {
    en: 'The model stopped with an error: {message}',
    fr: 'Le modèle s’est arrêté sur une erreur : {message}',
  },
  errorAiStreamEmpty: {
    en: 'The endpoint closed the stream without any text.',
    fr: 'Le serveur a fermé le flux sans aucun texte.',
  },
  errorAiNothingToDraft: {
    en: 'This plan posts no comment: there is nothing to draft.',
    fr: 'Ce plan ne publie aucun commentaire : il n’y a rien à rédiger.',
  },
  errorAiModelMissing: {
    en: 'Name the model to use, e.g. llama3.2 for Ollama.',
    fr: 'Indiquez le modèle à utiliser, par ex. llama3.2 pour Ollama.',
  },
  errorAiNoBuiltIn: { en: 'This browser has no built-in model.', fr: 'Ce navigateur n’a pas de modèle intégré.' },
  errorAiBuiltInFailed: { en: 'The built-in model failed: {message}', fr: 'Le modèle intégré a échoué : {message}' },
  errorAiUnknownError: { en: 'unknown error', fr: 'erreur inconnue' },
  errorAiBackgroundUnreadable: {
    en: 'Sidekick’s background sent something unreadable.',
    fr: 'L’arrière-plan de Sidekick a envoyé quelque chose d’illisible.',
  },
  errorAiBackgroundStopped: {
    en: 'Sidekick’s background stopped before the answer ended.',
    fr: 'L’arrière-plan de Sidekick s’est arrêté avant la fin de la réponse.',
  },
  errorAiRequestUnreadable: {
    en: 'Sidekick could not read this request.',
    fr: 'Sidekick n’a pas pu lire cette demande.',
  },
  errorAiOff: {
    en: 'AI assistance is off: pick a provider in Sidekick’s settings to use it.',
    fr: 'L’assistance IA est désactivée : choisissez un fournisseur dans les réglages de Sidekick pour l’utiliser.',
  },
  errorAiOffForHost: {
    en: 'AI assistance is off for {host}: switch it on for this Kitsu in Sidekick’s settings if the studio allows it.',
    fr: 'L’assistance IA est désactivée pour {host} : activez-la pour ce Kitsu dans les réglages de Sidekick si le studio l’autorise.',
  },
  errorAiBuiltInInPagesOnly: {
    en: 'The built-in model runs in Sidekick’s own pages, not in the background.',
    fr: 'Le modèle intégré fonctionne dans les pages de Sidekick, pas en arrière-plan.',
  },
  errorAiServerNotSet: {
    en: 'Set the model server’s address and the model’s name in Sidekick’s settings.',
    fr: 'Indiquez l’adresse du serveur de modèle et le nom du modèle dans les réglages de Sidekick.',
  },
  errorAiMayNotSend: {
    en: 'Sidekick may not send data to {origin}: {advice} and allow that server and the data it receives when Firefox asks.',
    fr: 'Sidekick ne peut pas envoyer de données à {origin} : {advice} et autorisez ce serveur et les données qu’il reçoit quand Firefox le demande.',
  },
  errorAiMayNotReach: {
    en: 'Sidekick may not reach {origin}: {advice} and allow it when the browser asks.',
    fr: 'Sidekick ne peut pas joindre {origin} : {advice} et autorisez-le quand le navigateur le demande.',
  },
  errorAiAdviceClickSave: { en: 'click Save again', fr: 'cliquez à nouveau sur Enregistrer' },
  errorAiAdviceSaveSettings: { en: 'save the AI settings again', fr: 'enregistrez à nouveau les réglages IA' },

  // What can be left out of a prompt, as the "what will be sent" preview lists it.
  errorAiRedactNames: {
    en: 'people’s names, first names too (sent as Person 1, Person 2…)',
    fr: 'noms des personnes, prénoms compris (envoyés comme Person 1, Person 2…)',
  },
  errorAiRedactEmails: { en: 'e-mail addresses', fr: 'adresses e-mail' },
  errorAiRedactLinks: { en: 'links (web addresses)', fr: 'liens (adresses web)' },
  errorAiRedactProduction: { en: 'the production’s name', fr: 'nom de la production' },
  errorAiRedactLabels: {
    en: 'shot, asset and task names (sent as Task 1, Entity 1…)',
    fr: 'noms des plans, assets et tâches (envoyés comme Task 1, Entity 1…)',
  },
});
