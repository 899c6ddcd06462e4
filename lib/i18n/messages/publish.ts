// The publish window (components/PublishPage.tsx, PublishFiles.tsx) and the publish checks in lib/publish.
import { defineMessages } from '../catalog';

export const publishMessages = defineMessages({
  publishTitle: { en: 'Publish previews', fr: 'Publier des previews' },
  publishTitleTo: { en: 'Publish previews to {production}', fr: 'Publier des previews dans {production}' },
  publishReadingProduction: { en: 'Reading the production…', fr: 'Lecture de la production…' },
  publishPlanOpen: {
    en: {
      one: 'The plan ({count} file) is open in the confirm window: check it there, then confirm.',
      other: 'The plan ({count} files) is open in the confirm window: check it there, then confirm.',
    },
    fr: {
      one: 'Le plan ({count} fichier) est ouvert dans la fenêtre de confirmation : vérifiez-le, puis confirmez.',
      other: 'Le plan ({count} fichiers) est ouvert dans la fenêtre de confirmation : vérifiez-le, puis confirmez.',
    },
  },
  publishDropHere: { en: 'Drop files here, or', fr: 'Déposez des fichiers ici, ou' },
  publishChooseFiles: { en: 'Choose files…', fr: 'Choisir des fichiers…' },
  publishLimits: {
    en: 'Kitsu takes pictures ({pictures}) and movies ({movies}; the server converts them with ffmpeg), and shows other files ({others}…) as downloads. Up to {fileLimit} per file (Kitsu’s default; your studio’s server may allow less), {planLimit} GB per publish (Sidekick’s settings). Each file becomes one comment with the file as its preview.',
    fr: 'Kitsu accepte les images ({pictures}) et les vidéos ({movies} ; le serveur les convertit avec ffmpeg), et propose les autres fichiers ({others}…) en téléchargement. Jusqu’à {fileLimit} par fichier (valeur par défaut de Kitsu ; le serveur de votre studio peut accepter moins), {planLimit} Go par publication (paramètres de Sidekick). Chaque fichier devient un commentaire avec le fichier en preview.',
  },
  publishFile: { en: 'File', fr: 'Fichier' },
  publishSize: { en: 'Size', fr: 'Taille' },
  publishVersion: { en: 'Version', fr: 'Version' },
  publishMatch: { en: 'Match', fr: 'Correspondance' },
  publishTask: { en: 'Task', fr: 'Tâche' },
  publishActions: { en: 'Actions', fr: 'Actions' },
  publishByHand: { en: 'chosen by hand', fr: 'choisie à la main' },
  publishAmbiguous: { en: 'Ambiguous:', fr: 'Ambigu :' },
  publishNotMatched: { en: 'Not matched:', fr: 'Sans correspondance :' },
  publishTaskFor: { en: 'Task for {file}', fr: 'Tâche pour {file}' },
  publishOtherTaskFor: { en: 'Other task for {file}', fr: 'Autre tâche pour {file}' },
  publishOtherTask: { en: 'Other task', fr: 'Autre tâche' },
  publishDoNotPublish: { en: 'Do not publish', fr: 'Ne pas publier' },
  publishTypeTask: { en: 'or type a task…', fr: 'ou saisissez une tâche…' },
  publishRemove: { en: 'Remove {file}', fr: 'Retirer {file}' },
  publishTaskFallback: { en: 'task', fr: 'tâche' },
  publishComment: {
    en: 'Comment ({file}, {version}, {task} are replaced)',
    fr: 'Commentaire ({file}, {version} et {task} sont remplacés)',
  },
  publishStatus: { en: 'Status', fr: 'Statut' },
  publishKeepStatus: { en: 'Keep each task’s status', fr: 'Garder le statut de chaque tâche' },
  publishTotal: {
    en: { one: '{count} file to publish, {size} to upload', other: '{count} files to publish, {size} to upload' },
    fr: { one: '{count} fichier à publier, {size} à envoyer', other: '{count} fichiers à publier, {size} à envoyer' },
  },
  publishWaiting: {
    en: {
      one: '; {count} without a task (choose one or it is left out)',
      other: '; {count} without a task (choose one or they are left out)',
    },
    fr: {
      one: ' ; {count} sans tâche (choisissez-en une, sinon il est laissé de côté)',
      other: ' ; {count} sans tâche (choisissez-en une, sinon ils sont laissés de côté)',
    },
  },
  publishReview: { en: 'Review plan…', fr: 'Vérifier le plan…' },
  publishTooLarge: {
    en: 'These files come to {total}, more than the {limit} GB one publish may upload: publish them in smaller batches, or raise “Largest publish” in Sidekick’s settings.',
    fr: 'Ces fichiers font {total}, plus que les {limit} Go qu’une publication peut envoyer : publiez-les en plusieurs fois, ou augmentez « Publication maximale » dans les paramètres de Sidekick.',
  },
});
