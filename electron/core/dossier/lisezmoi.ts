// The method text a lawyer, a judge or an expert reads first: what the robot did, what the words mean, and how
// to check every file without Guichets.
import { CATEGORIES } from '../../shared/domain.js';
import { OUTCOMES } from '../../shared/domain.js';
import type { CarriedSeals } from './seals.js';
import type { CarriedRecords } from './records.js';
import { proofSentences, sealSentences } from './proof-words.js';
import { formatFingerprint, type PlanningProof } from '../seals/index.js';
import { CATEGORY_WORDS, outcomeWords } from '../report/words.js';

export interface ReadmeFacts {
  association: string;
  contact: string;
  period: string;
  plannings: { label: string; prefecture: string; url: string; probes: number }[];
  version: string;
  exportedAt: string;
  seals: CarriedSeals;
  proof: { label: string; proof: PlanningProof | null; imported: number }[];
  records: CarriedRecords[];
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
  const sealText = sealSection(facts);
  const proofText = facts.proof
    .map((entry) => [`  ${entry.label} :`, ...proofSentences(entry.proof, entry.imported).map((line) => wrap(line, '    '))].join('\n'))
    .join('\n');
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
  tagmanifest-sha256.txt           l’empreinte des fichiers ci-dessus et du vérificateur
  verifier.py                      le vérificateur (python3 et openssl suffisent), voir plus bas
  data/resume.pdf                  le résumé : chiffres, barres, trous, preuve dans le temps, tableau des sondages,
                                   captures choisies
  data/sondages.csv                tous les sondages de la période (format de La Cimade, UTF-8, « ; ») ; il n’est pas
                                   signé : le vérificateur le compare aux enregistrements
  data/graphiques/                 les barres en images (période entière et chaque mois), licence CC-BY 4.0
  data/captures/                   chaque capture d’écran légendée (.png) et chaque texte de page (.txt) de la période
  data/captures/originales/        chaque page capturée telle quelle (.webp sans perte), une fois par page
                                   identique, nommée par son empreinte SHA-256 : celle que donne l’enregistrement
                                   (« screenshot »). La légende, redessinée à partir de l’enregistrement
                                   (« caption » et les champs du sondage), est au-dessus de la page dans le .png
  data/journaux/                   le journal de chaque sondage (étapes du robot, messages du navigateur)
  data/enregistrements/            les enregistrements des sondages de la période (JSON, tels que l’ordinateur les
                                   garde), avec l’empreinte de chacun et celle du sondage précédent : une
                                   suppression ou une insertion se voit ; et les fichiers d’interruptions (gaps.json)
  data/chainage/                   « chaînage » : les enregistrements hors période qui relient la période au sceau
                                   (le jour du dernier sondage avant la période, les jours après elle jusqu’au
                                   dernier sondage scellé) et les autres fichiers d’interruptions ; non comptés
  data/historique/                 les noms successifs de chaque planning (intitulé, préfecture, adresse, guichet)
  data/${facts.sealsDir}/                 les sceaux joints, leurs signatures (.sig) et leurs jetons d’horodatage (.tsr) ;
                                   cles/ : les clés publiques ; racines/ : une copie des certificats racines des
                                   autorités, à comparer avec ceux qu’elles publient

DEPUIS QUAND L’EXISTENCE DE CHAQUE SONDAGE EST PROUVÉE
-------------------------------------------------------
Un sondage est prouvé exister à partir de l’heure du premier jeton d’horodatage, émis par une autorité de
confiance, d’un sceau qui le couvre ; jamais plus tôt (la date d’un sceau est celle de l’horloge de l’ordinateur).
${proofText}

VÉRIFIER CHAQUE FICHIER
-----------------------
Décompressez le ZIP, placez-vous dans le dossier qui contient manifest-sha256.txt (les commandes ci-dessous,
précédées de « $ », se collent telles quelles dans un terminal), puis :

  $ sha256sum -c manifest-sha256.txt
  $ sha256sum -c tagmanifest-sha256.txt

Chaque ligne doit finir par « OK ». Sous Windows : certutil -hashfile data\\resume.pdf SHA256, à comparer à la
ligne du fichier manifest-sha256.txt. L’empreinte de chaque capture figure aussi dans le CSV (colonne
sha256_capture) et dans l’enregistrement du sondage.

TOUT VÉRIFIER D’UN COUP
-----------------------
Le vérificateur joint n’a besoin que de python3 (sa bibliothèque standard) et d’openssl :

  $ python3 verifier.py .

Il contrôle les manifestes, recalcule l’empreinte de chaque enregistrement et leur chaîne jusqu’au sceau,
compare les enregistrements au fichier sondages.csv, vérifie la signature des sceaux et leurs jetons
d’horodatage, puis dit depuis quand chaque sondage est prouvé. Il finit par « RÉSULTAT : … » et son code de
sortie est 0 seulement si tout tient. Par défaut il croit les racines jointes (data/${facts.sealsDir}/racines/) et
affiche leurs empreintes : comparez-les à celles que publient les autorités, car un certificat trouvé dans ce
dossier ne prouve rien par lui-même. Pour ne croire que des racines obtenues ailleurs :
python3 verifier.py . --root FICHIER.pem (autant de fois que nécessaire), ou la variable GUICHETS_TSA_ROOTS.

SIGNATURE ET HORODATAGE, À LA MAIN
----------------------------------
${sealText}
`;
}

/** Long sentences folded for a text file read in a terminal. */
function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length + word.length > 112 && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** The seal's facts, then the commands an expert pastes as they are (no placeholder), each with what it must say. */
function sealSection(facts: ReadmeFacts): string {
  const seals = facts.seals;
  const dir = `data/${facts.sealsDir}`;
  const intro = sealSentences(seals).map((line) => wrap(line)).join('\n');
  const closing = seals.closing;
  if (!closing) return intro;
  const key = seals.keys.find((fingerprint) => fingerprint === closing.key) ?? seals.keys[0];
  const parts: string[] = [intro, ''];
  parts.push(`Un sceau est un fichier JSON canonique (${dir}/${closing.name}.json) : pour chaque planning, l’empreinte
(« head ») du dernier enregistrement de sa chaîne, leur nombre et l’identifiant du dernier sondage ; l’empreinte de
ses fichiers d’interruptions et de son historique ; l’empreinte du sceau précédent. Il est signé (Ed25519) avec la
clé de l’installation, qu’il contient aussi (« key »), et horodaté (RFC 3161) par chaque autorité qui a répondu.`);
  if (key) {
    parts.push(`
La clé, son empreinte (doit afficher ${key}) :

  $ openssl pkey -pubin -in ${dir}/cles/${key}.pub.pem -outform DER | sha256sum

La signature du sceau (doit afficher « Signature Verified Successfully ») :

  $ openssl pkeyutl -verify -pubin -inkey ${dir}/cles/${key}.pub.pem -rawin -in ${dir}/${closing.name}.json -sigfile ${dir}/${closing.name}.sig`);
  }
  for (const token of closing.tokens.filter((item) => item.root && item.genTime !== null)) {
    const root = token.root;
    if (!root) continue;
    const colons = formatFingerprint(root.sha256, 'openssl');
    const published = seals.roots.find((item) => item.sha256 === root.sha256)?.published;
    const attime = Math.floor(new Date(token.genTime ?? 0).getTime() / 1000);
    parts.push(`
Jeton de « ${token.authority} ». Sa racine, dont l’empreinte doit être ${colons} :
comparez-la à celle que l’autorité publie${published ? ` (${published})` : ''} ; ce fichier, trouvé dans le dossier, ne prouve rien
par lui-même :

  $ openssl x509 -in ${dir}/racines/${root.sha256}.pem -noout -fingerprint -sha256

Le jeton, vérifié avec cette racine à l’heure qu’il atteste (doit afficher « Verification: OK ») :

  $ openssl ts -verify -data ${dir}/${closing.name}.json -in ${dir}/${token.file} -CAfile ${dir}/racines/${root.sha256}.pem -attime ${attime}

L’heure attestée (ligne « Time stamp ») :

  $ openssl ts -reply -in ${dir}/${token.file} -text`);
  }
  const sample = facts.records.flatMap((records) => records.files).find((file) => /^enregistrements\/.+\/\d{4}-\d{2}-\d{2}\.json$/.test(file.name));
  parts.push(`
L’EMPREINTE D’UN ENREGISTREMENT est le SHA-256 de son JSON canonique sans son champ « hash » : clés triées à tous
les niveaux, sans espaces, texte en UTF-8 (non échappé, sauf les caractères de contrôle), nombres entiers en
chiffres. Chaque enregistrement donne aussi l’empreinte du précédent (« previousHash ») : en partant du « head » du
sceau, chaque enregistrement mène au précédent, à travers data/enregistrements/ (la période) et data/chainage/ (les
enregistrements hors période joints pour relier la période au sceau, non comptés dans les chiffres).`);
  if (sample) {
    parts.push(`Par exemple, pour le premier enregistrement de data/${sample.name} (doit afficher son champ « hash ») :

  $ python3 -c 'import hashlib,json,sys; r=json.load(open(sys.argv[1],encoding="utf-8"))["probes"][0]; r.pop("hash"); print(hashlib.sha256(json.dumps(r,sort_keys=True,separators=(",",":"),ensure_ascii=False).encode("utf-8")).hexdigest())' data/${sample.name}`);
  }
  return parts.join('\n');
}
