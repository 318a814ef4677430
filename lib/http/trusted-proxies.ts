import { BlockList, isIP } from "node:net";

/** One trusted proxy: an address, or a network in CIDR form (`10.0.0.0/24`, `fd00::/8`). */
export type ProxyRange = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/**
 * TRUSTED_PROXIES, parsed: comma-separated addresses or CIDR ranges of the reverse proxies
 * in front of Claimtrail. Empty means none: the client is the socket's peer.
 */
export function parseTrustedProxies(value: string | undefined): { ok: true; ranges: ProxyRange[] } | { ok: false; message: string } {
  const ranges: ProxyRange[] = [];
  for (const entry of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address = "", prefixText] = entry.split("/");
    const version = isIP(address);
    if (version === 0) return { ok: false, message: `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range such as 10.0.0.0/24` };
    const bits = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!(prefix >= 0 && prefix <= bits)) return { ok: false, message: `TRUSTED_PROXIES: the prefix of "${entry}" must be a whole number from 0 to ${bits}` };
    ranges.push({ address, prefix, family: version === 4 ? "ipv4" : "ipv6" });
  }
  return { ok: true, ranges };
}

/** Node's own address matcher for the ranges (IPv4-mapped IPv6 peers included). */
export function proxyMatcher(ranges: readonly ProxyRange[]): (address: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) list.addSubnet(range.address, range.prefix, range.family);
  return (address) => {
    const version = isIP(address);
    if (version === 0) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return list.check(mapped, "ipv4") || list.check(address, "ipv6");
    return list.check(address, version === 4 ? "ipv4" : "ipv6");
  };
}
