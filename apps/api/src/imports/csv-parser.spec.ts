import { CsvParser, isBlank, parseCsv, type CsvRecord } from './csv-parser';

const fields = (records: CsvRecord[]) => records.filter((r) => !isBlank(r)).map((r) => r.fields);

describe('CsvParser', () => {
  it('splits plain fields and LF or CRLF lines', () => {
    expect(fields(parseCsv('a,b,c\n1,2,3\r\n4,5,6'))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(fields(parseCsv('a,,c,\n,,\n'))).toEqual([
      ['a', '', 'c', ''],
      ['', '', ''],
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and embedded newlines', () => {
    const records = parseCsv('name,note\r\n"Doe, Jane","She said ""hi""\r\nthen left"\r\nx,"y"\r\n');
    expect(fields(records)).toEqual([
      ['name', 'note'],
      ['Doe, Jane', 'She said "hi"\r\nthen left'],
      ['x', 'y'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('treats a lone CR as a line break', () => {
    expect(fields(parseCsv('a\rb\r'))).toEqual([['a'], ['b']]);
  });

  it('strips a UTF-8 BOM, also when split across chunks', () => {
    expect(fields(parseCsv('\uFEFFname\nÅsa'))).toEqual([['name'], ['Åsa']]);
    const parser = new CsvParser();
    const bytes = Buffer.from('\uFEFFid,x\n1,2\n', 'utf8');
    const out = [...parser.push(bytes.subarray(0, 1)), ...parser.push(bytes.subarray(1, 2))];
    out.push(...parser.push(bytes.subarray(2)), ...parser.end());
    expect(fields(out)).toEqual([
      ['id', 'x'],
      ['1', '2'],
    ]);
  });

  it('gives the same records whatever the chunking, even inside multi-byte characters', () => {
    const text = 'name,city\n"Zoë ""Z"" Ångström","Köln,\nDE"\r\nBjörk,Reykjavík\n';
    const whole = fields(parseCsv(text));
    const bytes = Buffer.from(text, 'utf8');
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser();
      const out: CsvRecord[] = [];
      for (let i = 0; i < bytes.length; i += size) out.push(...parser.push(bytes.subarray(i, i + size)));
      out.push(...parser.end());
      expect(fields(out)).toEqual(whole);
    }
    expect(whole[1]).toEqual(['Zoë "Z" Ångström', 'Köln,\nDE']);
  });

  it('flags only the record with invalid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('name\nok\n'),
      Buffer.from([0x62, 0x61, 0xff, 0x64, 0x0a]),
      Buffer.from('fine\n'),
    ]);
    const records = parseCsv(bytes).filter((r) => !isBlank(r));
    expect(records.map((r) => r.badEncoding)).toEqual([false, false, true, false]);
    expect(records[2]!.fields).toEqual([]);
    expect(records[3]!.fields).toEqual(['fine']);
  });

  it('flags a truncated multi-byte sequence and an overlong encoding', () => {
    expect(parseCsv(Buffer.from([0x61, 0xc3, 0x0a]))[0]!.badEncoding).toBe(true);
    expect(parseCsv(Buffer.from([0xc0, 0xaf, 0x0a]))[0]!.badEncoding).toBe(true);
  });

  it('flags a record holding a NUL byte, which no text column can store', () => {
    const records = parseCsv(Buffer.from('name\nNul\u0000Name\nfine\n'));
    expect(records.map((r) => r.badEncoding)).toEqual([false, true, false]);
    expect(records[1]!.fields).toEqual([]);
  });

  it('reports an unterminated quote at the end of input', () => {
    const records = parseCsv('a\n"open,field\nmore');
    expect(records.at(-1)).toMatchObject({ unterminated: true, line: 2 });
  });

  it('drops the content of a record larger than the limit but keeps going', () => {
    const records = parseCsv(`${'x'.repeat(50)}\nsmall\n`, { maxRecordBytes: 10 });
    expect(records[0]).toMatchObject({ tooLarge: true, fields: [] });
    expect(records[1]!.fields).toEqual(['small']);
  });

  it('returns nothing for empty input and a blank record for a lone newline', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n').every(isBlank)).toBe(true);
  });

  it('keeps a stray quote in an unquoted field and text after a closing quote', () => {
    expect(fields(parseCsv('5" screen,"a"b\n'))).toEqual([['5" screen', 'ab']]);
  });
});
