import { useState } from 'react';
import { archiveCannedAnswer, editsKnowledge, fetchCannedAnswers, type CannedAnswer } from '../api/kb';
import type { User } from '../api/types';
import { KbCannedAnswerForm } from '../components/KbCannedAnswerForm';
import { KnowledgeNav } from '../components/KnowledgeNav';
import { LoadState } from '../components/LoadState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import './MyTasksPage.css';
import './KnowledgePage.css';
import '../components/RecordFields.css';

/** Canned answers: agents insert them into case replies, filled in with the case's fields. */
export function KnowledgeCannedPage({ user }: { user: User }) {
  useDocumentTitle('Canned answers');
  const editor = editsKnowledge(user);
  const answers = useRemote('canned-answers', (signal) => fetchCannedAnswers(signal));
  // The answer being edited, or 'new'.
  const [editing, setEditing] = useState<string | null>(null);
  const archive = useSubmit();

  function saved() {
    setEditing(null);
    answers.reload();
  }

  return (
    <main className="page knowledge">
      <div className="page__header">
        <div>
          <h1 className="page__title">Knowledge base</h1>
          <p className="page__subtitle">Canned answers, inserted from a case&apos;s reply box.</p>
        </div>
        {editor && editing !== 'new' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing('new')}
            data-testid="canned-new"
          >
            New canned answer
          </button>
        )}
      </div>
      <KnowledgeNav current="canned-answers" />
      {editing === 'new' && (
        <section className="record-card knowledge__answer" aria-label="New canned answer">
          <KbCannedAnswerForm answer={null} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      )}
      {archive.error !== null && (
        <p className="knowledge__error" role="alert">
          {describeError(archive.error)}
        </p>
      )}
      {answers.data === null ? (
        <LoadState detail="Loading canned answers…" error={answers.error} onRetry={answers.reload} />
      ) : answers.data.items.length === 0 ? (
        <LoadState detail="No canned answers yet." />
      ) : (
        <ul className="knowledge__answers">
          {answers.data.items.map((answer: CannedAnswer) => (
            <li key={answer.id} className="record-card knowledge__answer" data-testid="canned-answer">
              {editing === answer.id ? (
                <KbCannedAnswerForm answer={answer} onSaved={saved} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <header className="record-card__header">
                    <h2 className="knowledge__answer-title">{answer.title}</h2>
                    {editor && (
                      <span className="knowledge__actions">
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => setEditing(answer.id)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={archive.busy}
                          onClick={() =>
                            void archive.run(async () => {
                              await archiveCannedAnswer(answer.id);
                              answers.reload();
                            })
                          }
                          aria-label={`Archive “${answer.title}”`}
                        >
                          Archive
                        </button>
                      </span>
                    )}
                  </header>
                  <p className="knowledge__answer-body">{answer.body}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
