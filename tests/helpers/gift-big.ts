/**
 * A large GIFT file the way a question bank exported from Moodle looks: categories, comment
 * lines, names, every answer-block type, feedback, escapes. Used by the parse benchmark
 * (tests/bench/gift.mts) and by the unit test that reads a 160,000-question file.
 *
 * Questions are short on purpose: 160,000 of them make about 6 MB, the size of the file a
 * teacher reported taking 20 s.
 */

const templates: ((n: number) => string)[] = [
  (n) => `::Q${n}::Who ruled in ${1900 + (n % 90)}?{=Kania ~Gierek ~Jaruzelski}`,
  (n) => `Madrid ${n} began in 1980.{T}`,
  (n) => `::S${n}::Name the union ${n}.{=Solidar*#yes =%50%NSZZ}`,
  (n) => `Year ${n}?{#${1900 + (n % 100)}:1}`,
  (n) => `// note ${n}\n::M${n}::Match ${n}.{=a->1 =b->2}`,
  (n) => `::E${n}::Essay ${n} \\{draft\\}{}`,
];

/** GIFT text with `count` questions, one in every 1,000 after a `$CATEGORY:` line; the questions and their count. */
export function bigGift(count: number): { text: string; questions: number; categories: number } {
  const parts: string[] = [];
  let categories = 0;
  for (let n = 0; n < count; n++) {
    if (n % 1000 === 0) {
      parts.push(`$CATEGORY: $course$/Cold War/Part ${n / 1000}`);
      categories++;
    }
    parts.push(templates[n % templates.length]!(n));
  }
  return { text: `${parts.join("\n\n")}\n`, questions: count, categories };
}
