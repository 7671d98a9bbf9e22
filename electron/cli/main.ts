import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.js';
import { commands, saveBrowser, type CommandContext } from './commands.js';

/** What the system said, as one line the user can act on; null for what is a bug. */
function systemMessage(error: unknown): string | null {
  const { code, path: file, port } = (error ?? {}) as { code?: unknown; path?: unknown; port?: unknown };
  const where = typeof file === 'string' ? `« ${file} »` : 'le dossier de données';
  switch (code) {
    case 'EADDRINUSE':
      return `Le port ${typeof port === 'number' ? port : ''} est déjà utilisé (un autre Guichets ?) : fermez-le ou choisissez un autre port avec --port.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Impossible d’écrire dans ${where} : lecture seule ou accès refusé. Choisissez un autre dossier avec --data-dir.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${where} n’est pas un dossier utilisable : indiquez un dossier de données avec --data-dir.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Le disque est plein (${where}) : libérez de la place, puis relancez.`;
    default:
      return null;
  }
}

const USAGE = `Guichets — sondages des pages de rendez-vous des préfectures

Utilisation : npm run cli -- <commande> [options]

  discover <url> [--json]                 les guichets proposés à cette adresse
  probe <url> [--guichet V] [--json]      un sondage maintenant (un objet JSON avec --json)
  run                                     le calendrier horaire, sans interface
  demo [--port P]                         préfectures de démonstration + calendrier + interface web
  serve [--port P] [--schedule]           l'interface web et l'API sur 127.0.0.1
  stats [--json]                          les parts des cinq catégories par planning
  export csv --out FICHIER [--planning ID]  le CSV des sondages
  verify [--planning ID]                  vérifie captures, empreintes, chaîne, sceaux et horodatages
  seal [--new-key]                        scelle maintenant les sondages (signé, horodaté) ; --new-key : nouvelle
                                          clé de l'installation, annoncée dans ce sceau et signée par la précédente
  tsa-roots [add FICHIER.pem | remove EMPREINTE]
                                          les racines de confiance des horodatages (livrées, ajoutées sur ce PC)
  dossier --planning ID [--planning ID2] [--from AAAA-MM-JJ --to AAAA-MM-JJ] --out FICHIER.zip
                                          le dossier de preuves (BagIt ZIP + résumé PDF à côté)
  publish --out DOSSIER                   le site statique des chiffres de l'association
  import FICHIER [--planning ID] [--association NOM]
                                          importe un CSV (format La Cimade) ou le dossier d'une autre association
  move-data DOSSIER                       déplace le dossier de données (vide ou nouveau), copie vérifiée

Options communes : --data-dir DOSSIER (sinon GUICHETS_DATA_DIR, sinon le dossier de l'application)
Horodatage : GUICHETS_TSA_URLS (autorités, séparées par des virgules) et GUICHETS_TSA_ROOTS (fichiers PEM de
  racines à croire pour cette fois, séparés par « : », « ; » sous Windows) remplacent ou complètent les réglages.
Navigateur : GUICHETS_BROWSER, sinon les réglages, sinon Chrome, Edge ou Chromium installés ;
  --browser CHEMIN l'enregistre dans les réglages (après avoir vérifié que c'est Chrome, Chromium ou Edge).
Codes de sortie : 0 fait (verify : intact), 1 échec ou altération, 2 mauvaise saisie.
Pour un JSON seul sur la sortie : npm run -s cli -- probe <url> --json`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      guichet: { type: 'string' },
      port: { type: 'string' },
      out: { type: 'string' },
      planning: { type: 'string', multiple: true },
      schedule: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      browser: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      association: { type: 'string' },
      'new-key': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [name, ...args] = positionals;
  if (values.help || !name) {
    process.stdout.write(`${USAGE}\n`);
    return name || values.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new AppError('invalid_input', `Commande inconnue « ${name} ». Voir : npm run cli -- --help`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new AppError('invalid_input', `--port : un nombre entre 0 et 65535 (reçu « ${values.port ?? ''} »).`);
  }
  const context: CommandContext = {
    args,
    json: values.json,
    guichet: values.guichet ?? null,
    port,
    out: values.out ?? null,
    planningIds: values.planning ?? [],
    schedule: values.schedule,
    dataDir: values['data-dir'] ?? null,
    browser: values.browser ?? null,
    from: values.from ?? null,
    to: values.to ?? null,
    association: values.association ?? null,
    newKey: values['new-key'],
  };
  await saveBrowser(context);
  return command(context);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`Erreur : ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      // A mistyped option: node's own message is clear enough, without its stack.
      process.stderr.write(`Erreur : ${error.message}. Voir : npm run cli -- --help\n`);
      process.exitCode = 2;
    } else if (systemMessage(error)) {
      process.stderr.write(`Erreur : ${systemMessage(error) ?? ''}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`Erreur interne : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
