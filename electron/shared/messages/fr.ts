// What the core says, in French: a probe's detail, a stage of a long job, a notice. The core hands every message
// on as a code and its parameters (a CoreMessage, see index.ts); the renderer, the command line and the dossier
// word it from this catalogue or from en.ts. ICU messages (see renderer/src/i18n/README.md); a text quoted from a
// site goes in a parameter named `said`, shown as the site wrote it.
export const coreFr = {
  probe: {
    demo_synthetic:
      'Démonstration : enregistrement synthétique ({outcome, select, dates {dates proposées} no_date {pas de date} captcha {captcha} site_error {erreur du site} unreachable {site injoignable} other {{outcome}}}).',
  },
  progress: {},
  notice: {},
} as const;
