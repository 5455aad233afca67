import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

/**
 * What a page's responses weigh, by resource type: the bytes the browser got after decoding, and
 * those bytes gzipped (what the wire carries from `next start`, which gzips; chunked responses
 * have no content-length to read it from). Call before navigating; `summary()` after.
 */
export function trackTransfer(page: Page) {
  const bytes: Record<string, { raw: number; gz: number }> = {};
  const pending: Promise<void>[] = [];
  page.on("response", (res) => {
    pending.push(
      res.body().then(
        (body) => {
          const type = res.request().resourceType();
          const entry = (bytes[type] ??= { raw: 0, gz: 0 });
          entry.raw += body.length;
          // Fonts and images are sent as they are; text is gzipped.
          entry.gz += type === "font" || type === "image" ? body.length : gzipSync(body).length;
        },
        () => {},
      ),
    );
  });
  return {
    async summary() {
      await Promise.all(pending);
      const total = Object.values(bytes).reduce((s, b) => s + b.gz, 0);
      return `${Object.entries(bytes)
        .map(([type, b]) => `${type} ${kb(b.raw)} (${kb(b.gz)} gz)`)
        .join(", ")}; about ${kb(total)} over the wire`;
    },
  };
}
