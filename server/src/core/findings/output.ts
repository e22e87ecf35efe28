/** Small helpers the matrix, criteria and flow outputs share. */

/** RFC 4180; a cell a spreadsheet would read as a formula starts with an apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvTable(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Text for one cell of a Markdown table: pipes and backslashes escaped, lines joined. */
export function mdCell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * A paragraph's source on one line: line breaks (with the `>` or indentation that continues a
 * quote or a list item on the next line) become single spaces.
 */
export function oneLine(text: string): string {
  // Line by line rather than one regular expression: a long run of spaces must stay linear.
  const lines = text.split(/\r\n|\n|\r/);
  return lines
    .map((line, i) => {
      let start = 0;
      let end = line.length;
      if (i > 0) while (start < end && (line[start] === ' ' || line[start] === '\t' || line[start] === '>')) start++;
      if (i < lines.length - 1) while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      return line.slice(start, end);
    })
    .join(' ')
    .trim();
}
