// What the core says, in French: a probe's detail, a stage of a long job, a notice. The core hands every message
// on as a code and its parameters (a CoreMessage, see index.ts); the renderer, the command line and the dossier
// word it from this catalogue or from en.ts. ICU messages (see renderer/src/i18n/README.md); a text quoted from a
// site goes in a parameter named `said`, shown as the site wrote it.
export const coreFr = {
  probe: {
    demo_synthetic:
      'Démonstration : enregistrement synthétique ({outcome, select, dates {dates proposées} no_date {pas de date} captcha {captcha} site_error {erreur du site} unreachable {site injoignable} other {{outcome}}}).',
    // A probe's detail. `step` names where the robot was (the page's heading, or the control it had pressed when
    // `after` is yes); `said` quotes the site as it wrote it ('none' when it said nothing to quote).
    slots_two:
      'Première plage libre le {first}, deuxième le {second} ({count, plural, one {# créneau lu} other {# créneaux lus}} sur {windows, plural, one {# page de créneaux} other {# pages de créneaux}}).{said, select, none {} other { Le site indique : « {said} ».}}',
    slots_one:
      'Une seule plage libre, le {first} ({windows, plural, one {# page de créneaux lue} other {# pages de créneaux lues}}{end, select, last {, pas de page suivante} horizon {, aucune autre sur {days} jours} broken {, les semaines suivantes n’ont pas pu être chargées} other {}}).{said, select, none {} other { Le site indique : « {said} ».}}',
    no_slot: 'Le site indique : « {said} »',
    no_slot_and_slots: 'La page dit « {said} » et montre pourtant {count, plural, one {# créneau} other {# créneaux}} : résultat non concluant.',
    window_empty:
      'Étape « {step} » : {windows, plural, one {# page de créneaux lue} other {# pages de créneaux lues}} sans créneau, sans la phrase du site qui dirait qu’il n’y en a aucun : résultat non concluant.{said, select, none {} other { Le site annonce : « {said} ».}}',
    window_stuck:
      'Étape « {step} » : « {control} » {how, select, same {est restée sur la même semaine} back {est revenue en arrière} other {n’a pas avancé}} (« {said} ») : lecture arrêtée.',
    slot_unreadable: 'Étape « {step} » : créneau illisible « {said} » (sans date lisible).',
    captcha:
      'Un code de sécurité (captcha) précède la réponse : Guichets ne le résout jamais seul. {assisted, select, yes {Ouvrez une session assistée pour le saisir vous-même.} other {À vérifier par une personne.}}',
    assisted_expired:
      'Session assistée expirée : le site redemande le code de sécurité (captcha). Ouvrez la session assistée et saisissez le code à nouveau pour reprendre les sondages.',
    captcha_expired:
      'La session a expiré : le site redemande le code de sécurité (captcha). Ouvrez la session assistée et saisissez le code à nouveau pour reprendre les sondages.',
    refusal:
      '{after, select, yes {Après « {step} »} other {Étape « {step} »}} : le site a répondu HTTP {status} à {kind, select, document {la page} other {un appel de la page (XHR)}} {address}{said, select, none {} other { : « {said} »}}.',
    http_error_page: 'Étape « {step} » : le site a répondu HTTP {status} : « {said} ».',
    bot_wall: 'Étape « {step} » : le site oppose une page de vérification anti-robot : « {said} ».',
    error_page: 'Étape « {step} » : le site affiche une page d’erreur : « {said} ».',
    calendar_error:
      'Étape « {step} » : les créneaux n’ont pas pu être chargés{status, select, none {} other { (HTTP {status})}} : le site affiche une erreur{said, select, none {} other { : « {said} »}}.',
    unrecognized:
      'Étape « {step} » : page non reconnue{status, select, s404 { (HTTP 404 : adresse retirée ?)} other {}}, sans créneau, sans la phrase du site qui dirait qu’il n’y en a aucun ni bouton pour continuer : « {said} ».',
    unreachable: '{after, select, yes {Après « {step} »} other {Étape « {step} »}} : le site ne répond pas ({error}).',
    certificate: 'Étape « {step} » : le certificat du site est refusé ({error}).',
    step_timeout: '{after, select, yes {Après « {step} »} other {Étape « {step} »}} : le site n’a pas répondu à temps.',
    probe_timeout:
      '{step, select, none {Le site} other {Étape « {step} » : le site}} n’a pas répondu dans le délai de {seconds} s du sondage : sondage arrêté.',
    page_silent:
      '{after, select, yes {Après « {step} »} other {Étape « {step} »}} : la page n’a pas répondu en {seconds} s au robot, qui lisait {what, select, page {ce que la page affiche} controls {les boutons et liens de la page} overlays {les bandeaux et fenêtres de la page} name {le nom du contrôle à utiliser} cover {ce qui recouvre le contrôle à utiliser} slots {les créneaux de la page} text {le texte de la page} other {la page}}{browser, select, dead {, et le navigateur lui-même ne répondait plus} other {}} : sondage arrêté.',
    robot_failure: '{step, select, none {Erreur du robot} other {Étape « {step} » : erreur du robot}} : {error}',
    covered:
      'Étape « {step} » : un élément recouvre {control, select, none {la page} other {« {control} »}} et le robot n’a pas su le fermer : « {said} ».',
    control_missing: 'Étape « {step} » : « {control} » est introuvable sur la page, ou reste inutilisable.',
    control_failed: 'Étape « {step} » : « {control} » n’a pas pu être utilisé ({error}).',
    waiting_room:
      'Étape « {step} » : file d’attente du site, attendue {seconds} s sans que la page n’avance{said, select, none {} other { (le site annonce : « {said} »)}} : sondage arrêté.',
    page_returns: 'Étape « {step} » : la page revient après « {control} »{said, select, none {} other { : « {said} »}}.',
    too_many_pages: 'Étape « {step} » : trop de pages ({pages}) avant la réponse du site.',
    not_demarche: 'Adresse qui n’est pas une démarche RDV-Préfecture : {url}',
    steps_failed: 'Étape {index} ({action}) impossible : {reason}',
    steps_no_slot: 'Le site affiche « {said} ».',
    steps_both: 'Le texte « {said} » et des créneaux sont tous deux affichés.',
    steps_unreadable: 'Éléments « {selector} » trouvés mais aucune date lisible : « {said} ».',
  },
  progress: {},
  notice: {},
} as const;
