import { MATCH_END as E, MATCH_START as S, snippetParts } from './snippet';

describe(snippetParts.name, () => {
  it('splits marked text into plain and matched pieces', () => {
    expect(snippetParts(`Update the ${S}gateway${E} firmware, then restart the ${S}gateway${E}.`)).toEqual([
      { text: 'Update the ', match: false },
      { text: 'gateway', match: true },
      { text: ' firmware, then restart the ', match: false },
      { text: 'gateway', match: true },
      { text: '.', match: false },
    ]);
  });

  it('joins matches that touch and drops empty pieces', () => {
    expect(snippetParts(`${S}reset${E}${S}password${E}`)).toEqual([{ text: 'resetpassword', match: true }]);
    expect(snippetParts('')).toEqual([]);
  });

  it('treats an unclosed match as running to the end and a stray end as nothing', () => {
    expect(snippetParts(`a ${S}b`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
    expect(snippetParts(`a${E}b`)).toEqual([{ text: 'ab', match: false }]);
  });
});
