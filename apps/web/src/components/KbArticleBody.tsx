import './KbArticleBody.css';

/** An article's body as text: blank lines make paragraphs, nothing is interpreted as HTML. */
export function KbArticleBody({ body }: { body: string }) {
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="kb-article-body">
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}
