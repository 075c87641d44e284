import { isIPv4, isIPv6 } from "node:net";

/**
 * The throttle's key for a client address. IPv4 addresses (also when IPv4-mapped) are used as they
 * are; IPv6 addresses are grouped by their /64 prefix, because one home or office is usually
 * given a whole /64 and could otherwise rotate through addresses to dodge the per-address limit.
 */
export function clientAddressKey(address: string | undefined | null): string {
  const raw = (address ?? "").trim().toLowerCase();
  if (!raw) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(raw)) return raw;
  const withoutZone = raw.split("%")[0] ?? raw;
  if (!isIPv6(withoutZone)) return raw.slice(0, 64);
  return `${expandIPv6(withoutZone).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (e.g. ::1.2.3.4) counts as two groups; it lies beyond the /64 anyway.
  const groups = (parts: string[]) => parts.reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : 8 - groups(headParts) - groups(tailParts);
  const parts = [...headParts, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tailParts];
  return parts.map((part) => (part.includes(".") ? part : part.padStart(4, "0")));
}
