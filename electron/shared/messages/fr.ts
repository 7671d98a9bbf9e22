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
  seal: {
    written:
      'Sceau {name} écrit (seals/{name}.json) : {probes, plural, one {# sondage} other {# sondages}} de {plannings, plural, one {# planning} other {# plannings}}, {stamped, select, none {non horodaté (aucune autorité de confiance n’a répondu : nouvel essai au prochain sceau)} other {horodaté par {stamped}}}.',
    restamped: '{count, plural, one {# sceau antérieur fait hors ligne horodaté maintenant} other {# sceaux antérieurs faits hors ligne horodatés maintenant}} : {count, plural, one {il ne prouve} other {ils ne prouvent}} qu’à partir de maintenant.',
    new_key: 'Nouvelle clé de l’installation : {key}, annoncée dans ce sceau et signée par la précédente.',
  },
  verify: {
    summary_intact: '✓ {count, plural, one {# sondage vérifié} other {# sondages vérifiés}}{planning, select, none {} other { (planning {planning})}} : captures, empreintes et chaîne intactes ; existence de chacun prouvée au plus 48 h après le sondage.',
    summary_reserved:
      '✓ {count, plural, one {# sondage vérifié} other {# sondages vérifiés}}{planning, select, none {} other { (planning {planning})}} : captures, empreintes et chaîne intactes, avec réserve : {unproven, plural, =0 {} one {# non horodaté (une réécriture ne peut pas être exclue)} other {# non horodatés (une réécriture ne peut pas être exclue)}}{both, select, yes {, } other {}}{late, plural, =0 {} one {# prouvé seulement plus tard} other {# prouvés seulement plus tard}} (détail ci-dessous).',
    summary_altered: '✗ {count, plural, one {# sondage vérifié} other {# sondages vérifiés}}{planning, select, none {} other { (planning {planning})}} : {problems, plural, one {# problème} other {# problèmes}}.',
    no_seal: 'Aucun sceau : rien ne protège encore ces sondages d’une réécriture, aucun n’est horodaté. Scellez-les : npm run cli -- seal',
    key_pinned: 'Clé de l’installation : {key} (horodatée dans le sceau {seal}, le {at}).',
    key_unproven: 'Clé de l’installation : {key} (aucun sceau horodaté par une autorité de confiance : rien ne date cette clé).',
    key_rotation: 'Changement de clé (sceau {seal}) : {from} → {to}, signé par la clé précédente.',
    root: 'Racine {name} : SHA-256 {sha256} ({source, select, shipped {livrée avec Guichets} user {ajoutée sur ce PC} other {GUICHETS_TSA_ROOTS}}) ; comparez-la avec l’empreinte que publie l’autorité.',
    root_unreadable: 'Racine de confiance illisible, ignorée : {file}',
    seals: '{count, plural, one {# sceau} other {# sceaux}} :',
    seal_token:
      '  Sceau {seal} ({created}) : {authority}, racine {root}, horodaté le {at}, {delay} après{late, select, yes { : tardif, ne prouve qu’à partir de cette heure} other {}}.',
    seal_token_refused: '  Sceau {seal} ({created}) : jeton {file} refusé (voir ci-dessus).',
    seal_unstamped: '  Sceau {seal} ({created}) : non horodaté.',
    planning: 'Planning {planning} : {count, plural, =0 {aucun sondage} one {# sondage} other {# sondages}}{count, plural, =0 {} other { du {first} au {last}}}.',
    proof_in_time: '  {count, plural, one {# prouvé} other {# prouvés}} au plus 48 h après le sondage (du {first} au {last}).',
    proof_late: '  {count, plural, one {# prouvé} other {# prouvés}} seulement à partir du {from} (sondages du {first} au {last}) : sceau horodaté tardivement, ou sondages antérieurs aux sceaux.',
    proof_unproven: '  {count, plural, one {# non horodaté} other {# non horodatés}} (du {first} au {last}) : une réécriture ne peut pas être exclue.',
    proof_before_first_seal:
      '  Le premier sceau date du {sealed} : {count, plural, one {le sondage fait avant lui (le {first}) n’était protégé} other {les # sondages faits avant lui (du {first} au {last}) n’étaient protégés}} par aucun sceau jusque-là.',
    empty_plannings: 'Aucun sondage enregistré pour : {ids}',
  },
  notice: {},
} as const;
