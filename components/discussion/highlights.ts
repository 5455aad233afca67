/**
 * Drawing annotations on the reading WITHOUT touching its DOM: Ranges over the paragraphs' text
 * nodes registered with the CSS Custom Highlight API (CSS.highlights + ::highlight() in
 * globals.css). Where the API is missing, nothing is drawn (the panel still lists every thread).
 */

/** Text inside these is not part of the paragraph's source text (numbers, labels, chips, back links). */
const NOT_TEXT = "[data-pnum],[data-mark-label],[data-chip],a[href^='#fnref-'],[data-discussion-ui]";

interface TextMap {
  nodes: Text[];
  starts: number[];
  length: number;
}

const cache = new WeakMap<Element, TextMap>();

export function paragraphElement(anchor: string): HTMLElement | null {
  const el = document.getElementById(anchor);
  return el && el.hasAttribute("data-paragraph") ? el : null;
}

export function textMap(el: Element): TextMap {
  const hit = cache.get(el);
  if (hit) return hit;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(length);
    length += (n as Text).data.length;
  }
  const map = { nodes, starts, length };
  cache.set(el, map);
  return map;
}

function locate(map: TextMap, offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  // Binary search for the node holding `offset`.
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  let i = lo;
  const node = map.nodes[i];
  if (!node) return null;
  let local = offset - map.starts[i]!;
  if (preferNext && local === node.data.length && i + 1 < map.nodes.length) {
    i++;
    local = 0;
  }
  return { node: map.nodes[i]!, offset: local };
}

/** A Range over [start, end) of a paragraph's text, or the whole paragraph's text. */
export function rangeFor(anchor: string, span: { start: number; end: number } | null): Range | null {
  const el = paragraphElement(anchor);
  if (!el) return null;
  const map = textMap(el);
  if (map.nodes.length === 0) return null;
  const start = span ? span.start : 0;
  const end = span ? span.end : map.length;
  if (start < 0 || end > map.length || start >= end) return null;
  const a = locate(map, start, true);
  const b = locate(map, end, false);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** The paragraph and text offsets a DOM selection covers, if it lies inside one paragraph. */
export function selectionInParagraph(sel: Selection | null): { anchor: string; start: number; end: number; text: string } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const startEl = (range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element))?.closest("[data-paragraph]");
  const endEl = (range.endContainer.nodeType === Node.TEXT_NODE ? range.endContainer.parentElement : (range.endContainer as Element))?.closest("[data-paragraph]");
  if (!startEl || startEl !== endEl || !startEl.id) return null;
  const map = textMap(startEl);
  const offsetOf = (container: Node, offset: number, atEnd: boolean): number => {
    if (container.nodeType === Node.TEXT_NODE) {
      const i = map.nodes.indexOf(container as Text);
      if (i >= 0) return map.starts[i]! + offset;
    }
    // An element boundary or excluded text: the nearest counted text at or after (start) / before (end) the point.
    const probe = document.createRange();
    probe.setStart(container, offset);
    let best = atEnd ? 0 : map.length;
    for (let i = 0; i < map.nodes.length; i++) {
      const cmp = probe.comparePoint(map.nodes[i]!, 0);
      if (!atEnd && cmp >= 0) return map.starts[i]!;
      if (atEnd && cmp < 0) best = map.starts[i]! + map.nodes[i]!.data.length;
    }
    return best;
  };
  let start = offsetOf(range.startContainer, range.startOffset, false);
  let end = offsetOf(range.endContainer, range.endOffset, true);
  const full = map.nodes.map((n) => n.data).join("");
  // Trim the whitespace a double-click or drag often picks up.
  while (start < end && /\s/.test(full[start]!)) start++;
  while (end > start && /\s/.test(full[end - 1]!)) end--;
  if (end <= start) return null;
  return { anchor: startEl.id, start, end, text: full };
}

/** Paragraph text as the page shows it (for the keyboard dialog and for selectors). */
export function paragraphText(anchor: string): string | null {
  const el = paragraphElement(anchor);
  return el ? textMap(el).nodes.map((n) => n.data).join("") : null;
}

export const highlightsSupported = () => typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";

export function setHighlight(name: string, ranges: Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** The paragraph anchor and text offset under a point (for clicks on highlighted words). */
export function offsetAtPoint(x: number, y: number): { anchor: string; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  let node: Node | null = null;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    if (p) ({ offsetNode: node, offset } = p);
  } else if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const el = node.parentElement?.closest("[data-paragraph]");
  if (!el || !el.id) return null;
  const map = textMap(el);
  const i = map.nodes.indexOf(node as Text);
  if (i < 0) return null;
  return { anchor: el.id, offset: map.starts[i]! + offset };
}
