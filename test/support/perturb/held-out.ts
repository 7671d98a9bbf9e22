// Wordings the robot's code never contains: the test bed labels some consent managers, information pages and
// controls with them, and matrix.test.ts checks that no file of the robot (electron/core/probe) holds any of them.
// The robot must understand them by what they mean, as a person does, not by a list of labels.
export const HELD_OUT = {
  accept: ['Autoriser tous les cookies', 'Oui, j’y consens', 'Tout autoriser et fermer'],
  refuse: ['Poursuivre sans accepter', 'Je refuse', 'Non, merci'],
  forward: ['Poursuivre ma démarche', 'Accéder à la réservation'],
  /** An information page's heading and text. */
  notice: ['Informations importantes'],
} as const;

/** Every held-out wording, for the check of the robot's sources. */
export const HELD_OUT_WORDINGS: readonly string[] = Object.values(HELD_OUT).flat();
