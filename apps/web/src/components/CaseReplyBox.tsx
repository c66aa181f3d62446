import { useId, useState, type FormEvent } from 'react';
import { renderAnswer, sendReply } from '../api/cases';
import { fetchCannedAnswers, type SearchHit } from '../api/kb';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { KbArticlePicker } from './KbArticlePicker';
import './CaseReplyBox.css';
import './LeadFilters.css';
import './QuickActions.css';
import './RecordFields.css';

interface CaseReplyBoxProps {
  caseId: string;
  /** After a reply is recorded: the timeline and the linked articles re-read. */
  onSent: () => void;
}

/**
 * The agent's answer to the customer: start from a canned answer filled in with this case's fields,
 * edit it, attach published articles, and record it on the case.
 */
export function CaseReplyBox({ caseId, onSent }: CaseReplyBoxProps) {
  const answers = useRemote('canned-answers', (signal) => fetchCannedAnswers(signal));
  const [cannedId, setCannedId] = useState('');
  const [body, setBody] = useState('');
  const [blanks, setBlanks] = useState<string[]>([]);
  const [attached, setAttached] = useState<SearchHit[]>([]);
  const [sent, setSent] = useState(false);
  // A new round after each reply starts the article search over.
  const [round, setRound] = useState(0);
  const insert = useSubmit();
  const send = useSubmit();
  const id = useId();

  function insertAnswer() {
    if (!cannedId) return;
    void insert.run(async () => {
      const rendered = await renderAnswer(caseId, cannedId);
      // Added below what is already typed, so a greeting written by hand is kept.
      setBody((typed) => (typed.trim() ? `${typed.trimEnd()}\n\n${rendered.text}` : rendered.text));
      setBlanks(rendered.blanks);
      setSent(false);
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send.run(async () => {
      await sendReply(caseId, { body: body.trim(), articleIds: attached.map((a) => a.id) });
      setBody('');
      setBlanks([]);
      setAttached([]);
      setCannedId('');
      setSent(true);
      setRound((n) => n + 1);
      onSent();
    });
  }

  return (
    <section className="record-card case-reply" aria-labelledby={`${id}-title`} data-testid="case-reply">
      <header className="record-card__header">
        <h2 className="record-card__title" id={`${id}-title`}>
          Reply to the customer
        </h2>
      </header>
      <form className="quick-actions__form" onSubmit={submit}>
        <div className="case-reply__canned">
          <label className="visually-hidden" htmlFor={`${id}-canned`}>
            Canned answer
          </label>
          <select
            id={`${id}-canned`}
            className="field__input"
            value={cannedId}
            onChange={(e) => setCannedId(e.target.value)}
            disabled={answers.data === null}
            data-testid="canned-answer-select"
          >
            <option value="">
              {answers.data === null ? 'Loading canned answers…' : 'Choose a canned answer…'}
            </option>
            {answers.data?.items.map((answer) => (
              <option key={answer.id} value={answer.id}>
                {answer.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!cannedId || insert.busy}
            onClick={insertAnswer}
            data-testid="canned-answer-insert"
          >
            {insert.busy ? 'Inserting…' : 'Insert'}
          </button>
        </div>
        {insert.error !== null && (
          <p className="quick-actions__problem" role="alert">
            {describeError(insert.error)}
          </p>
        )}
        {blanks.length > 0 && (
          <p className="case-reply__blanks" role="note" data-testid="reply-blanks">
            This case has no value for {blanks.join(', ')}: fill {blanks.length === 1 ? 'it' : 'them'} in
            before sending.
          </p>
        )}
        <label className="field">
          <span className="field__label">Reply</span>
          <textarea
            className="field__input quick-actions__textarea"
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setSent(false);
            }}
            rows={7}
            maxLength={20_000}
            required
            data-testid="reply-body"
          />
        </label>
        {attached.length > 0 && (
          <ul className="case-reply__attached" aria-label="Attached articles">
            {attached.map((article) => (
              <li key={article.id} className="chip case-reply__chip" data-testid="reply-article">
                {article.title}
                <button
                  type="button"
                  className="case-reply__remove"
                  onClick={() => setAttached((list) => list.filter((a) => a.id !== article.id))}
                  aria-label={`Remove “${article.title}”`}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <KbArticlePicker
          key={round}
          label="Find an article to send"
          action="Attach"
          exclude={new Set(attached.map((a) => a.id))}
          onPick={(hit) => setAttached((list) => [...list, hit])}
          testId="reply-article-picker"
        />
        {send.error !== null && (
          <p className="quick-actions__problem" role="alert" data-testid="reply-error">
            {describeError(send.error)}
          </p>
        )}
        <div className="quick-actions__footer">
          <button
            type="submit"
            className="button button--primary"
            disabled={send.busy || body.trim() === ''}
            data-testid="reply-send"
          >
            {send.busy ? 'Saving…' : 'Record reply'}
          </button>
          {sent && (
            <span className="case-reply__done" role="status" data-testid="reply-done">
              Reply recorded on the timeline
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
