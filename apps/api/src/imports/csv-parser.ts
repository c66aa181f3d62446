/**
 * A small streaming RFC 4180 CSV parser working on bytes: quoted fields, `""` escapes, CRLF or LF
 * line ends, newlines inside quotes, a leading UTF-8 BOM. Fields are decoded as strict UTF-8 per
 * record, so one record with broken bytes is reported (`badEncoding`) without spoiling the others —
 * the separators are ASCII and never occur inside a multi-byte UTF-8 sequence.
 */
export interface CsvRecord {
  /** The decoded fields; empty when `badEncoding` or `tooLarge`. */
  fields: string[];
  /** 1-based physical line on which the record starts. */
  line: number;
  /** Some field is not valid UTF-8, or holds a NUL character (which PostgreSQL text cannot store). */
  badEncoding: boolean;
  /** The record exceeded the byte limit; its content was dropped. */
  tooLarge: boolean;
  /** The input ended inside a quoted field. */
  unterminated: boolean;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvParserOptions {
  /** Largest record kept, in bytes (default 1 MiB); bigger ones come back with `tooLarge`. */
  maxRecordBytes?: number;
}

export class CsvParser {
  private readonly maxRecordBytes: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private fields: Buffer[] = [];
  private field: number[] = [];
  private recordBytes = 0;
  private tooLarge = false;
  private inQuotes = false;
  /** Just saw a quote inside a quoted field: either an escape (`""`) or the closing quote. */
  private quotePending = false;
  /** Just saw CR outside quotes: an LF right after it belongs to the same line end. */
  private crPending = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private atStart = true;
  private bomBytes: number[] = [];
  private prevByte = -1;

  constructor(options: CsvParserOptions = {}) {
    this.maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024;
  }

  /** Feeds the next chunk; returns the records it completed. */
  push(chunk: Uint8Array): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.atStart && this.skipBom(byte, out)) continue;
      this.consume(byte, out);
    }
    return out;
  }

  /** Ends the input; returns the last record if the file did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.atStart) {
      // Fewer bytes than a BOM: they were content after all.
      this.atStart = false;
      for (const b of this.bomBytes) this.consume(b, out);
    }
    this.crPending = false;
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.started) {
      const unterminated = this.inQuotes;
      this.inQuotes = false;
      out.push(this.finish(unterminated));
    }
    return out;
  }

  private skipBom(byte: number, out: CsvRecord[]): boolean {
    const BOM = [0xef, 0xbb, 0xbf];
    if (byte === BOM[this.bomBytes.length]) {
      this.bomBytes.push(byte);
      if (this.bomBytes.length === BOM.length) {
        this.atStart = false;
        this.bomBytes = [];
      }
      return true;
    }
    this.atStart = false;
    const pending = this.bomBytes;
    this.bomBytes = [];
    for (const b of pending) this.consume(b, out);
    return false;
  }

  private consume(byte: number, out: CsvRecord[]): void {
    if (this.crPending) {
      this.crPending = false;
      if (byte === LF) return;
    }
    if (this.inQuotes) {
      if (this.quotePending) {
        this.quotePending = false;
        if (byte === QUOTE) {
          this.append(QUOTE);
          return;
        }
        this.inQuotes = false;
        // Fall through: the byte after a closing quote is handled outside quotes.
      } else {
        if (byte === QUOTE) this.quotePending = true;
        else {
          // CR, LF and CRLF inside quotes each count as one line break.
          if (byte === CR || (byte === LF && this.prevByte !== CR)) this.line += 1;
          this.prevByte = byte;
          this.append(byte);
        }
        return;
      }
    }
    if (byte === COMMA) {
      this.started = true;
      this.endField();
    } else if (byte === CR || byte === LF) {
      if (byte === CR) this.crPending = true;
      this.line += 1;
      out.push(this.finish(false));
      this.recordLine = this.line;
    } else if (byte === QUOTE && this.field.length === 0) {
      this.started = true;
      this.inQuotes = true;
      this.prevByte = -1;
    } else {
      // A stray quote inside an unquoted field is kept as text (lenient, like most spreadsheets).
      this.started = true;
      this.append(byte);
    }
  }

  private append(byte: number): void {
    this.started = true;
    this.recordBytes += 1;
    if (this.recordBytes > this.maxRecordBytes) {
      this.tooLarge = true;
      return;
    }
    this.field.push(byte);
  }

  private endField(): void {
    this.fields.push(Buffer.from(this.field));
    this.field = [];
  }

  private finish(unterminated: boolean): CsvRecord {
    this.endField();
    const raw = this.fields;
    const record: CsvRecord = {
      fields: [],
      line: this.recordLine,
      badEncoding: false,
      tooLarge: this.tooLarge,
      unterminated,
    };
    this.fields = [];
    this.recordBytes = 0;
    this.tooLarge = false;
    this.started = false;
    if (!record.tooLarge) {
      try {
        record.fields = raw.map((b) => this.decoder.decode(b));
      } catch {
        record.badEncoding = true;
      }
      // NUL is valid UTF-8 but no text column (or JSON report) can hold it: a binary file, not a CSV.
      if (record.fields.some((f) => f.includes('\u0000'))) {
        record.fields = [];
        record.badEncoding = true;
      }
    }
    return record;
  }
}

/** A record that is one empty field: a blank line, skipped rather than reported. */
export function isBlank(record: CsvRecord): boolean {
  return (
    !record.badEncoding &&
    !record.tooLarge &&
    !record.unterminated &&
    record.fields.length === 1 &&
    record.fields[0] === ''
  );
}

/** Parses a whole buffer or string (tests, small inputs). */
export function parseCsv(input: Uint8Array | string, options?: CsvParserOptions): CsvRecord[] {
  const parser = new CsvParser(options);
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return [...parser.push(bytes), ...parser.end()];
}
