import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, clientIp, stampClientAddress, trustedProxyHops } from "@/lib/auth/request-meta";

describe("the client's address", () => {
  it("without a trusted proxy is the socket's peer, whatever X-Forwarded-For claims", () => {
    expect(clientAddressOf("10.0.0.5", "203.0.113.9", 0)).toBe("10.0.0.5");
    expect(clientAddressOf("::ffff:10.0.0.5", null, 0)).toBe("10.0.0.5");
  });

  it("behind one proxy of ours is the last X-Forwarded-For entry (the one our proxy appended), not the first", () => {
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 198.51.100.20", 1)).toBe("198.51.100.20");
    expect(clientAddressOf("10.0.0.1", ["6.6.6.6", "198.51.100.20"], 1)).toBe("198.51.100.20");
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 198.51.100.20, 10.0.0.2", 2)).toBe("198.51.100.20");
  });

  it("TRUST_PROXY reads as a hop count", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(trustedProxyHops("yes")).toBe(0);
  });

  it("a client-supplied copy of our header is replaced, and X-Forwarded-For alone is never read", () => {
    const headers: Record<string, string | string[] | undefined> = {
      [CLIENT_ADDRESS_HEADER]: "1.2.3.4",
      "x-forwarded-for": "5.6.7.8",
    };
    stampClientAddress(headers, "10.9.8.7", 0);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("10.9.8.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "5.6.7.8" }))).toBeNull();
  });
});
