// Words every surface uses.
import { defineMessages } from '../catalog';

export const commonMessages = defineMessages({
  // Kitsu's person roles, named as Kitsu's interface names them (lib/i18n/role-names.ts).
  kitsuRoleVendor: { en: 'Vendor', fr: 'Prestataire' },
  kitsuRoleClient: { en: 'Client', fr: 'Client' },
  kitsuRoleArtist: { en: 'Artist', fr: 'Artiste' },
  kitsuRoleSupervisor: { en: 'Supervisor', fr: 'Superviseur' },
  kitsuRoleManager: { en: 'Production Manager', fr: 'Chef de production' },
  kitsuRoleAdmin: { en: 'Studio Manager (admin)', fr: 'Directeur de studio (admin)' },
  extensionName: { en: 'Kitsu Sidekick', fr: 'Kitsu Sidekick' },
  extensionDescription: {
    en: 'Suggestions and safe bulk helpers on top of Kitsu, the production tracker.',
    fr: 'Suggestions et modifications groupées sûres, par-dessus Kitsu, le suivi de production.',
  },
  commandToggleDock: {
    en: 'Open or close the Sidekick dock on a Kitsu page',
    fr: 'Ouvrir ou fermer le volet Sidekick sur une page Kitsu',
  },
  tasksCount: {
    en: { one: '{count} task', other: '{count} tasks' },
    fr: { one: '{count} tâche', other: '{count} tâches' },
  },
  cancel: { en: 'Cancel', fr: 'Annuler' },
  close: { en: 'Close', fr: 'Fermer' },
  save: { en: 'Save', fr: 'Enregistrer' },
  loading: { en: 'Loading…', fr: 'Chargement…' },
});
