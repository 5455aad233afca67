/**
 * The little formatting posts may use, parsed to plain data (rendered to React elements by
 * components/discussion/post-body.tsx; never to HTML): blank lines make paragraphs, *words* are
 * emphasis, and "¶ 53" (or "¶53") links to paragraph 53. Everything else is text.
 */
export type Inline = { t: "text"; text: string } | { t: "em"; text: string } | { t: "para"; n: number; text: string };

const TOKEN = /\*([^*\n]{1,200})\*|¶\s?(\d{1,4})/g;

export function parsePostBody(body: string): Inline[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const out: Inline[] = [];
      let at = 0;
      for (const m of p.matchAll(TOKEN)) {
        if (m.index > at) out.push({ t: "text", text: p.slice(at, m.index) });
        if (m[1] !== undefined) out.push({ t: "em", text: m[1] });
        else out.push({ t: "para", n: Number(m[2]), text: m[0] });
        at = m.index + m[0].length;
      }
      if (at < p.length) out.push({ t: "text", text: p.slice(at) });
      return out;
    });
}

/** Words in a post, for the participation counts. */
export const wordCount = (body: string): number => (body.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
