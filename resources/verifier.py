#!/usr/bin/env python3
"""Vérificateur d'un dossier de preuves Guichets, qui n'a besoin que de python3 (bibliothèque standard) et d'openssl.

    python3 verifier.py DOSSIER [--root RACINE.pem ...]

DOSSIER est le dossier décompressé qui contient manifest-sha256.txt (ou celui qui le contient). Le vérificateur
contrôle les manifestes BagIt, recalcule l'empreinte de chaque enregistrement et leur chaîne jusqu'au sceau de
clôture, compare les enregistrements au fichier data/sondages.csv, vérifie la signature de chaque sceau (Ed25519,
openssl pkeyutl) et ses jetons d'horodatage (RFC 3161, openssl ts) avec les racines données (--root, répété, ou
la variable GUICHETS_TSA_ROOTS ; à défaut les racines jointes, dont il affiche les empreintes à comparer avec
celles que publient les autorités), puis dit depuis quand l'existence de chaque sondage est prouvée.
Code de sortie : 0 si tout tient, 1 sinon, 2 si le dossier ou openssl manque.
"""

import argparse
import base64
import csv
import datetime
import decimal
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile

SEAL_V1 = 'guichets-seal/1'
SEAL_V2 = 'guichets-seal/2'
LATE = datetime.timedelta(days=1)
IN_TIME = datetime.timedelta(hours=48)
SEAL_NAME = re.compile(r'^(\d{8}T\d{6}Z)\.json$')
TOKEN_NAME = re.compile(r'^(\d{8}T\d{6}Z)(?:\.[A-Za-z0-9_-][A-Za-z0-9._-]{0,99})?\.tsr$')
RECORD_FILE = re.compile(r'^data/(enregistrements|chainage)/([A-Za-z0-9][A-Za-z0-9._-]{0,127})/(\d{4}-\d{2})/(\d{4}-\d{2}-\d{2}|gaps)\.json$')
FORMULA = re.compile('^[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]')

problems = []


def say(line=''):
    print(line, flush=True)


def problem(line):
    problems.append(line)
    say('✗ ' + line)


# --- JSON canonique, octet pour octet comme Guichets (JavaScript : JSON.stringify, clés triées) ---------------------

def js_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\b':
            out.append('\\b')
        elif ch == '\f':
            out.append('\\f')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\r':
            out.append('\\r')
        elif ch == '\t':
            out.append('\\t')
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def js_number(number):
    if isinstance(number, int):
        return str(number)
    if number != number or number in (float('inf'), float('-inf')):
        return 'null'
    if number == int(number) and abs(number) < 1e21:
        return str(int(number))
    if 1e-7 <= abs(number) < 1e21:
        return format(decimal.Decimal(repr(number)), 'f')
    return re.sub(r'e([+-])0*(\d)', r'e\1\2', repr(number))


def canonical(value):
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, list):
        return '[' + ','.join(canonical(item) for item in value) + ']'
    keys = sorted(value.keys(), key=lambda key: key.encode('utf-16-be'))
    return '{' + ','.join(js_string(key) + ':' + canonical(value[key]) for key in keys) + '}'


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def record_hash(record):
    unsigned = {key: value for key, value in record.items() if key != 'hash'}
    return sha256_hex(canonical(unsigned).encode('utf-8'))


def prefix_digest(items, count):
    return sha256_hex(canonical(items[:count]).encode('utf-8'))


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace('Z', '+00:00'))


def shown(moment):
    """L'heure de Paris, comme en France : 01/12/2026 à 10:00:03 (UTC+1 en hiver, +2 en été)."""
    utc = moment.astimezone(datetime.timezone.utc)
    year = utc.year
    # Heure d'été : du dernier dimanche de mars 1 h UTC au dernier dimanche d'octobre 1 h UTC.
    def last_sunday(month):
        day = datetime.datetime(year, month, 31, 1, tzinfo=datetime.timezone.utc)
        return day - datetime.timedelta(days=(day.weekday() + 1) % 7)
    offset = 2 if last_sunday(3) <= utc < last_sunday(10) else 1
    local = utc + datetime.timedelta(hours=offset)
    return local.strftime('%d/%m/%Y à %H:%M:%S')


def delay_text(delta):
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        return '%d s' % seconds
    if seconds < 3600:
        return '%d min' % round(seconds / 60)
    if seconds < 48 * 3600:
        return '%d h %02d' % (seconds // 3600, (seconds % 3600) // 60)
    return '%d jours' % (seconds // 86400)


# --- openssl ---------------------------------------------------------------------------------------------------------

def openssl(*args):
    result = subprocess.run(['openssl', *args], capture_output=True)
    return result.returncode, result.stdout.decode('utf-8', 'replace'), result.stderr.decode('utf-8', 'replace')


def pem_blocks(text):
    return re.findall(r'-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----', text)


def der_of(block):
    body = re.sub(r'-----(BEGIN|END) CERTIFICATE-----|\s', '', block)
    return base64.b64decode(body)


def subject_of(pem_file):
    code, out, _ = openssl('x509', '-in', pem_file, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus_space')
    return out.strip().replace('subject=', '', 1) if code == 0 else '?'


# --- le sac BagIt -----------------------------------------------------------------------------------------------------

def parse_manifest(path):
    entries = {}
    with open(path, encoding='utf-8') as handle:
        for line in handle.read().splitlines():
            match = re.match(r'^([0-9a-fA-F]{64})[ \t]+(.+)$', line)
            if match:
                name = match.group(2).replace('%0D', '\r').replace('%0A', '\n').replace('%25', '%')
                entries[name] = match.group(1).lower()
    return entries


def all_files(root):
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, '/'))
    return sorted(found)


def check_manifests(root):
    files = all_files(root)
    manifest = parse_manifest(os.path.join(root, 'manifest-sha256.txt'))
    payload = [name for name in files if name.startswith('data/')]
    for name in payload:
        if name not in manifest:
            problem('%s : absent de manifest-sha256.txt (ajouté après coup).' % name)
    for name, digest in manifest.items():
        target = os.path.join(root, name)
        if not os.path.isfile(target):
            problem('%s : listé dans manifest-sha256.txt mais absent.' % name)
        elif sha256_hex(open(target, 'rb').read()) != digest:
            problem('%s : modifié depuis la constitution du dossier (empreinte différente de manifest-sha256.txt).' % name)
    tags_path = os.path.join(root, 'tagmanifest-sha256.txt')
    if os.path.isfile(tags_path):
        tags = parse_manifest(tags_path)
        for name in files:
            if not name.startswith('data/') and name != 'tagmanifest-sha256.txt' and name not in tags:
                problem('%s : absent de tagmanifest-sha256.txt.' % name)
        for name, digest in tags.items():
            target = os.path.join(root, name)
            if not os.path.isfile(target) or sha256_hex(open(target, 'rb').read()) != digest:
                problem('%s : absent ou modifié (empreinte différente de tagmanifest-sha256.txt).' % name)
    else:
        problem('tagmanifest-sha256.txt absent.')
    return manifest


def bag_info(root):
    info = {}
    try:
        for line in open(os.path.join(root, 'bag-info.txt'), encoding='utf-8').read().splitlines():
            match = re.match(r'^([^:\s][^:]*):\s*(.*)$', line)
            if match and match.group(1) not in info:
                info[match.group(1)] = match.group(2)
    except OSError:
        pass
    return info


# --- les racines de confiance -----------------------------------------------------------------------------------------

def load_roots(root, given, work):
    """Une racine par fichier (openssl ts -CAfile) : (empreinte SHA-256, fichier, nom)."""
    sources = list(given)
    env = os.environ.get('GUICHETS_TSA_ROOTS', '')
    if not sources and env:
        sources = [item for item in env.split(os.pathsep) if item.strip()]
    carried = not sources
    if carried:
        folder = os.path.join(root, 'data', 'scellements', 'racines')
        sources = [os.path.join(folder, name) for name in sorted(os.listdir(folder))] if os.path.isdir(folder) else []
    roots = []
    for source in sources:
        try:
            text = open(source, encoding='utf-8').read()
        except OSError:
            problem('Racine illisible : %s' % source)
            continue
        blocks = pem_blocks(text)
        if not blocks:
            problem('Aucun certificat dans %s' % source)
        for block in blocks:
            fingerprint = sha256_hex(der_of(block))
            path = os.path.join(work, 'racine-%s.pem' % fingerprint)
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(block + '\n')
            roots.append((fingerprint, path, subject_of(path)))
    if carried:
        say('Racines : celles jointes au dossier. Comparez chaque empreinte avec celle que publie l’autorité : un')
        say('certificat trouvé dans ce dossier ne prouve rien par lui-même (ou donnez les vôtres : --root FICHIER.pem).')
    else:
        say('Racines : celles que vous avez données.')
    for fingerprint, _, name in roots:
        say('  SHA-256 %s  %s' % (fingerprint, name))
    return roots


# --- les sceaux ---------------------------------------------------------------------------------------------------------

class Seal:
    def __init__(self, name):
        self.name = name
        self.content = None
        self.key = None
        self.key_file = None
        self.signed = False
        self.tokens = []
        self.proven_from = None
        self.late = False


def key_pem(der, work, fingerprint):
    path = os.path.join(work, 'cle-%s.pub.pem' % fingerprint)
    body = base64.b64encode(der).decode('ascii')
    with open(path, 'w', encoding='ascii') as handle:
        handle.write('-----BEGIN PUBLIC KEY-----\n' + '\n'.join(body[i:i + 64] for i in range(0, len(body), 64)) + '\n-----END PUBLIC KEY-----\n')
    return path


def der_items(data, start=0, end=None):
    """The TLV items of DER bytes between start and end: (tag, content start, content end)."""
    end = len(data) if end is None else end
    items = []
    while start < end:
        tag = data[start]
        length = data[start + 1]
        offset = start + 2
        if length & 0x80:
            count = length & 0x7f
            length = int.from_bytes(data[offset:offset + count], 'big')
            offset += count
        items.append((tag, offset, offset + length))
        start = offset + length
    return items


def token_facts(path):
    """The time a token states and the name of its first certificate (the signer's, as authorities put it): only
    read to be shown; what holds is decided by openssl ts -verify."""
    try:
        data = open(path, 'rb').read()
        _, body, body_end = der_items(data)[0]
        token = der_items(data, body, body_end)[1]
        content = der_items(data, token[1], token[2])[1]
        signed = der_items(data, content[1], content[2])[0]
        parts = der_items(data, signed[1], signed[2])
        encap = der_items(data, parts[2][1], parts[2][2])
        octets = der_items(data, encap[1][1], encap[1][2])[0]
        info = der_items(data, *der_items(data, octets[1], octets[2])[0][1:])
        text = data[info[4][1]:info[4][2]].decode('ascii')
        moment = datetime.datetime.strptime(text[:14], '%Y%m%d%H%M%S').replace(tzinfo=datetime.timezone.utc)
        authority = '?'
        certificates = next((part for part in parts[3:] if part[0] == 0xA0), None)
        if certificates:
            first = der_items(data, certificates[1], certificates[2])[0]
            tbs = der_items(data, *der_items(data, first[1], first[2])[0][1:])
            fields = tbs[1:] if tbs[0][0] == 0xA0 else tbs
            subject = fields[4]
            for rdn in der_items(data, subject[1], subject[2]):
                for attribute in der_items(data, rdn[1], rdn[2]):
                    oid, value = der_items(data, attribute[1], attribute[2])[:2]
                    if data[oid[1]:oid[2]] == bytes([0x55, 0x04, 0x03]):
                        authority = data[value[1]:value[2]].decode('utf-8', 'replace')
        return moment, authority
    except (IndexError, ValueError, UnicodeDecodeError):
        return None, '?'


last_root = [None]


def check_seal(folder, name, roots, keys_folder, work):
    seal = Seal(name)
    json_path = os.path.join(folder, name + '.json')
    data = open(json_path, 'rb').read()
    try:
        content = json.loads(data.decode('utf-8'))
    except ValueError:
        content = None
    if not isinstance(content, dict) or content.get('format') not in (SEAL_V1, SEAL_V2) or canonical(content) != data.decode('utf-8'):
        problem('Sceau %s : illisible ou modifié (ce n’est plus le texte signé).' % name)
        return seal
    seal.content = content
    seal.key = content.get('installationKey')
    if content['format'] == SEAL_V2:
        der = base64.b64decode(content.get('key', ''))
        if sha256_hex(der) == seal.key:
            seal.key_file = key_pem(der, work, seal.key)
    else:
        candidate = os.path.join(keys_folder, '%s.pub.pem' % seal.key)
        if os.path.isfile(candidate):
            seal.key_file = candidate
    sig = os.path.join(folder, name + '.sig')
    if not seal.key_file:
        problem('Sceau %s : sa clé publique (empreinte %s) est absente ou ne correspond pas à son empreinte.' % (name, seal.key))
    elif not os.path.isfile(sig):
        problem('Sceau %s : sa signature %s.sig est absente.' % (name, name))
    else:
        code, out, _ = openssl('pkeyutl', '-verify', '-pubin', '-inkey', seal.key_file, '-rawin', '-in', json_path, '-sigfile', sig)
        seal.signed = code == 0 and 'Signature Verified Successfully' in out
        if not seal.signed:
            problem('Sceau %s : signature invalide, le sceau a été modifié après avoir été signé.' % name)
    created = parse_time(content['createdAt'])
    for token_name in sorted(os.listdir(folder)):
        match = TOKEN_NAME.match(token_name)
        if not match or match.group(1) != name:
            continue
        token_path = os.path.join(folder, token_name)
        moment, authority = token_facts(token_path)
        trusted_root = None
        if moment is not None:
            # The root that answered last first: a dossier's tokens come from one or two authorities.
            roots.sort(key=lambda root: root[0] != last_root[0])
            for fingerprint, root_file, root_name in roots:
                code, out, _ = openssl('ts', '-verify', '-data', json_path, '-in', token_path, '-CAfile', root_file, '-attime', str(int(moment.timestamp())))
                if code == 0 and 'Verification: OK' in out:
                    trusted_root = (fingerprint, root_name)
                    last_root[0] = fingerprint
                    break
        if trusted_root is None:
            problem('Sceau %s : le jeton %s (au nom de « %s ») ne se vérifie avec aucune racine de confiance : cet horodatage ne prouve rien.' % (name, token_name, authority))
        seal.tokens.append({'file': token_name, 'authority': authority, 'time': moment, 'root': trusted_root, 'delay': moment - created if moment else None})
    times = sorted(token['time'] for token in seal.tokens if token['root'] and token['time'])
    seal.proven_from = times[0] if times else None
    seal.late = seal.proven_from is not None and seal.proven_from - created > LATE
    return seal


def pin_keys(seals):
    """La clé de l'installation : celle du premier sceau signé et horodaté ; une autre seulement par un changement
    de clé signé par la précédente, dans un sceau horodaté."""
    signed = [seal for seal in seals if seal.signed and seal.key]
    anchor = next((seal for seal in signed if seal.proven_from), signed[0] if signed else None)
    accepted = set()
    if anchor is None:
        return None, None, accepted
    pinned_by = anchor if anchor.proven_from else None
    index = signed.index(anchor)
    for seal in signed[:index]:
        if seal.key == anchor.key:
            accepted.add(seal.name)
        else:
            problem('Sceau %s : signé par la clé %s, qui n’est pas la clé de l’installation (%s) : refusé.' % (seal.name, seal.key, anchor.key))
    current, current_file = anchor.key, anchor.key_file
    for seal in signed[index:]:
        if seal.key == current:
            accepted.add(seal.name)
            continue
        rotation = seal.content.get('rotation') if seal.content.get('format') == SEAL_V2 else None
        ok = False
        if rotation and rotation.get('from') == current and rotation.get('to') == seal.key and seal.proven_from:
            statement = os.path.join(os.path.dirname(current_file), 'rotation-%s.json' % seal.name)
            signature = statement + '.sig'
            with open(statement, 'wb') as handle:
                handle.write(canonical({'format': 'guichets-key-rotation/1', 'from': current, 'to': seal.key}).encode('utf-8'))
            with open(signature, 'wb') as handle:
                handle.write(base64.b64decode(rotation.get('signature', '')))
            code, out, _ = openssl('pkeyutl', '-verify', '-pubin', '-inkey', current_file, '-rawin', '-in', statement, '-sigfile', signature)
            ok = code == 0 and 'Signature Verified Successfully' in out
        if ok:
            say('Changement de clé (sceau %s) : %s → %s, signé par la clé précédente.' % (seal.name, current, seal.key))
            current, current_file = seal.key, seal.key_file
            accepted.add(seal.name)
        else:
            problem('Sceau %s : signé par la clé %s, qui n’est pas la clé de l’installation (%s) ni une clé transmise par un changement signé et horodaté : refusé.' % (seal.name, seal.key, current))
    return current, pinned_by, accepted


# --- enregistrements, chaîne, CSV ---------------------------------------------------------------------------------

def load_records(root, manifest):
    records = {}
    gaps = {}
    for name in manifest:
        match = RECORD_FILE.match(name)
        if not match:
            continue
        place, planning, month, day = match.groups()
        try:
            parsed = json.load(open(os.path.join(root, name), encoding='utf-8'))
        except (OSError, ValueError):
            problem('%s : illisible.' % name)
            continue
        if day == 'gaps':
            gaps.setdefault(planning, {})[month] = parsed.get('gaps', [])
            continue
        for record in parsed.get('probes', []):
            if record_hash(record) != record.get('hash'):
                problem('%s : l’enregistrement du sondage %s a été modifié (son empreinte ne correspond plus).' % (name, record.get('id')))
            elif record.get('planningId') != planning:
                problem('%s : l’enregistrement %s appartient au planning %s.' % (name, record.get('id'), record.get('planningId')))
            else:
                records.setdefault(planning, []).append((record, place == 'enregistrements'))
    return records, gaps


def gaps_digest(by_month, months):
    sealed = {month: by_month.get(month, [])[:count] for month, count in months.items()}
    return sha256_hex(canonical(sealed).encode('utf-8'))


def version_at(versions, instant):
    found = versions[0] if versions else None
    moment = parse_time(instant)
    for version in versions:
        if parse_time(version['at']) <= moment:
            found = version
        else:
            break
    return found


def cell(value):
    return "'" + value if FORMULA.match(value) else value


def expected_row(record, place):
    def hour(slot):
        return slot[11:16] if slot and len(slot) > 10 else 'NULL'
    shot = record.get('screenshot')
    return {
        'departement': place['departement'] if place else 'NULL',
        'planning': place['label'] if place else 'NULL',
        'date_sondage': record['localDate'],
        'heure_sondage': record['localTime'][:5],
        'premiere_date': record['firstSlot'][:10] if record.get('firstSlot') else 'NULL',
        'deuxieme_date': record['secondSlot'][:10] if record.get('secondSlot') else 'NULL',
        'resultat': record['outcome'],
        'categorie': record.get('category') or 'NULL',
        'premiere_heure': hour(record.get('firstSlot')),
        'deuxieme_heure': hour(record.get('secondSlot')),
        'prefecture': place['prefecture'] if place else 'NULL',
        'url': record['url'],
        'id_sondage': record['id'],
        'sha256_capture': shot['sha256'] if shot else 'NULL',
    }


def read_csv(root):
    rows = {}
    imported = 0
    path = os.path.join(root, 'data', 'sondages.csv')
    if not os.path.isfile(path):
        return rows, imported
    text = open(path, encoding='utf-8-sig', newline='').read()
    for row in csv.DictReader(io.StringIO(text, newline=''), delimiter=';'):
        if (row.get('provenance') or 'NULL') != 'NULL':
            imported += 1
        elif row.get('id_sondage') in rows:
            problem('data/sondages.csv : le sondage %s y figure deux fois.' % row.get('id_sondage'))
        else:
            rows[row.get('id_sondage')] = row
    return rows, imported


def proof_of(line, period_hashes, chains):
    """Pour chaque sondage de la période : l'heure à partir de laquelle il est prouvé (None : jamais)."""
    position = {record['hash']: index for index, (record, _) in enumerate(line)}
    best = [None] * len(line)
    for head, proven in chains:
        if head in position and proven:
            index = position[head]
            if best[index] is None or proven < best[index]:
                best[index] = proven
    carried = None
    proven_at = [None] * len(line)
    for index in range(len(line) - 1, -1, -1):
        if best[index] is not None and (carried is None or best[index] < carried):
            carried = best[index]
        proven_at[index] = carried
    return [(record, proven_at[index]) for index, (record, _) in enumerate(line) if record['hash'] in period_hashes]


def say_proof(planning, proven):
    in_time, late, unproven = [], {}, []
    for record, moment in proven:
        started = parse_time(record['startedAt'])
        if moment is None:
            unproven.append(started)
        elif moment - started <= IN_TIME:
            in_time.append(started)
        else:
            late.setdefault(moment, []).append(started)
    span = lambda items: 'le %s' % shown(items[0]) if len(items) == 1 else 'du %s au %s' % (shown(min(items)), shown(max(items)))
    say('Planning %s : %d sondages de la période.' % (planning, len(proven)))
    if in_time:
        say('  %d prouvés au plus 48 h après avoir été faits (%s).' % (len(in_time), span(in_time)))
    for moment in sorted(late):
        say('  %d prouvés seulement à partir du %s (%s) : sceau horodaté tardivement, ou sondages antérieurs aux sceaux.' % (len(late[moment]), shown(moment), span(late[moment])))
    if unproven:
        say('  %d NON HORODATÉS (%s) : une réécriture ne peut pas être exclue.' % (len(unproven), span(unproven)))
    return len(unproven) + sum(len(items) for items in late.values())


def check_planning(planning, entries, gaps, closing, accepted_seals, period, root, rows, known_hashes):
    sealed = closing.content['plannings'].get(planning)
    if not sealed or not sealed.get('head'):
        problem('Planning %s : le sceau %s ne le scelle pas : ses enregistrements ne sont protégés par aucun sceau.' % (planning, closing.name))
        return 0
    by_hash = {record['hash']: (record, in_period) for record, in_period in entries}
    line, seen, current = [], set(), sealed['head']
    while current is not None and current in by_hash and current not in seen:
        seen.add(current)
        line.append(by_hash[current])
        current = by_hash[current][0].get('previousHash')
    line.reverse()
    if sealed['head'] not in by_hash:
        problem('Planning %s : le dernier sondage scellé (%s) est absent du dossier.' % (planning, sealed.get('lastProbeId')))
    for record, in_period in entries:
        if in_period and record['hash'] not in seen:
            problem('Planning %s : l’enregistrement %s (%s %s) n’est pas dans la chaîne scellée : ajouté ou modifié après coup.' % (planning, record['id'], record['localDate'], record['localTime'][:5]))
    if line and line[0][1] and line[0][0].get('previousHash') is not None:
        problem('Planning %s : le sondage qui précède %s, premier de la période, manque : on ne peut pas exclure qu’un sondage du début de la période ait été retiré.' % (planning, line[0][0]['id']))
    if line and line[0][0].get('previousHash') is None and len(line) != sealed['probes']:
        problem('Planning %s : le sceau compte %d sondages, la chaîne du dossier en a %d.' % (planning, sealed['probes'], len(line)))
    if line and line[-1][0]['id'] != sealed.get('lastProbeId'):
        problem('Planning %s : le dernier sondage scellé devrait être %s, c’est %s.' % (planning, sealed.get('lastProbeId'), line[-1][0]['id']))
    flags = [in_period for _, in_period in line]
    if True in flags:
        first, last = flags.index(True), len(flags) - 1 - flags[::-1].index(True)
        inside = line[first:last + 1]
    else:
        inside = []
    moved = next((record for record, in_period in inside if not in_period), None)
    if moved is None and period:
        moved = next((record for record, in_period in line if not in_period and period[0] <= record['localDate'] <= period[1]), None)
    if moved is not None:
        problem('Planning %s : l’enregistrement %s (%s) est de la période mais rangé dans data/chainage/ : il manquerait aux chiffres.' % (planning, moved['id'], moved['localDate']))

    versions = []
    history_path = os.path.join(root, 'data', 'historique', planning + '.json')
    digest = closing.content['history'].get(planning) if closing.content['format'] == SEAL_V2 else None
    try:
        all_versions = json.load(open(history_path, encoding='utf-8'))['versions']
        if closing.content['format'] == SEAL_V2 and (not digest or prefix_digest(all_versions, digest['count']) != digest['sha256']):
            problem('data/historique/%s.json : l’historique du planning (nom, adresse, guichet) n’est pas celui que le sceau a scellé.' % planning)
        else:
            versions = all_versions[:digest['count']] if digest else all_versions
    except (OSError, ValueError, KeyError):
        problem('data/historique/%s.json : historique du planning absent ou illisible.' % planning)
    if closing.content['format'] == SEAL_V2 and planning in closing.content['gaps']:
        sealed_gaps = closing.content['gaps'][planning]
        if gaps_digest(gaps, sealed_gaps['months']) != sealed_gaps['sha256']:
            problem('Planning %s : les fichiers d’interruptions (gaps.json) ne sont pas ceux que le sceau a scellés.' % planning)
    if versions:
        identity = versions[-1]
        say('Planning %s : « %s », %s, %s%s' % (planning, identity.get('label'), identity.get('prefecture'), identity.get('url'), (', guichet %s' % identity['guichet']) if identity.get('guichet') else ''))

    period_records = [record for record, in_period in inside if in_period]
    for record in period_records:
        row = rows.pop(record['id'], None)
        if row is None:
            problem('data/sondages.csv : le sondage %s (%s %s, planning %s) manque.' % (record['id'], record['localDate'], record['localTime'][:5], planning))
            continue
        for column, value in expected_row(record, version_at(versions, record['startedAt'])).items():
            if (row.get(column) or '') != cell(value):
                problem('data/sondages.csv : ligne du sondage %s, colonne %s : « %s » au lieu de « %s » (l’enregistrement scellé).' % (record['id'], column, (row.get(column) or '')[:60], cell(value)[:60]))
                break
        for artefact in (record.get('screenshot'), record.get('pageText'), record.get('log')):
            if artefact and artefact['sha256'] not in known_hashes:
                problem('Sondage %s : le fichier d’empreinte %s… (%s) n’est pas dans le dossier.' % (record['id'], artefact['sha256'][:16], artefact['path']))

    chains = []
    for seal in accepted_seals:
        head = seal.content['plannings'].get(planning, {}).get('head')
        chains.append((head, seal.proven_from))
    # A head after the period covers its last record: each head is taken back to the newest period record it covers.
    period_hashes = {record['hash'] for record in period_records}
    return say_proof(planning, proof_of(line, period_hashes, chains))


def main():
    parser = argparse.ArgumentParser(description='Vérifie un dossier de preuves Guichets.')
    parser.add_argument('dossier')
    parser.add_argument('--root', action='append', default=[], help='un certificat racine de confiance (PEM), autant de fois que nécessaire')
    args = parser.parse_args()
    root = args.dossier
    if not os.path.isfile(os.path.join(root, 'manifest-sha256.txt')) and os.path.isdir(root):
        inner = [name for name in os.listdir(root) if os.path.isfile(os.path.join(root, name, 'manifest-sha256.txt'))]
        if len(inner) == 1:
            root = os.path.join(root, inner[0])
    if not os.path.isfile(os.path.join(root, 'manifest-sha256.txt')) or not os.path.isfile(os.path.join(root, 'bagit.txt')):
        print('Erreur : « %s » n’est pas un dossier de preuves décompressé (bagit.txt et manifest-sha256.txt manquent).' % args.dossier, file=sys.stderr)
        return 2
    try:
        subprocess.run(['openssl', 'version'], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        print('Erreur : openssl est introuvable : installez-le (il vérifie signatures et horodatages).', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix='guichets-verifier-') as work:
        return verify(root, args.root, work)


def verify(root, given_roots, work):
    say('Dossier : %s' % os.path.abspath(root))
    manifest = check_manifests(root)
    known_hashes = set(manifest.values())
    info = bag_info(root)
    period = (info['Period-Start'], info['Period-End']) if 'Period-Start' in info and 'Period-End' in info else None
    roots = load_roots(root, given_roots, work)
    folder = os.path.join(root, 'data', 'scellements')
    names = sorted(match.group(1) for match in (SEAL_NAME.match(name) for name in (os.listdir(folder) if os.path.isdir(folder) else [])) if match)
    seals = [check_seal(folder, name, roots, os.path.join(folder, 'cles'), work) for name in names]
    key, pinned_by, accepted = pin_keys(seals)
    accepted_seals = [seal for seal in seals if seal.name in accepted]
    for seal in seals:
        created = parse_time(seal.content['createdAt']) if seal.content else None
        say('Sceau %s (fait le %s) :' % (seal.name, shown(created) if created else '?'))
        if not seal.tokens:
            say('  NON HORODATÉ.')
        for token in seal.tokens:
            if token['root']:
                say('  horodaté par « %s » le %s, %s après%s ; racine SHA-256 %s' % (token['authority'], shown(token['time']), delay_text(token['delay']), ' (tardif : ne prouve qu’à partir de cette heure)' if seal.late and token['time'] == seal.proven_from else '', token['root'][0]))
            else:
                say('  jeton %s refusé.' % token['file'])
    if key:
        say('Clé de l’installation : %s%s' % (key, (', horodatée pour la première fois dans le sceau %s le %s' % (pinned_by.name, shown(pinned_by.proven_from))) if pinned_by else ' (aucun sceau horodaté ne la date)'))
    closing = accepted_seals[-1] if accepted_seals else None
    reserved = 0
    if closing is None:
        problem('Aucun sceau valide dans le dossier : rien ne relie ces enregistrements à l’installation qui les a faits.')
    else:
        say('Sceau de clôture : %s%s.' % (closing.name, '' if closing.proven_from else ', NON HORODATÉ'))
        records, gaps = load_records(root, manifest)
        rows, imported = read_csv(root)
        for planning in sorted(records):
            reserved += check_planning(planning, records[planning], gaps.get(planning, {}), closing, accepted_seals, period, root, rows, known_hashes)
        for identifier in rows:
            problem('data/sondages.csv : la ligne du sondage %s ne correspond à aucun enregistrement scellé du dossier.' % identifier)
        if imported:
            say('%d sondages importés d’une autre source (colonne provenance) : ni scellés ni horodatés par cette installation.' % imported)
    say()
    if problems:
        say('RÉSULTAT : %d problème(s) : le dossier ne tient pas tel quel.' % len(problems))
        return 1
    if reserved:
        say('RÉSULTAT : tout tient, avec réserve : %d sondage(s) ne sont pas prouvés au plus 48 h après avoir été faits (voir ci-dessus).' % reserved)
    else:
        say('RÉSULTAT : tout tient ; chaque sondage de la période est prouvé au plus 48 h après avoir été fait.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
