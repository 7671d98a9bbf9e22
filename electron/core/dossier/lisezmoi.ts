// The method text a lawyer, a judge or an expert reads first: what the robot did, what the words mean, and how
// to check every file without Guichets.
import { CATEGORIES } from '../../shared/domain.js';
import { OUTCOMES } from '../../shared/domain.js';
import type { CoveringSeals } from './seals.js';
import { CATEGORY_WORDS, outcomeWords } from '../report/words.js';

export interface ReadmeFacts {
  association: string;
  contact: string;
  period: string;
  plannings: { label: string; prefecture: string; url: string; probes: number }[];
  version: string;
  exportedAt: string;
  seals: CoveringSeals;
  /** Folder of the seals inside data/. */
  sealsDir: string;
}

const OUTCOME_EXPLAINED: Record<(typeof OUTCOMES)[number], string> = {
  dates: 'le site a proposé au moins un créneau ; les deux premières dates sont relevées.',
  no_date: 'le site a affiché lui-même qu’aucun créneau n’était libre (ses propres mots, conservés dans la capture).',
  captcha: 'le site a exigé un code de sécurité avant de répondre ; le robot n’en tape jamais : rien n’est conclu.',
  site_error: 'le site a répondu par une erreur (5xx, 403, 429, blocage, maintenance) : rien n’est conclu.',
  unreachable: 'le site n’a pas répondu (réseau, délai dépassé) : rien n’est conclu.',
  unrecognized: 'la page obtenue n’est pas celle attendue : rien n’est conclu.',
  robot_error: 'le robot lui-même a échoué : rien n’est conclu.',
};

export function lisezmoi(facts: ReadmeFacts): string {
  const plannings = facts.plannings
    .map((planning) => `  - ${planning.label} (${planning.prefecture}) : ${planning.probes} sondages\n    ${planning.url}`)
    .join('\n');
  const categories = CATEGORIES.map((category) => `  ${category.toUpperCase()} « ${CATEGORY_WORDS[category]} »`).join('\n');
  const outcomes = OUTCOMES.map((outcome) => `  - ${outcomeWords(outcome)} (${outcome}) : ${OUTCOME_EXPLAINED[outcome]}`).join('\n');
  const seal = facts.seals.seal;
  const sealText = seal
    ? `Scellement ${seal} (${facts.seals.coversPeriod ? 'fait après la fin de la période : il la couvre entièrement' : 'le plus récent : aucun scellement n’a encore été fait après la fin de la période'}).

Chaque scellement est un fichier JSON canonique (${facts.sealsDir}/${seal}.json) qui donne l’empreinte de
chaque fichier de preuve à cet instant ; il est signé avec la clé de l’installation et horodaté par une autorité
d’horodatage (RFC 3161) quand elle a répondu. Depuis le dossier data/ :

  openssl pkeyutl -verify -pubin -inkey ${facts.sealsDir}/installation-key.pub.pem -rawin \\
      -in ${facts.sealsDir}/${seal}.json -sigfile ${facts.sealsDir}/${seal}.sig
      (doit afficher « Signature Verified Successfully »)

  openssl ts -verify -data ${facts.sealsDir}/${seal}.json -in ${facts.sealsDir}/${seal}.tsr \\
      -CAfile ${facts.sealsDir}/tsa/<autorité>.pem
      (doit afficher « Verification: OK » ; la date de l’horodatage se lit avec
       openssl ts -reply -in ${facts.sealsDir}/${seal}.tsr -text)`
    : `Aucun scellement n’existait dans le dossier de données au moment de l’export : les fichiers sont protégés par
les empreintes ci-dessus et par la chaîne des sondages, pas par une signature ni un horodatage tiers.`;

  return `DOSSIER DE PREUVES — GUICHETS
==============================

Association : ${facts.association || '(non renseignée)'}
Contact : ${facts.contact || '(non renseigné)'}
Période : ${facts.period} (heure de Paris)
Exporté le : ${facts.exportedAt}, par Guichets ${facts.version}

Plannings :
${plannings}

CE QUE FAIT LE ROBOT
--------------------
Chaque heure, à une minute fixe propre à chaque planning, Guichets ouvre la page publique de prise de
rendez-vous de la préfecture dans un navigateur neuf (Chromium, sans historique ni cookie), comme le ferait une
personne : il choisit le guichet, passe les étapes, et lit la réponse. Il ne réserve jamais. Il enregistre
l’heure (Paris et UTC), le résultat, les deux premiers créneaux proposés s’il y en a, le texte de la page finale,
le code HTTP, une capture d’écran de la page finale portant une légende incrustée (planning, adresse, heures,
résultat, identifiant du sondage), et les versions du navigateur et du logiciel. Les requêtes vers un même site
sont espacées ; un site en erreur est ménagé.

RÉSULTATS D’UN SONDAGE
----------------------
${outcomes}

CATÉGORIES (celles de La Cimade, « À guichets fermés »)
---------------------------------------------------------
Seuls les sondages concluants (dates, pas de date) entrent dans la barre ; t est le jour du sondage :
${categories}
  C1 : première et deuxième dates au plus tard à t + 1 mois ; C2 : première date à t + 1 mois au plus tard,
  pas de deuxième ou plus tard ; C3 : première date entre t + 1 mois et t + 2 mois ; C4 : au-delà de t + 2 mois ;
  C5 : le site dit qu’il n’y a aucune date.
Les autres résultats sont comptés à côté de la barre, jamais dans C5. Les tribunaux comptent les tentatives
et les jours distincts : les deux sont donnés.

CE QU’EST UN TROU
-----------------
Une heure où un sondage était prévu et où aucun n’a eu lieu (ordinateur éteint ou en veille, logiciel fermé,
sondage précédent encore en cours). Un trou n’est jamais compté comme un résultat : il est signalé comme tel,
avec sa raison, dans le résumé.

CONTENU DU DOSSIER (format BagIt 1.0, RFC 8493)
------------------------------------------------
  bagit.txt, bag-info.txt          description du dossier (association, plannings, période, comptes)
  manifest-sha256.txt              l’empreinte SHA-256 de chaque fichier de data/
  tagmanifest-sha256.txt           l’empreinte des fichiers ci-dessus
  data/resume.pdf                  le résumé : chiffres, barres, trous, tableau des sondages, captures choisies
  data/sondages.csv                tous les sondages de la période (format de La Cimade, UTF-8, « ; »)
  data/graphiques/                 les barres en images (période entière et chaque mois), licence CC-BY 4.0
  data/captures/                   chaque capture d’écran légendée (.png) et chaque texte de page (.txt) de la période
  data/captures/originales/        chaque page capturée telle quelle (.webp sans perte), une fois par page
                                   identique, nommée par son empreinte SHA-256 : celle que donne l’enregistrement
                                   (« screenshot »). La légende, redessinée à partir de l’enregistrement
                                   (« caption » et les champs du sondage), est au-dessus de la page dans le .png
  data/enregistrements/            les enregistrements des sondages (JSON), avec l’empreinte de chacun et celle
                                   du sondage précédent : une suppression ou une insertion se voit
  data/${facts.sealsDir.replace(/^data\//, '')}/                  le scellement qui couvre la période, la clé publique, les certificats d’horodatage

VÉRIFIER CHAQUE FICHIER
-----------------------
Décompressez le ZIP, placez-vous dans le dossier qui contient manifest-sha256.txt, puis :

  sha256sum -c manifest-sha256.txt
  sha256sum -c tagmanifest-sha256.txt

Chaque ligne doit finir par « OK ». Sous Windows : certutil -hashfile data\\resume.pdf SHA256, à comparer à la
ligne du fichier manifest-sha256.txt. L’empreinte de chaque capture figure aussi dans le CSV (colonne
sha256_capture) et dans l’enregistrement du sondage.

SIGNATURE ET HORODATAGE
-----------------------
${sealText}
`;
}
