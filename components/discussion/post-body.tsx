import { Fragment } from "react";
import { parsePostBody } from "@/lib/discussion/format";

/** A post's text as React elements: paragraphs, emphasis, ¶ links. User text is only ever text. */
export function PostBody({ body }: { body: string }) {
  return (
    <>
      {parsePostBody(body).map((para, i) => (
        <p key={i} className="mt-1 first:mt-0 whitespace-pre-wrap break-words">
          {para.map((piece, j) =>
            piece.t === "em" ? (
              <em key={j}>{piece.text}</em>
            ) : piece.t === "para" ? (
              <a key={j} href={`#p-${piece.n}`} className="font-semibold">
                {piece.text}
              </a>
            ) : (
              <Fragment key={j}>{piece.text}</Fragment>
            ),
          )}
        </p>
      ))}
    </>
  );
}
