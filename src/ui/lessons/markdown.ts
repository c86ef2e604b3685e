/**
 * The few Markdown forms the teacher docs use (doc/model.md): headings, paragraphs, bullet and numbered lists,
 * tables (`| a | b |` rows, the first row a header when a `| --- |` row follows it), **bold**, _italic_, `code`
 * and [links](…), as HTML. Text is escaped first, so a doc cannot inject markup.
 */
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:]|$)/g, '$1<em>$2</em>')
    .replace(
      /\[([^\]]+)\]\((https?:[^)\s]+)\)/g,
      '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>',
    );
}

/** HTML for `markdown`; headings drop `shift` levels (a doc's "#" becomes h2 under a page's h1 with shift 1). */
export function markdownToHtml(markdown: string, shift = 1): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let table: { head: string[] | null; rows: string[][] } | null = null;
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((cell) => `<${tag}>${inline(cell)}</${tag}>`).join('')}</tr>`;
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (table) {
      const head = table.head ? `<thead>${row(table.head, 'th')}</thead>` : '';
      out.push(`<table>${head}<tbody>${table.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`);
    }
    table = null;
    if (list)
      out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^\s*[-*]\s+(.*)$/);
    const numbered = line.match(/^\s*\d+\.\s+(.*)$/);
    const cells = /^\|.*\|$/.test(line)
      ? line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim())
      : null;
    if (cells) {
      if (!table) flush();
      table ??= { head: null, rows: [] };
      // A `| --- | :-: |` row makes the row above it the header.
      if (cells.every((cell) => /^:?-+:?$/.test(cell)) && !table.head && table.rows.length === 1)
        table.head = table.rows.pop()!;
      else table.rows.push(cells);
    } else if (heading) {
      flush();
      const level = Math.min(6, heading[1]!.length + shift);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (bullet || numbered) {
      if (table) flush();
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line === '') flush();
    else if (list && /^\s+/.test(raw)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else {
      if (list || table) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}
