/** One column of an export: a Chinese header and how to read the cell from a row. */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | undefined;
  /** A share (0.42 = 42 %): a percentage in CSV, a number formatted as one in XLSX. */
  readonly percent?: boolean;
  /** Width in characters in XLSX. */
  readonly width?: number;
}
