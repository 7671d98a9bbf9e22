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
      '{entry}, ligne {line} : {count} colonnes au lieu d’au moins {min}. Fichier refusé en entier : rien n’a été importé.',
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
    planning_not_found: 'Aucun planning « {id} » : vérifiez son identifiant (npm run cli -- stats). Rien n’a été importé.',
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
} as const;
