/** Text typed by a person (a question's prompt, an essay): a paragraph per blank-line-separated block, single line breaks kept. */
export function PlainParagraphs({ text }: { text: string }) {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para, i) => (
      <p key={i} className="whitespace-pre-line">
        {para}
      </p>
    ));
}
