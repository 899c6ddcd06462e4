// The toolbar popup: the tab's connection, the cache's figures, the pause switch.
import { defineMessages } from '../catalog';

export const popupMessages = defineMessages({
  popupSettings: { en: 'Settings', fr: 'Paramètres' },
  appVersion: { en: 'Version {version}', fr: 'Version {version}' },
  popupKitsu: { en: 'Kitsu', fr: 'Kitsu' },
  popupKitsuVersion: { en: '(Kitsu {version})', fr: '(Kitsu {version})' },
  popupState: { en: 'State', fr: 'État' },
  popupRole: { en: 'Role', fr: 'Rôle' },
  popupLive: { en: 'Live', fr: 'Direct' },
  popupCache: { en: 'Cache', fr: 'Cache' },
  popupNoConnection: {
    en: 'This tab is not a Kitsu page Sidekick is connected to.',
    fr: 'Cet onglet n’est pas une page Kitsu à laquelle Sidekick est connecté.',
  },
  popupPause: { en: 'Pause Sidekick on every page', fr: 'Mettre Sidekick en pause sur toutes les pages' },
  popupCacheEmpty: {
    en: {
      one: '{count} entry ({size} in IndexedDB), no reads yet since the background started',
      other: '{count} entries ({size} in IndexedDB), no reads yet since the background started',
    },
    fr: {
      one: '{count} entrée ({size} dans IndexedDB), aucune lecture depuis le démarrage',
      other: '{count} entrées ({size} dans IndexedDB), aucune lecture depuis le démarrage',
    },
  },
  popupCacheFigures: {
    en: '{served} of {reads} reads served from cache, {requests} requests to Kitsu, {entries} entries ({size} in IndexedDB)',
    fr: '{served} des {reads} lectures servies par le cache, {requests} requêtes à Kitsu, {entries} entrées ({size} dans IndexedDB)',
  },
  aboutKilobytes: { en: 'about {amount} KB', fr: 'environ {amount} Ko' },
  aboutMegabytes: { en: 'about {amount} MB', fr: 'environ {amount} Mo' },
  popupReading: { en: 'Reading Sidekick’s state…', fr: 'Lecture de l’état de Sidekick…' },
  popupNoConnectionAction: {
    en: 'Open a connected Kitsu in this tab, or add a connection in the options.',
    fr: 'Ouvrez un Kitsu connecté dans cet onglet, ou ajoutez une connexion dans les options.',
  },
  popupLiveConnecting: {
    en: 'connecting to Kitsu’s live updates…',
    fr: 'connexion aux mises à jour en direct de Kitsu…',
  },
  popupLiveOn: { en: 'live updates on', fr: 'mises à jour en direct actives' },
  popupLiveReconnecting: { en: 'reconnecting to live updates…', fr: 'reconnexion aux mises à jour en direct…' },
  popupLiveOff: {
    en: 'live updates off: panels refresh when their data gets old',
    fr: 'mises à jour en direct coupées : les panneaux se rafraîchissent quand leurs données vieillissent',
  },
  popupNoKitsuTab: { en: 'no Kitsu tab open', fr: 'aucun onglet Kitsu ouvert' },
  popupLastEvent: { en: '{state}, last event at {time}', fr: '{state}, dernier événement à {time}' },
});
