// Which address a request counts as, for per-address rate limits.
import { describe, expect, it } from "vitest";

import { clientAddress, normaliseAddress } from "@/lib/http/client-address";

describe("clientAddress", () => {
  it("with no proxy, takes the address Next wrote (the only entry)", () => {
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind one proxy, takes the entry that proxy appended, not what the client wrote before it", () => {
    expect(clientAddress("198.51.100.9, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 2.2.2.2, 203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, takes the second entry from the right", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("reads a missing, empty or garbage header as 'unknown' (one shared bucket, never a crash)", () => {
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress("", 1)).toBe("unknown");
    expect(clientAddress("not-an-address", 1)).toBe("unknown");
    expect(clientAddress("203.0.113.7", 3)).toBe("unknown");
    expect(clientAddress("x".repeat(10_000), 1)).toBe("unknown");
  });

  it("cuts IPv6 to its /64, so one host can't rotate through its own addresses", () => {
    expect(clientAddress("2001:db8:1:2:aaaa::1", 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee", 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8::1", 0)).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
  });
});
