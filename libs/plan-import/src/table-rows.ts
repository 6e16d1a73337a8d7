/**
 * 责任分解 tables flattened to text, one cell a line (a "|" may close each cell): a header that
 * starts with 序号 names the columns (序号 / 主要工作任务 / 责任单位 / 完成时限 …), then every row
 * is its number and one cell per column. Rows become the lines the rest of the parser reads:
 * "N.task", then "责任单位:…" and "<column>:…" for the other columns.
 */
const cell = (line: string): string => line.replace(/\|\s*$/, '').trim();
const compact = (line: string): string => cell(line).replace(/[\s\u3000]+/g, '');
const TASK_COLUMN = /任务|工作|事项|内容|措施/;
const UNIT_COLUMN = /责任单位|牵头单位|责任部门|牵头部门|配合单位|配合部门/;

export function tableRowsToLines(lines: readonly string[]): string[] {
  const header = lines.findIndex((line) => compact(line) === '序号');
  if (header < 0) return [...lines];
  const columns: string[] = [];
  let at = header + 1;
  while (at < lines.length && !/^\d+$/.test(compact(lines[at]))) columns.push(compact(lines[at++]));
  const taskColumn = columns.findIndex((c) => TASK_COLUMN.test(c) && !UNIT_COLUMN.test(c));
  if (taskColumn < 0 || !columns.some((c) => UNIT_COLUMN.test(c))) return [...lines];

  const piped = lines[header].trim().endsWith('|');
  const out = lines.slice(0, header);
  while (at < lines.length && /^\d+$/.test(compact(lines[at]))) {
    const no = compact(lines[at++]);
    const cells: string[] = [];
    while (cells.length < columns.length && at < lines.length) {
      // A piped cell runs to the line that closes it with "|".
      let text = cell(lines[at]);
      while (piped && !lines[at].trim().endsWith('|') && at + 1 < lines.length) {
        text += cell(lines[++at]);
      }
      at++;
      cells.push(
        text.replace(/[\s\u3000]+/g, (s, i: number, all: string) =>
          /[A-Za-z0-9]/.test(all[i - 1] ?? '') && /[A-Za-z0-9]/.test(all[i + s.length] ?? '')
            ? ' '
            : '',
        ),
      );
    }
    out.push(`${no}.${cells[taskColumn] ?? ''}`);
    columns.forEach((column, i) => {
      if (i !== taskColumn && cells[i]) out.push(`${column}:${cells[i]}`);
    });
  }
  return [...out, ...lines.slice(at)];
}
