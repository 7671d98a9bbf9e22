// Which addresses are this computer's or its local network's, and where a host name leads: the judgement the robot's
// guard (private-network.ts) makes at each connection.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const PRIVATE_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];
for (const [network, prefix] of PRIVATE_V4) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of PRIVATE_V6) PRIVATE.addSubnet(network, prefix, 'ipv6');

/** NAT64 (`64:ff9b::/96`) and the old IPv4-compatible form (`::/96`) carry an IPv4 address in their last 32 bits. */
const EMBEDS_V4 = new BlockList();
EMBEDS_V4.addSubnet('64:ff9b::', 96, 'ipv6');
EMBEDS_V4.addSubnet('::', 96, 'ipv6');

/** The IPv4 address in the last 32 bits of an IPv6 one, written dotted (`64:ff9b::10.0.0.1`) or in hex. */
function lastV4(address: string): string {
  if (address.includes('.')) return address.slice(address.lastIndexOf(':') + 1);
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const words = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((word) => parseInt(word, 16) || 0);
  const [high = 0, low = 0] = words.slice(6);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Loopback, private, link-local, shared or multicast (IPv4-mapped, IPv4-compatible and NAT64 IPv6 included);
 * anything not an address too.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (PRIVATE.check(address, 'ipv6')) return true;
  return EMBEDS_V4.check(address, 'ipv6') && PRIVATE.check(lastV4(address), 'ipv4');
}

/** `[::1]` as a URL writes it → `::1`. */
export const bare = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

export type Found = { address: string } | { refused: 'private'; address: string } | { refused: 'unresolved' };

/** How names are resolved: the system's resolver, or a test's own names. */
export type Lookup = (hostname: string) => Promise<{ address: string }[]>;
export const systemLookup: Lookup = (hostname) => lookup(hostname, { all: true });

/**
 * Where to connect for a host name, or why not: an address literal is judged as is, a name by every address it
 * resolves to (one private address is enough to refuse it, and is named). A name that does not resolve is
 * `unresolved`.
 */
export async function publicAddressOf(hostname: string, resolve: Lookup = systemLookup): Promise<Found> {
  const host = bare(hostname).toLowerCase();
  if (isIP(host) !== 0) return isPrivateAddress(host) ? { refused: 'private', address: host } : { address: host };
  // Browsers answer these themselves, with loopback.
  if (host === 'localhost' || host.endsWith('.localhost')) return { refused: 'private', address: '127.0.0.1' };
  const found = await resolve(host).catch(() => []);
  const [first] = found;
  if (!first) return { refused: 'unresolved' };
  const local = found.find((entry) => isPrivateAddress(entry.address));
  return local ? { refused: 'private', address: local.address } : { address: first.address };
}
