import { buildCampaignMessage, htmlToText, type MessageInput } from './campaign-message';

function input(overrides: Partial<MessageInput> = {}): MessageInput {
  let n = 0;
  return {
    subject: 'News for {{account.name}}',
    body: '<p>Hi {{contact.firstName}},</p><p>See <a href="https://example.com/a?x=1&amp;y=2">our offer</a> and <a href=\'https://example.com/b\'>more</a>, or <a href="mailto:sales@example.com">write</a>.</p>',
    bodyFormat: 'html',
    data: { contact: { firstName: 'Ada' }, account: { name: 'Analytical\nEngines' } },
    baseUrl: 'https://crm.example.com',
    token: 'recipient-token-0000',
    newToken: () => `link-token-${++n}`,
    ...overrides,
  };
}

describe(buildCampaignMessage.name, () => {
  it('rewrites every web link to a tracked link of its own, keeping the original URL', () => {
    const message = buildCampaignMessage(input());
    expect(message.links).toEqual([
      { token: 'link-token-1', position: 0, url: 'https://example.com/a?x=1&y=2' },
      { token: 'link-token-2', position: 1, url: 'https://example.com/b' },
    ]);
    expect(message.html).toContain('href="https://crm.example.com/api/t/c/link-token-1"');
    expect(message.html).toContain("href='https://crm.example.com/api/t/c/link-token-2'");
    expect(message.html).not.toContain('https://example.com/a');
    // Not a web link: left as it is.
    expect(message.html).toContain('href="mailto:sales@example.com"');
  });

  it('adds the open pixel, an unsubscribe link and the one-click unsubscribe headers', () => {
    const message = buildCampaignMessage(input());
    expect(message.html).toContain('src="https://crm.example.com/api/t/o/recipient-token-0000.gif"');
    expect(message.html).toContain('href="https://crm.example.com/api/t/u/recipient-token-0000"');
    expect(message.text).toContain('Unsubscribe: https://crm.example.com/api/t/u/recipient-token-0000');
    expect(message.headers).toEqual({
      'List-Unsubscribe': '<https://crm.example.com/api/t/u/recipient-token-0000>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('fills in merge fields and keeps the subject on one line', () => {
    const message = buildCampaignMessage(input());
    expect(message.subject).toBe('News for Analytical Engines');
    expect(message.html).toContain('<p>Hi Ada,</p>');
  });

  it('gives an HTML mail a text part with its tracked links', () => {
    const { text } = buildCampaignMessage(input());
    expect(text).toContain('Hi Ada,');
    expect(text).toContain('our offer (https://crm.example.com/api/t/c/link-token-1)');
  });

  it('puts the footer and pixel before </body> when the body is a whole document', () => {
    const { html } = buildCampaignMessage(input({ body: '<html><body><p>Hi</p></body></html>' }));
    expect(html).toMatch(/Unsubscribe<\/a><\/p><img [^>]+><\/body><\/html>$/);
  });

  it('tracks the URLs of a plain-text body and gives it an HTML part with the pixel', () => {
    const message = buildCampaignMessage(
      input({ bodyFormat: 'text', body: 'Hi {{contact.firstName}} <3,\nread https://example.com/post.' }),
    );
    expect(message.links).toEqual([{ token: 'link-token-1', position: 0, url: 'https://example.com/post' }]);
    expect(message.text).toContain('read https://crm.example.com/api/t/c/link-token-1.');
    expect(message.html).toContain('Hi Ada &lt;3');
    expect(message.html).toContain(
      '<a href="https://crm.example.com/api/t/c/link-token-1">https://crm.example.com/api/t/c/link-token-1</a>',
    );
    expect(message.html).toContain('/api/t/o/recipient-token-0000.gif');
  });
});

describe(htmlToText.name, () => {
  it('keeps paragraphs apart, links readable and entities decoded', () => {
    expect(
      htmlToText('<h1>Title</h1><p>A &amp; B<br>next</p><style>p{}</style><p><a href="u">go</a></p>'),
    ).toBe('Title\nA & B\nnext\ngo (u)');
  });
});
