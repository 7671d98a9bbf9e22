// What the core says, in French: a probe's detail, a stage of a long job, a notice. The core hands every message
// on as a code and its parameters (a CoreMessage, see index.ts); the renderer, the command line and the dossier
// word it from this catalogue or from en.ts. ICU messages (see renderer/src/i18n/README.md); a text quoted from a
// site goes in a parameter named `said`, shown as the site wrote it.
export const coreFr = {
  // The command line's own words (electron/cli): its help, its verbs' lines, its refusals of what was typed.
  cli: {
    usage: `Guichets — sondages des pages de rendez-vous des préfectures

Utilisation : npm run cli -- COMMANDE [options]

Plannings et réglages
  plannings list [--json]                 les plannings, leur état, leur dernier sondage
  plannings add URL --departement D [--guichet V] [--label L] [--prefecture P] [--procedure P]
        [--online-mandatory] [--paused] [--steps ÉTAPES.json]
                                          ajoute un planning (le système, les guichets et l’intitulé lus sur le site)
  plannings edit ID [--label L] [--url U] [--guichet V] [--departement D] [--prefecture P] [--procedure P]
        [--online-mandatory | --no-online-mandatory] [--stopped | --no-stopped] [--steps ÉTAPES.json]
  plannings follow ID | pause ID | remove ID
                                          suivre (sondé chaque heure), mettre en pause, retirer (ses sondages restent)
  settings get [CLÉ] [--json]             les réglages, ou l’un d’eux
  settings set CLÉ VALEUR                 change un réglage (hostSpacingSeconds 30, activeHours 8-20, tsaUrls none…)
Sondages
  discover URL [--json]                   les guichets proposés à cette adresse
  probe URL [--guichet V] [--json]        sonde une adresse maintenant, hors de tout planning (un objet JSON avec --json)
  probe --planning ID [--json]            sonde un planning maintenant, enregistré dans son historique
  run                                     le calendrier horaire, sans interface
  demo [--port P]                         préfectures de démonstration + calendrier + interface web
  serve [--port P] [--schedule]           l’interface web et l’API sur 127.0.0.1
Chiffres et preuves
  stats [--json]                          les parts des cinq catégories par planning
  export csv --out FICHIER [--planning ID]  le CSV des sondages
  export png --planning ID [--out FICHIER.png]
                                          le graphique d’un planning, celui du dossier (sinon dans exports/)
  verify [--planning ID]                  vérifie captures, empreintes, chaîne, sceaux et horodatages
  verify --accept-restore                 après une restauration sur place depuis une sauvegarde plus ancienne :
                                          ce PC abandonne, après confirmation, les sceaux perdus (noté pour toujours)
  seal [--new-key]                        scelle maintenant les sondages (signé, horodaté) ; --new-key : nouvelle
                                          clé de l’installation, annoncée dans ce sceau et signée par la précédente
  seals list [--json]                     les sceaux du dossier de données
  tsa-roots [add FICHIER.pem | remove EMPREINTE]
                                          les racines de confiance des horodatages (livrées, ajoutées sur ce PC)
  dossier --planning ID [--planning ID2] [--from AAAA-MM-JJ --to AAAA-MM-JJ] --out FICHIER.zip
                                          le dossier de preuves (BagIt ZIP + résumé PDF à côté)
  publish --out DOSSIER                   le site statique des chiffres de l’association
  import FICHIER [--planning ID] [--association NOM]
                                          importe un CSV (format La Cimade) ou le dossier d’une autre association
  move-data DOSSIER                       déplace le dossier de données (vide ou nouveau), copie vérifiée
  backup DOSSIER [--json]                 sauvegarde ce qui est nouveau dans DOSSIER, puis vérifie la copie

Options communes : --data-dir DOSSIER (sinon GUICHETS_DATA_DIR, sinon le dossier de l’application) ;
  --lang fr|en (sinon LC_ALL, LC_MESSAGES ou LANG : en… pour l’anglais, sinon le français) ;
  --json : un seul objet JSON sur la sortie (les journaux vont sur la sortie d’erreur).
Horodatage : GUICHETS_TSA_URLS (autorités, séparées par des virgules) et GUICHETS_TSA_ROOTS (fichiers PEM de
  racines à croire pour cette fois, séparés par « : », « ; » sous Windows) remplacent ou complètent les réglages.
Navigateur : GUICHETS_BROWSER, sinon les réglages, sinon Chrome, Edge ou Chromium installés ;
  --browser CHEMIN l’enregistre dans les réglages (après avoir vérifié que c’est Chrome, Chromium ou Edge).
Codes de sortie : 0 fait (verify : intact), 1 échec ou altération, 2 mauvaise saisie, 130 verify arrêté par Ctrl+C (rien n’est conclu).
Pour un JSON seul sur la sortie : npm run -s cli -- probe URL --json`,
    error: 'Erreur : {message}',
    internal_error: 'Erreur interne : {detail}',
    // What the core refused, said from its code when the core gave no message of its catalogue.
    error_code_invalid_input: 'Saisie refusée.',
    error_code_not_found: 'Introuvable.',
    error_code_browser_not_found: 'Aucun navigateur utilisable : installez Chrome, Edge ou Chromium, ou donnez son chemin avec --browser ou GUICHETS_BROWSER.',
    error_code_storage_corrupt: 'Un fichier du dossier de données est illisible.',
    error_code_storage_full: 'Le disque est plein : libérez de la place, puis relancez.',
    error_code_unsupported_site: 'Ce site de rendez-vous n’est pas reconnu, ou sa page n’a pas pu être lue.',
    error_code_guichet_required: 'Cette adresse propose plusieurs guichets : choisissez-en un avec --guichet (sa valeur ou son libellé).',
    error_code_busy: 'Guichets est occupé (une autre application écrit dans ce dossier de données) : réessayez plus tard.',
    error_code_internal: 'Erreur interne.',
    error_code_unauthorized: 'Accès refusé : cette page n’a pas de session (ouvrez l’adresse que Guichets affiche).',
    invalid_field:
      '{field} : {rule, select, required {à remplir} too_small {au moins {min}} too_big {au plus {max}} type {valeur d’un autre type attendue} choice {valeur hors de celles permises} unknown {champ inconnu} other {valeur invalide}}.',
    data_dir_missing: 'Dossier de données introuvable : « {dir} ». Indiquez le dossier de Guichets avec --data-dir.',
    tsa_roots_usage: 'Utilisation : npm run cli -- tsa-roots {action, select, add {add FICHIER.pem} other {remove EMPREINTE-SHA256}}',
    tsa_root_unreadable: 'Fichier introuvable ou illisible : « {file} ». Donnez le certificat racine de l’autorité (PEM).',
    tsa_root_added: 'Racine ajoutée sur ce PC : {name}, SHA-256 {sha256}. Vérifiez que c’est l’empreinte que publie l’autorité.',
    tsa_root_removed: 'Racine retirée de ce PC.',
    tsa_root_not_found: 'Aucune racine de ce PC n’a cette empreinte.',
    tsa_root_line: '{sha256}  {name} ({source, select, shipped {livrée avec Guichets} user {ajoutée sur ce PC} other {GUICHETS_TSA_ROOTS}}){published, select, none {} other { — publiée : {published}}}',
    unknown_command: 'Commande inconnue « {name} ». Voir : npm run cli -- --help',
    unknown_option: 'Option inconnue : « {option} ». Voir : npm run cli -- --help',
    option_takes_no_value: 'L’option {option} ne prend pas de valeur (reçu « {given} »). Voir : npm run cli -- --help',
    option_needs_value: 'L’option {option} attend une valeur : {option} VALEUR. Voir : npm run cli -- --help',
    unknown_action: '{command} : action inconnue « {action} » ; actions : {actions}. Voir : npm run cli -- --help',
    missing_action: '{command} : indiquez une action ({actions}), par exemple : npm run cli -- {command} {example}. Voir : npm run cli -- --help',
    bad_port: '--port : un nombre entre 0 et 65535 (reçu « {given} »).',
    bad_lang: '--lang : fr ou en (reçu « {given} »).',
    bad_day: '{option} : « {given} » n’est pas un jour écrit AAAA-MM-JJ : écrivez {example, select, none {par exemple 2026-09-01} other {{example}}}.',
    system_port_in_use: 'Le port {port} est déjà utilisé (un autre Guichets ?) : fermez-le ou choisissez un autre port avec --port.',
    system_cannot_write:
      'Impossible d’écrire dans {file, select, none {le dossier de données} other {« {file} »}} : lecture seule ou accès refusé. Choisissez un autre dossier avec --data-dir.',
    system_not_a_folder: '{file, select, none {Le dossier de données} other {« {file} »}} n’est pas un dossier utilisable : indiquez un dossier de données avec --data-dir.',
    system_disk_full: 'Le disque est plein ({file, select, none {dossier de données} other {« {file} »}}) : libérez de la place, puis relancez.',
    data_dir: 'Données : {dir}',
    data_dir_is_file: '« {dir} » est un fichier, pas un dossier : indiquez un dossier de données avec --data-dir.',
    browser_saved: 'Navigateur enregistré dans les réglages : {path}',
    stopping: 'Arrêt…',
    outcome:
      '{outcome, select, dates {dates proposées} no_date {pas de date} captcha {captcha} site_error {erreur du site} unreachable {site injoignable} unrecognized {page non reconnue} robot_error {erreur du robot} other {{outcome}}}',
    slot: '{date} à {time}',
    probe_usage: 'Adresse ou planning manquant. Utilisation : npm run cli -- probe URL [--guichet V] [--json], ou probe --planning ID [--json]',
    probe_result: '{outcome} — {detail}',
    probe_first_slot: 'Premier créneau : {slot}',
    probe_second_slot: 'Deuxième créneau : {slot}',
    probe_screenshot: 'Capture : {path}',
    probe_log: 'Journal : {path}',
    probe_recorded: 'Enregistré dans l’historique du planning {planning} (sondage {id}).',
    probe_line: '{date} {time} {planning} → {outcome} {slot}',
    discover_usage: 'Adresse manquante. Utilisation : npm run cli -- discover URL [--json]',
    discover_system: 'Système : {system}',
    discover_none: 'Aucun guichet proposé.',
    run_started: 'Calendrier démarré : chaque planning suivi est sondé une fois par heure. Ctrl+C pour arrêter.',
    serve_address: 'Interface : {url}{scheduled, select, yes { (calendrier démarré)} other {}}  — Ctrl+C pour arrêter.',
    serve_secret: 'Cette adresse contient un code à usage unique : ne la partagez pas. Entrée en affiche une nouvelle (autre onglet, autre navigateur).',
    demo_started: 'Démonstration : {count} plannings fictifs, sondés chaque minute (au lieu de chaque heure).',
    demo_folder: 'Données de démonstration : {dir}',
    new_address: 'Nouvelle adresse (usage unique) : {url}',
    demo_open: 'Ouvrez {url} dans votre navigateur (adresse à code unique, à ne pas partager ; Entrée en affiche une nouvelle). Ctrl+C pour arrêter.',
    demo_first_probe_failed: 'Premier sondage de {planning} : {message}',
    export_usage: 'Utilisation : npm run cli -- export csv --out FICHIER, ou export png --planning ID [--out FICHIER.png]',
    export_png_planning: 'Indiquez le planning du graphique : --planning ID (un seul).',
    export_png_written: 'Graphique écrit dans {path}',
    export_out_missing: 'Indiquez le fichier à écrire : --out sondages.csv',
    export_written: '{rows} sondages écrits dans {path}',
    dossier_planning_missing: 'Indiquez le planning : --planning ID (plusieurs fois pour plusieurs plannings).',
    dossier_out_missing: 'Indiquez le fichier à écrire : --out dossier.zip',
    dossier_cancelling: 'Annulation…',
    dossier_written: 'Dossier : {path} ({probes, plural, one {# sondage} other {# sondages}}, {screenshots, plural, one {# capture} other {# captures}}, {megabytes, number, ::.0} Mo)',
    dossier_pdf: 'Résumé PDF : {path}',
    dossier_seal: '{seal, select, none {Aucun scellement dans le dossier de données : aucun joint.} other {Scellement joint : {seal}}}',
    dossier_altered: '✗ Preuve différente de son enregistrement : {file}',
    dossier_progress_megabytes: '{done, number, ::.0} / {total, number, ::.0} Mo',
    publish_out_missing: 'Indiquez le dossier du site : --out DOSSIER',
    publish_written: 'Site écrit dans {path} ({pages, plural, one {# page} other {# pages}}) : copiez ce dossier chez n’importe quel hébergeur.',
    import_usage: 'Utilisation : npm run cli -- import FICHIER.csv|dossier.zip [--planning ID] [--association NOM]',
    import_done: '{added, plural, one {# sondage importé} other {# sondages importés}}, {skipped, plural, one {# déjà présent} other {# déjà présents}} (même planning, même heure).',
    import_planning_count: '  {planning} : {count}',
    import_sealed: 'Scellés : sceau {seal}{association, select, none {} other { de « {association} »}}, clé {key}, {proven, select, none {non horodatés : une réécriture ne peut pas être exclue} other {prouvés depuis le {proven}}}.',
    import_compare_key: 'Comparez cette empreinte de clé avec celle que l’association publie : c’est elle qui l’identifie.',
    import_unsealed: 'Non scellés : rien ne garantit ces sondages au-delà de la parole de qui a fourni le fichier (marqués « non scellé »).',
    import_unsigned: '{count, plural, one {# ligne laissée} other {# lignes laissées}} de côté : aucun enregistrement scellé du dossier ne les couvre (des imports de son association).',
    export_skipped: '✗ Fichier endommagé, ses sondages ne sont pas dans le CSV : {file}',
    move_usage: 'Indiquez le nouveau dossier : npm run cli -- move-data DOSSIER',
    backup_usage: 'Indiquez le dossier de sauvegarde : npm run cli -- backup DOSSIER (une clé USB, un disque réseau)',
    move_moved: 'Dossier de données déplacé : {to} ({files, plural, one {# fichier} other {# fichiers}}, {mb, number, ::.0} Mo, copie vérifiée).',
    move_old_removed: 'L’ancien dossier a été vidé : {from}',
    move_old_kept: 'L’ancien dossier n’a pas pu être vidé, il reste tel quel : {from}',
    move_remembered: 'L’application de bureau et la ligne de commande l’utilisent désormais.',
    move_not_remembered: 'Lancez désormais Guichets avec --data-dir « {to} » (ou GUICHETS_DATA_DIR).',
    plannings_none: 'Aucun planning. Ajoutez-en un : npm run cli -- plannings add URL --departement 93 [--guichet V] [--label L]',
    plannings_line: '{id}  {state, select, followed {suivi} paused {en pause} other {arrêté}}  {departement} {prefecture} — {label}',
    plannings_address: '    {url}{guichet, select, none {} other { — guichet « {guichet} »}}',
    plannings_last_probe: '    dernier sondage : {when} → {outcome}{slot, select, none {} other { ({slot})}}',
    plannings_never_probed: '    aucun sondage encore',
    plannings_problem: '    ✗ chiffres illisibles : {problem}',
    plannings_read: 'Lu sur le site : système {system}, {count, plural, =0 {aucun guichet à choisir} one {un guichet} other {# guichets}}{title, select, none {} other { — « {title} »}}.',
    plannings_added:
      'Planning ajouté : {id} — {label} ({departement}, {prefecture}) ; {followed, select, yes {suivi : sondé chaque heure tant que le calendrier tourne (npm run cli -- run)} other {en pause (npm run cli -- plannings follow {id} pour le suivre)}}.',
    plannings_edited: 'Planning modifié : {id} — {label}.',
    plannings_followed: 'Planning {id} suivi : sondé chaque heure tant que le calendrier tourne.',
    plannings_paused: 'Planning {id} en pause : il n’est plus sondé, son historique est gardé.',
    plannings_removed: 'Planning {id} retiré de la liste ; ses sondages restent dans le dossier de données, comme preuves.',
    plannings_id_missing: 'Indiquez le planning : npm run cli -- plannings {action} ID (voir : npm run cli -- plannings list).',
    plannings_unknown: 'Aucun planning « {id} » ici. Voir : npm run cli -- plannings list',
    plannings_ambiguous: '« {id} » désigne plusieurs plannings ({ids}) : donnez plus de caractères de son identifiant.',
    plannings_url_missing: 'Adresse manquante. Utilisation : npm run cli -- plannings add URL --departement D [--guichet V] [--label L]',
    plannings_departement_missing: 'Indiquez le département : --departement 93 (ou 2A, 971…).',
    plannings_guichet_required: 'Cette adresse propose plusieurs guichets : choisissez-en un avec --guichet (sa valeur ou son libellé). Guichets : {guichets}.',
    plannings_guichet_unknown: 'Aucun guichet « {given} » à cette adresse. Guichets proposés : {guichets}.',
    plannings_nothing_to_edit:
      'Rien à modifier : donnez au moins une option (--label, --url, --guichet, --departement, --prefecture, --procedure, --steps, --(no-)online-mandatory ou --(no-)stopped).',
    plannings_steps_unreadable: 'Fichier d’étapes illisible : « {file} » ({reason}). Donnez un fichier JSON d’étapes (steps, noSlotText, slotSelector).',
    settings_line: '{key} = {value}',
    settings_usage: 'Utilisation : npm run cli -- settings set CLÉ VALEUR (les clés : npm run cli -- settings get)',
    settings_unknown_key: 'Réglage inconnu « {key} ». Réglages : {keys}.',
    settings_bad_value:
      '{key} : « {value} » ne convient pas, {expected, select, integer {un nombre entier est attendu} boolean {oui ou non est attendu} list {une liste séparée par des virgules est attendue} days {les numéros des jours sont attendus, de 1 (lundi) à 7 (dimanche), séparés par des virgules, par exemple 1,2,3,4,5} hours {deux heures sont attendues, par exemple 8-20} json {du JSON est attendu} other {une autre valeur est attendue}}.',
    settings_saved: 'Réglage enregistré : {key} = {value}',
    seals_none: 'Aucun sceau : rien ne protège encore ces sondages d’une réécriture. Scellez-les : npm run cli -- seal',
    seals_line: '{name}  {when}  {probes} sondage(s) de {plannings} planning(s), clé {key}, {stamped, select, yes {horodaté} other {non horodaté}}{readable, select, yes {} other { — illisible}}',
    seals_footer: 'Les sceaux tels qu’ils se présentent : npm run cli -- verify dit s’ils tiennent (signature, chaîne des sceaux, horodatage).',
  },
  probe: {
    // Adding a planning: an address whose booking module Guichets does not know, or a system it does not probe.
    site_unknown:
      'Guichets ne reconnaît pas le module de rendez-vous de {url} (par exemple …/booking/create/1234). Vérifiez l’adresse de la page de rendez-vous, ou décrivez les étapes du site (dans le formulaire, ou en ligne de commande : npm run cli -- plannings add ADRESSE --steps ÉTAPES.json).',
    system_unsupported: 'Le système de réservation « {system} » n’est pas encore pris en charge.',
    demo_synthetic:
      'Démonstration : enregistrement synthétique ({outcome, select, dates {dates proposées} no_date {pas de date} captcha {captcha} site_error {erreur du site} unreachable {site injoignable} unrecognized {page non reconnue} robot_error {erreur du robot} other {{outcome}}}).',
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
    unreachable: '{after, select, yes {Après « {step} »} other {Étape « {step} »}} : le site ne répond pas ({reason, select, refused {connexion refusée} name {adresse introuvable} timeout {délai dépassé} closed {connexion coupée} offline {pas de connexion à Internet} other {erreur réseau}}).',
    certificate: 'Étape « {step} » : le certificat de sécurité du site est refusé par le navigateur.',
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
    guichet_not_offered:
      'Planning à corriger : {wanted, select, none {le site propose plusieurs guichets et le planning n’en nomme aucun} other {le guichet « {wanted} » n’est pas proposé}} (étape « {step} »). Choix du site : « {offered} ».',
    private_address_refused:
      'Adresse refusée : la page a mené le robot vers « {host} » ({address}), une adresse de cet ordinateur ou de son réseau local, que Guichets n’ouvre que pour un planning enregistré depuis l’application de bureau ou la ligne de commande. Si ce planning doit vraiment y aller, enregistrez-le à nouveau depuis l’application de bureau : sondage arrêté.',
  },
  // Stages of a long job (the dossier de preuves), shown beside its progress bar.
  progress: {
    verify:
      'Vérification : {done, number} sur {total, number} sondages ({percent} %){end, select, none {} other {, fin estimée vers {end}{day, select, none {} other { le {day}}}}}',
    backup_copy:
      'Sauvegarde : {done, number} sur {total, number} fichiers copiés ({percent} %){end, select, none {} other {, fin estimée vers {end}{day, select, none {} other { le {day}}}}}',
    backup_check:
      'Vérification de la copie : {done, number} sur {total, number} sondages ({percent} %){end, select, none {} other {, fin estimée vers {end}{day, select, none {} other { le {day}}}}}',
    dossier_collect: 'Lecture des sondages de la période…',
    dossier_render: 'Dessin des graphiques et du résumé PDF…',
    dossier_files: 'Écriture du dossier…',
    dossier_done: 'Dossier écrit.',
    dossier_cancelled: 'Dossier annulé : aucun fichier n’a été écrit.',
  },
  seal: {
    written:
      'Sceau {name} écrit (seals/{name}.json) : {probes, plural, one {# sondage} other {# sondages}} de {plannings, plural, one {# planning} other {# plannings}}, {stamped, select, none {non horodaté (aucune autorité de confiance n’a répondu : nouvel essai au prochain sceau)} other {horodaté par {stamped}}}.',
    restamped: '{count, plural, one {# sceau antérieur fait hors ligne horodaté maintenant} other {# sceaux antérieurs faits hors ligne horodatés maintenant}} : {count, plural, one {il ne prouve} other {ils ne prouvent}} qu’à partir de maintenant.',
    new_key: 'Nouvelle clé de l’installation : {key}, annoncée dans ce sceau et signée par la précédente.',
    no_roots_folder: 'Aucun dossier de racines sur ce PC pour cette session : ajoutez-la avec GUICHETS_TSA_ROOTS.',
    root_shipped: 'La racine « {name} » est livrée avec Guichets : elle ne se retire pas.',
  },
  // Why an authority gave no token for a seal, when sealing: said by the seal screen, `seal` and the log.
  tsa: {
    stamp_failed: 'Horodatage du sceau {seal} : {why}.',
    http: '{url} a répondu HTTP {status}',
    unreachable: '{url} injoignable ({reason})',
    invalid:
      '{url} : {fault, select, refused {l’autorité a refusé l’horodatage (statut {status}{said, select, none {} other { : {said}}})} unreadable {jeton d’horodatage illisible ({detail})} other_request {réponse d’horodatage à une autre demande} bad_signature {signature de l’autorité invalide} other_content {le jeton horodate un autre contenu que ce sceau (empreinte différente)} invalid {jeton invalide ({detail})} other {réponse invalide}}',
    untrusted:
      '{url} : jeton refusé, {why, select, not_tsa {le certificat de l’autorité n’est pas un certificat d’horodatage} other {sa chaîne de certificats ne mène à aucune racine de confiance (ni livrée avec Guichets, ni ajoutée sur ce PC)}} ; ajoutez la racine de cette autorité (réglages ou « npm run cli -- tsa-roots add FICHIER.pem ») après avoir comparé son empreinte avec celle qu’elle publie',
  },
  // The assisted session of a captcha site: the screens word where it stands from its `state`, the desktop's
  // notification and the refusals from these.
  assisted: {
    expired_title: 'Guichets : session assistée expirée',
    expired: 'La session a expiré : le site redemande le code de sécurité. Ouvrez à nouveau la session assistée.',
    not_ready:
      '{state, select, waiting {Saisissez le code de sécurité dans la fenêtre ouverte par Guichets, puis validez.} expired {La session a expiré : le site redemande le code de sécurité. Ouvrez à nouveau la session assistée.} other {Aucune session assistée ouverte pour ce planning.}} (planning {planning})',
    not_captcha: 'Ce site ne demande pas de code de sécurité : la session assistée est inutile.',
    not_demarche: 'La session assistée sert aux démarches RDV-Préfecture (…/rdvpref/reservation/demarche/NUMÉRO/).',
    window_failed:
      'La fenêtre de la session assistée n’a pas pu s’ouvrir. Elle demande un écran : lancez Guichets sur un poste avec affichage (l’application de bureau).',
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
    // What this PC remembers of the seals it made for this folder (outside the data folder).
    anchor_missing:
      'Le scellement du {created} ({seal}, {probes, plural, one {# sondage} other {# sondages}}) connu de ce PC a disparu : des sondages ont pu être effacés (sceaux, jetons et sondages les plus récents supprimés).',
    anchor_changed:
      'Le scellement du {created} ({seal}) connu de ce PC a été remplacé depuis qu’il a été fait ici : des sondages ont pu être réécrits ou effacés.',
    anchor_kept: 'Ce PC se souvient du dernier scellement qu’il a fait pour ce dossier ({seal}, {probes, plural, one {# sondage} other {# sondages}}) : il est là, identique.',
    // A restore in place acknowledged (verify --accept-restore): said at every verify, from this PC's memory.
    anchor_restored:
      'Le {date}, une restauration acceptée sur ce PC a abandonné {count, plural, one {# scellement fait} other {# scellements faits}}{after, select, none {} other { après le {after}}} ({count, plural, one {le {last}} other {du {first} au {last}}}, le plus récent sur {probes, plural, one {# sondage} other {# sondages}}) : les sondages faits après la sauvegarde restaurée ne sont plus dans ce dossier.',
    restore_hint: 'Si ce dossier a été restauré ici depuis une sauvegarde plus ancienne : npm run cli -- verify --accept-restore.',
    restore_ask: 'Ce PC se souvient de {count, plural, one {# scellement} other {# scellements}} que ce dossier n’a plus :',
    restore_seal: '  {seal} ({created}, {probes, plural, one {# sondage} other {# sondages}})',
    restore_explain:
      'Si ce dossier a été restauré ici depuis une sauvegarde plus ancienne, confirmez-le : {count, plural, one {ce scellement sera abandonné} other {ces scellements seront abandonnés}}, ce PC se fiera désormais au scellement {seal} ({probes, plural, one {# sondage} other {# sondages}}), et chaque vérification rappellera cette restauration. S’il n’a pas été restauré, ne confirmez pas : des sondages ont pu être effacés.',
    restore_confirm: 'Tapez « oui » pour confirmer : ',
    restore_done: '✓ Restauration enregistrée sur ce PC.',
    restore_not_confirmed: 'Rien n’a été enregistré : la vérification restera en échec tant que la restauration n’est pas confirmée.',
    restore_refused:
      '{reason, select, unknown {Ce PC n’a aucun souvenir des scellements de ce dossier : il n’y a pas de restauration à accepter.} nothing {Tous les scellements dont ce PC se souvient sont là : il n’y a pas de restauration à accepter.} changed {Un scellement dont ce PC se souvient a été remplacé, pas seulement perdu : une restauration ne l’explique pas. Rien n’a été enregistré.} no_seal {Ce dossier n’a aucun scellement valide auquel se fier : faites-en un (npm run cli -- seal), puis relancez cette commande.} problems {La vérification trouve d’autres problèmes que des scellements perdus : une restauration ne les explique pas. Rien n’a été enregistré ; restaurez une sauvegarde vérifiée (npm run cli -- verify --data-dir SAUVEGARDE).} planning {--accept-restore vaut pour tout le dossier : relancez-le sans --planning.} other {Rien n’a été enregistré.}}',
    run_busy: 'Une autre vérification est en cours : attendez qu’elle finisse, puis relancez celle-ci.',
    // A check stopped before its end: no verdict, neither intact nor altered.
    cancelled: 'Vérification arrêtée avant sa fin : rien n’est conclu, ni intact ni altéré. Relancez-la pour obtenir un verdict.',
    ended_failed: 'Vérification interrompue par une erreur : rien n’est conclu, ni intact ni altéré. Relancez-la pour obtenir un verdict.',
    anchor_unknown:
      'Ce PC n’a aucun souvenir des scellements de ce dossier (copié d’un autre PC, ou scellé par une version antérieure) : la disparition de ses scellements les plus récents ne peut pas être constatée ici.',
    // What verify finds wrong, each naming the probe, file or seal at fault (ids, paths and dates as parameters).
    problem_artefact_missing:
      'Sondage {probe} du {date} à {time} : {what, select, screenshot {la capture d’écran} log {le journal du sondage} other {le texte de la page}} « {file} » est introuvable.',
    problem_artefact_altered:
      'Sondage {probe} du {date} à {time} : {what, select, screenshot {la capture d’écran} log {le journal du sondage} other {le texte de la page}} « {file} » a été modifié(e) depuis le sondage (empreinte SHA-256 différente).',
    problem_file_unreadable: 'Fichier « {file} » illisible : {reason}',
    problem_record_altered:
      'Sondage {probe} du {date} à {time} (« {file} ») : l’enregistrement a été modifié après coup (son empreinte ne correspond plus).',
    problem_probe_copied: 'Sondage {probe} du {date} à {time} (« {file} ») : copie d’un sondage déjà enregistré ({twin}, « {twinFile} »).',
    problem_count_mismatch:
      'Planning {planning} : « {file} » compte {counted} sondage(s), {found} sont enregistrés : des sondages ont été {change, select, deleted {supprimés} other {ajoutés}} en dehors de Guichets.',
    problem_rebuilt_head_missing:
      'Planning {planning} : « {file} » a été reconstruit le {date} à {time} UTC ; le dernier sondage qu’il connaissait avant (empreinte {hash}…) est introuvable : il a été supprimé ou déplacé.',
    problem_aggregates_rebuilt:
      'Planning {planning} : « {file} » {why, select, missing {avait disparu} other {était illisible}} et a été reconstruit le {date} à {time} UTC à partir des sondages présents : la disparition des sondages les plus récents avant cette date ne peut pas être exclue. Comparez avec le dernier scellement.',
    problem_predecessor_gone:
      'Sondage {probe} du {date} à {time} : le sondage qui le précédait a disparu (supprimé ou déplacé) ; la chaîne est rompue juste avant lui.',
    problem_probe_inserted:
      'Sondage {probe} du {date} à {time} (« {file} ») {first, select, yes {se présente comme le premier sondage du planning, alors que {kept} l’est déjà} other {se rattache au même sondage précédent que {kept}}} : sondage inséré après coup.',
    problem_head_none: 'Planning {planning} : « {file} » ne connaît aucun sondage alors que {count} sont enregistrés.',
    problem_head_missing:
      'Planning {planning} : le dernier sondage enregistré ({probe}, commencé le {startedAt}) est introuvable : il a été supprimé ou déplacé.',
    problem_head_successor:
      'Sondage {probe} du {date} à {time} suit le dernier sondage enregistré ({head}) sans avoir été compté : ajouté en dehors de Guichets.',
    problem_planning_unlisted:
      'Planning {planning} : {count, plural, =1 {« {first} »} =2 {« {first} », « {second} »} other {« {first} », « {second} », « {third} »}} n’appartien(nen)t à aucun planning de « {listing} » (ni suivi ni retiré) : le planning a été effacé de la liste en dehors de Guichets.',
    problem_planning_incomplete:
      'Planning {planning} : le dossier des sondages « {file} » a disparu alors que {count, plural, =1 {« {first} »} other {« {first} » et « {second} »}} existe(nt) encore : des sondages ont été supprimés.',
    problem_seal_unreadable: 'Sceau « {file} » illisible ou modifié (ce n’est plus le texte signé).',
    problem_signature_missing: 'Sceau {seal} : sa signature « {file} » a disparu.',
    problem_key_missing: 'Sceau {seal} : la clé publique qui l’a signé (empreinte {key}) est introuvable ou ne correspond pas à son empreinte.',
    problem_signature_invalid: 'Sceau {seal} : signature invalide, le sceau a été modifié après avoir été signé.',
    problem_token_unreadable: 'Sceau {seal} : jeton d’horodatage « {file} » illisible.',
    problem_token_invalid:
      'Sceau {seal} : horodatage invalide (« {file} ») : {fault, select, refused {l’autorité a refusé l’horodatage (statut {status}{said, select, none {} other { : {said}}})} unreadable {jeton d’horodatage illisible ({detail})} other_request {réponse d’horodatage à une autre demande} bad_signature {signature de l’autorité invalide} other_content {le jeton horodate un autre contenu que ce sceau (empreinte différente)} invalid {jeton invalide ({detail})} other {jeton illisible}}.',
    problem_token_untrusted:
      'Sceau {seal} : le jeton « {file} », signé au nom de « {authority} » pour le {at}, {why, select, not_tsa {le certificat de l’autorité n’est pas un certificat d’horodatage} no_root {sa chaîne de certificats ne mène à aucune racine de confiance (ni livrée avec Guichets, ni ajoutée sur ce PC)} other {ne mène à aucune racine de confiance}} : cet horodatage ne prouve rien.',
    problem_seal_chain:
      'Sceau {seal} : {how, select, first {se présente comme le premier sceau alors que « {expected} » le précède : un sceau a été inséré.} gone {suit le sceau « {previous} », qui a disparu.} moved {suit le sceau « {previous} », qui a disparu (le précédent sur le disque est « {expected} »).} other {le sceau précédent « {expected} » a été modifié depuis.}}',
    problem_foreign_key:
      'Sceau {seal} : signé par la clé {key}, qui n’est pas la clé de l’installation ({expected}{pinned, select, none {} other {, horodatée dans le sceau {pinned}}}){why, select, unstamped { ; le changement de clé qu’il annonce n’est pas horodaté} unrotated { ni une clé transmise par un changement de clé signé par la précédente} other {}} : ce sceau est refusé, ce qu’il dit ne compte pas.',
    problem_sealed_probes_gone:
      'Planning {planning} : le sondage {probe}, dernier des {count} sondages scellés le {sealed} (sceau {seal}), a disparu ou a été réécrit{more, plural, =0 {} other { (et {more} autre(s) sceau(x) après lui)}} : des sondages scellés ont été supprimés ou modifiés.',
    problem_sealed_probe_off_chain:
      'Planning {planning} : le sondage {probe}, scellé le {sealed} (sceau {seal}), n’est plus dans la chaîne des sondages : la chaîne a été réécrite après ce sceau.',
    problem_sealed_count:
      'Planning {planning} : le sceau {seal} ({sealed}) compte {count} sondages jusqu’à {probe}, la chaîne sur le disque en a {found} : des sondages scellés ont été {change, select, deleted {supprimés} other {insérés}}.',
    problem_sealed_file:
      '« {file} » ({what, select, history {l’historique du planning} other {les interruptions}}) : {change, select, gone {le fichier, scellé le {sealed} (sceau {seal}), a disparu ou est illisible} fewer {{count} élément(s) scellé(s) le {sealed} (sceau {seal}), {found} aujourd’hui : des éléments ont été supprimés} other {les {count} élément(s) scellé(s) le {sealed} (sceau {seal}) ont été modifiés, supprimés ou complétés après coup}}.',
    problem_sealed_gaps:
      '« {file} » (les interruptions) {change, select, gone {a disparu ou est illisible} fewer {a perdu des interruptions scellées ({count} le {sealed}, {found} aujourd’hui)} other {n’a plus les interruptions scellées (modifiées, supprimées ou insérées après coup)}} ; scellé par le sceau {seal}.',
    // A dossier's bag checked from its own files (seals/bag-check.ts): paths are the bag's, from its top folder.
    dossier_no_manifest: 'manifest-sha256.txt absent : le dossier n’est pas un sac BagIt complet.',
    dossier_file_altered: '{file} : modifié depuis la constitution du dossier (empreinte différente de manifest-sha256.txt).',
    dossier_file_unlisted: '{file} : absent de manifest-sha256.txt.',
    dossier_key_unreadable: '{file} : clé publique illisible.',
    dossier_no_seal: 'Aucun sceau valide dans le dossier : rien ne relie ces enregistrements à l’installation qui les a faits.',
    dossier_gaps_unreadable: '{file} : fichier d’interruptions illisible.',
    dossier_records_unreadable: '{file} : fichier d’enregistrements illisible.',
    dossier_record_altered: '{file} : l’enregistrement du sondage {probe} a été modifié (son empreinte ne correspond plus).',
    dossier_record_elsewhere: '{file} : l’enregistrement {probe} appartient au planning {planning}.',
    dossier_csv_row_missing: 'data/sondages.csv : le sondage {probe} ({date} {time}, planning {planning}) manque.',
    dossier_csv_cell:
      'data/sondages.csv : ligne du sondage {probe}, colonne {column} : « {found} » au lieu de « {expected} » (l’enregistrement scellé).',
    dossier_artefact_missing: 'Sondage {probe} : le fichier d’empreinte {sha256}… ({file}) n’est pas dans le dossier.',
    dossier_csv_row_unsealed: 'data/sondages.csv : la ligne du sondage {probe} ne correspond à aucun enregistrement scellé du dossier.',
    dossier_csv_unreadable: 'data/sondages.csv : illisible.',
    dossier_csv_row_twice: 'data/sondages.csv : le sondage {probe} y figure deux fois.',
    dossier_planning_unsealed: 'Planning {planning} : le sceau {seal} ne le scelle pas : ses enregistrements ne sont protégés par aucun sceau.',
    dossier_head_missing: 'Planning {planning} : le dernier sondage scellé ({probe}) est absent du dossier.',
    dossier_record_off_chain:
      'Planning {planning} : l’enregistrement {probe} ({date} {time}) n’est pas dans la chaîne scellée : ajouté ou modifié après coup.',
    dossier_period_start_cut:
      'Planning {planning} : le sondage qui précède {probe}, premier de la période, manque : on ne peut pas exclure qu’un sondage du début de la période ait été retiré.',
    dossier_count: 'Planning {planning} : le sceau compte {count} sondages, la chaîne du dossier en a {found}.',
    dossier_head_other: 'Planning {planning} : le dernier sondage scellé devrait être {expected}, c’est {probe}.',
    dossier_record_misfiled:
      'Planning {planning} : l’enregistrement {probe} ({date}) est de la période mais rangé dans data/chainage/ : il manquerait aux chiffres.',
    dossier_history_unreadable: '{file} : historique du planning absent ou illisible.',
    dossier_history_altered: '{file} : l’historique du planning (nom, adresse, guichet) n’est pas celui que le sceau a scellé.',
    dossier_gaps_altered: 'Planning {planning} : les fichiers d’interruptions (gaps.json) ne sont pas ceux que le sceau a scellés.',
  },
  // What the core tells the person about the machine it runs on.
  notice: {
    sandbox_root:
      'Guichets tourne en administrateur (root) : le navigateur ne peut pas y garder son bac à sable. Lancez Guichets avec un compte ordinaire.',
    sandbox_userns:
      'Le noyau Linux n’autorise pas les espaces de noms utilisateur : le navigateur ne peut pas y garder son bac à sable (réglage kernel.unprivileged_userns_clone ou user.max_user_namespaces).',
  },
  // The importer's refusals: where (entry, line, column), never more of a cell than a short printable excerpt.
  import: {
    unreadable:
      'Ce fichier ne peut pas être lu : il n’existe pas, il n’est pas lisible, ou ce n’est pas un fichier (un dossier, un périphérique). Choisissez un fichier CSV ou un dossier de preuves .zip. Rien n’a été importé.',
    too_large:
      'Le fichier dépasse {max} Mo, la taille la plus grande acceptée pour {kind, select, csv {un CSV} other {un dossier de preuves}} : découpez-le, puis importez chaque partie. Rien n’a été importé.',
    not_utf8: '{entry} n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 », puis importez-le de nouveau. Rien n’a été importé.',
    header_too_long: '{entry}, ligne 1 : la première ligne dépasse {max} caractères ; ce n’est pas un CSV de sondages. Rien n’a été importé.',
    empty: '{entry} : aucune ligne de sondage, rien à importer.',
    malformed:
      '{entry}, ligne {line} : CSV mal formé ({reason, select, quote {guillemet jamais fermé} closing {caractère inattendu après un guillemet fermant} opening {guillemet au milieu d’une cellule} other {structure illisible}}). Fichier refusé en entier : rien n’a été importé.',
    line_too_long:
      '{entry}, ligne {line}, colonne {column} : la ligne dépasse {max} caractères. Fichier refusé en entier : rien n’a été importé.',
    cell_too_long:
      '{entry}, ligne {line}, colonne {column} : cellule de plus de {max} caractères. Fichier refusé en entier : rien n’a été importé.',
    too_many_rows:
      '{entry} : plus de {max} lignes, la limite d’un import : découpez le fichier (par période), puis importez chaque partie. Rien n’a été importé.',
    missing_column:
      '{entry}, ligne 1 : colonne « {column} » absente de l’en-tête (attendu au moins : departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date). Rien n’a été importé.',
    too_few_columns:
      '{entry}, ligne {line} : {count, plural, one {# colonne} other {# colonnes}} au lieu d’au moins {min}. Fichier refusé en entier : rien n’a été importé.',
    empty_cell: '{entry}, ligne {line}, colonne {column} : vide. Fichier refusé en entier : rien n’a été importé.',
    bad_date:
      '{entry}, ligne {line}, colonne {column} : « {excerpt} » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA). Fichier refusé en entier : rien n’a été importé.',
    bad_time:
      '{entry}, ligne {line}, colonne {column} : « {excerpt} » n’est pas une heure (HH:MM). Fichier refusé en entier : rien n’a été importé.',
    bad_outcome:
      '{entry}, ligne {line}, colonne {column} : « {excerpt} » n’est pas un résultat connu (dates, no_date, captcha, site_error, unreachable, unrecognized, robot_error). Fichier refusé en entier : rien n’a été importé.',
    second_without_first:
      '{entry}, ligne {line} : deuxieme_date sans premiere_date. Fichier refusé en entier : rien n’a été importé.',
    dates_without_first:
      '{entry}, ligne {line} : résultat « dates » sans premiere_date. Fichier refusé en entier : rien n’a été importé.',
    bad_url:
      '{entry}, ligne {line}, colonne {column} : « {excerpt} » n’est pas une adresse commençant par http:// ou https://. Fichier refusé en entier : rien n’a été importé.',
    unknown_planning:
      '{entry}, ligne {line} : planning « {excerpt} » (département {departement}) inconnu ici : créez-le d’abord avec le même nom, ou choisissez le planning où importer (--planning ID). Rien n’a été importé.',
    ambiguous_planning:
      '{entry}, ligne {line} : plusieurs plannings s’appellent « {excerpt} » (département {departement}) : choisissez celui où importer (--planning ID). Rien n’a été importé.',
    planning_not_found: 'Aucun planning « {id} » : vérifiez son identifiant (npm run cli -- plannings list). Rien n’a été importé.',
    zip_unreadable: 'Dossier refusé : ce fichier ZIP est illisible, endommagé, ou nomme un fichier hors de son dossier (chemin absolu, « .. », nom en double). Rien n’a été importé.',
    zip_link: 'Dossier refusé : un fichier du ZIP est un lien symbolique, ce qu’un dossier de preuves ne contient jamais. Rien n’a été importé.',
    not_a_bag: 'Dossier refusé : ce n’est pas un dossier de preuves (pas de bagit.txt). Rien n’a été importé.',
    too_many_entries: 'Dossier refusé : plus de {max} fichiers, plus qu’aucun dossier de preuves réel. Rien n’a été importé.',
    entry_too_large: 'Dossier refusé : {entry} dépasse {max} Mo, plus qu’aucun dossier de preuves réel. Rien n’a été importé.',
    unpacked_too_large:
      'Dossier refusé : son contenu décompressé dépasserait {max} Mo, bien plus que sa taille ne le permet pour un vrai dossier de preuves. Rien n’a été importé.',
    bag_missing: 'Dossier refusé : {entry} manquant. Rien n’a été importé.',
    bag_absent: 'Dossier refusé : {entry} est listé dans le manifeste mais absent. Rien n’a été importé.',
    bag_altered:
      'Dossier refusé : {entry} a été modifié (son empreinte SHA-256 ne correspond pas au manifeste). Rien n’a été importé.',
    signed_too_large:
      'Dossier refusé : ses enregistrements, sceaux et CSV dépassent ensemble {max} Mo, plus qu’aucun dossier de preuves réel : faites des dossiers plus courts (par période). Rien n’a été importé.',
    dossier_refused: 'Dossier refusé : {problem} Rien n’a été importé.',
    identity_unsealed:
      'Dossier refusé : l’identité du planning « {label} » (adresse, guichet) n’est pas scellée, rien ne dit à quels rendez-vous ses sondages se rapportent. Rien n’a été importé.',
    identity_unknown:
      'Le dossier porte sur le planning « {label} » ({url}, guichet {guichet}), qui n’est pas suivi ici : créez un planning avec la même adresse et le même guichet, ou choisissez celui où importer (--planning ID). Rien n’a été importé.',
    identity_differs:
      'Le planning choisi n’a pas l’adresse et le guichet du planning « {label} » du dossier ({url}, guichet {guichet}) : ce ne sont pas les mêmes rendez-vous. Rien n’a été importé.',
    too_much_memory:
      'Ce fichier demande plus de mémoire que l’import ne s’en accorde ({max} Mo) : découpez-le (par période), puis importez chaque partie. Rien n’a été importé.',
    record_malformed:
      'Dossier refusé : l’enregistrement {id} porte une date, une heure ou une adresse mal formée (une adresse doit commencer par http:// ou https://). Rien n’a été importé.',
    changed_while_read:
      'Le fichier a changé pendant son import : attendez qu’il soit complet (copie, téléchargement), puis importez-le de nouveau. Rien n’a été importé.',
    probe_detail:
      'Importé de « {file} », ligne {line}{by, select, yes { ({association})} other {}}, {sealed, select, yes {scellé} other {non scellé}}',
    bag_unlisted: 'Dossier refusé : {entry} n’est pas dans le manifeste. Rien n’a été importé.',
  },
  backup: {
    done: '✓ Sauvegarde vérifiée dans {dest} : {files, plural, =0 {aucun fichier nouveau} one {# fichier copié} other {# fichiers copiés}}, {probes, plural, one {# sondage vérifié} other {# sondages vérifiés}} dans la copie.',
    not_good:
      '✗ Sauvegarde dans {dest} : la vérification de la copie a trouvé {problems, plural, one {# problème} other {# problèmes}} que le dossier de données n’a pas. Elle n’est pas comptée comme bonne ; les fichiers en cause seront recopiés à la prochaine sauvegarde.',
    source_problems:
      'Le dossier de données a lui-même {count, plural, one {# problème} other {# problèmes}} (voir npm run cli -- verify) : la copie les reproduit tels quels.',
    running: 'Une sauvegarde est déjà en cours : attendez qu’elle se termine.',
    no_folder: 'Aucun dossier de sauvegarde : indiquez-en un (npm run cli -- backup DOSSIER, ou « Sauvegarde quotidienne » dans les réglages).',
    not_absolute: 'Dossier de sauvegarde : indiquez un chemin complet (par exemple /media/cle-usb/Guichets ou E:\\Guichets), pas « {dest} ».',
    inside: 'Dossier de sauvegarde : « {dest} » est dans le dossier de données ou le contient. Choisissez un autre disque (clé USB, disque réseau).',
    not_folder: 'Dossier de sauvegarde : « {dest} » est un fichier, pas un dossier.',
    not_backup:
      'Dossier de sauvegarde : « {dest} » contient déjà autre chose qu’une sauvegarde de Guichets. Choisissez un dossier vide, ou celui d’une sauvegarde précédente.',
    not_writable: 'Dossier de sauvegarde : impossible d’écrire dans « {dest} » (disque absent, en lecture seule ou accès refusé).',
    late: 'Aucune sauvegarde vérifiée depuis le {since} : une panne ou un vol de ce PC ferait perdre les preuves. Branchez le disque de sauvegarde ou choisissez un dossier dans les réglages (Sauvegarde quotidienne).',
    refused:
      '✗ Sauvegarde dans {dest} refusée, rien n’y a été remplacé : « {file} » {why, select, shortened {y est plus long ou différent que dans le dossier de données, qui ne fait pourtant que s’allonger} removed {y est conservé alors qu’il a disparu du dossier de données} other {y diffère du dossier de données, alors qu’une preuve n’est jamais réécrite}}. Les preuves du dossier de données ont pu être modifiées après coup : vérifiez-le (npm run cli -- verify) avant toute nouvelle sauvegarde.',
    never:
      'Aucune sauvegarde vérifiée des preuves : une panne ou un vol de ce PC les ferait perdre. Choisissez un dossier dans les réglages (Sauvegarde quotidienne) ou lancez npm run cli -- backup DOSSIER.',
  },
  // The words of the chart images (the app's export, the dossier, the published site): numbers come worded ({n}), their
  // count ({count}) chooses the plural.
  // A headless Chromium that could not start: its path, its own first line, and what it was launched for.
  browser: {
    launch_failed:
      "Le navigateur {path} n'a pas pu être lancé ({reason}){purpose, select, chart { : il dessine le graphique.} dossier { : il dessine les graphiques et le PDF.} site { : il dessine les graphiques.} other {. Installez Google Chrome, Microsoft Edge ou Chromium, ou indiquez le chemin de votre navigateur dans les réglages (ou dans la variable GUICHETS_BROWSER).}}",
    window_failed: "La fenêtre du navigateur n'a pas pu s'ouvrir ({reason}).",
  },
  // Alerts (alerts/alerts.ts): the dashboard's lines and the desktop's notifications. Dates come written as the
  // screens write them (20/12/2026 09:00, Paris time); the backup's alerts are the `backup` codes.
  alert: {
    dates_back:
      '{planning} : des dates sont proposées depuis le {since}, après {days, plural, one {# jour} other {# jours}} sans aucune.{firstSlot, select, none {} other { Première date : {firstSlot}.}}',
    failing:
      '{planning} : {count, plural, one {# sondage} other {# sondages de suite}} sans réponse utilisable (dernier : {outcome, select, dates {dates disponibles} no_date {aucune date} captcha {captcha} site_error {erreur du site} unreachable {site injoignable} unrecognized {page non reconnue} robot_error {erreur du robot} other {{outcome}}}). Ouvrez le planning pour voir les captures et vérifier l’adresse.',
    budget:
      'Les preuves occupent {evidenceGb, number} Go, au-delà des {budgetGb, number} Go prévus dans les réglages. Rien n’est supprimé : agrandissez la place prévue, ou déplacez le dossier des données sur un disque plus grand.',
    disk: 'Disque presque plein : {freeGb, number} Go libres pour les données. Libérez de la place ou déplacez le dossier des données (Réglages), sinon les sondages s’arrêteront.',
    seals: 'Aucun scellement depuis le {since} : les preuves récentes ne sont ni signées ni horodatées. Vérifiez la connexion à l’autorité d’horodatage.',
  },
  // The desktop's icon beside the clock: the app keeps probing while its window is closed.
  tray: {
    tooltip: 'Guichets — sondages en cours',
    open: 'Ouvrir Guichets',
    quit: 'Quitter (les sondages s’arrêtent)',
  },
  // The desktop app's own boxes at start-up, before its window opens.
  shell: {
    data_missing_title: 'Guichets : dossier des données introuvable',
    data_missing: 'Le dossier des données « {dir} » n’existe pas (disque débranché ?). Rebranchez-le puis relancez Guichets ; sinon un dossier vide sera créé à cet endroit.',
    schedule_title: 'Guichets : sondages non démarrés',
  },
  chart: {
    period: 'Période : {period}',
    span: 'du {from} au {to}',
    at: '{day} à {time}',
    top_three: 'Trois derniers mois entiers',
    top_partial: 'Depuis le début des sondages',
    whole_period: 'Période entière',
    month_in_progress: '{month} (en cours, jusqu’au {day})',
    counts:
      '{count, plural, one {{n} sondage concluant} other {{n} sondages concluants}} sur {days, plural, one {{daysN} jour} other {{daysN} jours}}',
    captcha: '{count, plural, one {{n} captcha} other {{n} captchas}}',
    site_error: '{count, plural, one {{n} erreur du site} other {{n} erreurs du site}}',
    unreachable: '{count, plural, one {{n} sondage sans réponse du site} other {{n} sondages sans réponse du site}}',
    unrecognized: '{count, plural, one {{n} page non reconnue} other {{n} pages non reconnues}}',
    robot_error: '{count, plural, one {{n} erreur du robot} other {{n} erreurs du robot}}',
    gap_hours: '{count, plural, one {{n} heure sans sondage} other {{n} heures sans sondage}}',
    aside: 'À part : {words}',
    empty: 'Aucun sondage concluant',
    percent: '{value} %',
    legend: '« {category} »',
    source:
      'Source : sondages horaires Guichets{by, select, yes { ({association})} other {}} de la page de rendez-vous de la {prefecture}',
    author: 'Auteur : {author}',
    licence: 'Licence : CC-BY 4.0 (creativecommons.org/licenses/by/4.0/deed.fr)',
    address: 'Adresse de prise de rendez-vous : {url}',
    exported: 'Exporté le {at}',
    association_required: 'Avant le premier export, indiquez le nom de l’association dans les réglages : il est écrit sur chaque graphique.',
  },
} as const;
