import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, isAbort } from '../api/ApiError';
import { convertLead, type ConvertLeadInput, type LeadConversion } from '../api/leadConversion';
import { searchRecords, type RecordOption } from '../api/records';
import type { Lead } from '../api/types';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { FormFooter } from './FormFooter';
import './QuickActions.css';
import './ConvertLeadForm.css';

const TYPING_PAUSE_MS = 250;
const AMOUNT_PATTERN = '\\d{1,12}(\\.\\d{1,2})?';

interface ConvertLeadFormProps {
  lead: Lead;
  onConverted: (conversion: LeadConversion) => void;
  onCancel: () => void;
}

/**
 * Converts the lead the way CRMs do: into a new account (named after the company) or an existing
 * one, a contact made from the lead or an existing person, and optionally an opportunity.
 */
export function ConvertLeadForm({ lead, onConverted, onCancel }: ConvertLeadFormProps) {
  const [newAccount, setNewAccount] = useState(true);
  const [accountName, setAccountName] = useState(lead.company ?? lead.name);
  const [account, setAccount] = useState<RecordOption | null>(null);
  const [newContact, setNewContact] = useState(true);
  const [contact, setContact] = useState<RecordOption | null>(null);
  const [withOpportunity, setWithOpportunity] = useState(true);
  const [opportunityName, setOpportunityName] = useState('');
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const submit = useSubmit();
  const accountLabel = newAccount ? accountName.trim() : (account?.label ?? 'the account');

  function save(event: FormEvent) {
    event.preventDefault();
    const input: ConvertLeadInput = {
      version: lead.version,
      account: newAccount || !account ? { name: accountName.trim() } : { existingId: account.id },
      contact: newContact || !contact ? { create: true } : { existingId: contact.id },
      opportunity: withOpportunity
        ? {
            name: opportunityName.trim() || undefined,
            amount: amount.trim() || undefined,
            closeDate: closeDate || undefined,
          }
        : null,
    };
    void submit.run(async () => onConverted(await convertLead(lead.id, input)));
  }

  return (
    <form className="quick-actions__form convert-lead" onSubmit={save} data-testid="convert-lead-form">
      <fieldset className="quick-actions__fieldset">
        <legend className="field__label">Account</legend>
        <Choice
          name="account"
          checked={newAccount}
          onChange={setNewAccount}
          yes="New account"
          no="Existing account"
          testId="convert-account"
        />
        {newAccount ? (
          <input
            className="field__input"
            aria-label="New account name"
            value={accountName}
            onChange={(e) => setAccountName(e.target.value)}
            required
            maxLength={200}
            data-testid="convert-account-name"
          />
        ) : (
          <RecordSearch entity="account" label="Account" picked={account} onPick={setAccount} />
        )}
      </fieldset>

      <fieldset className="quick-actions__fieldset">
        <legend className="field__label">Contact</legend>
        <Choice
          name="contact"
          checked={newContact}
          onChange={setNewContact}
          yes={`New contact: ${lead.name}`}
          no="Existing contact"
          testId="convert-contact"
        />
        {!newContact && (
          <RecordSearch entity="contact" label="Contact" picked={contact} onPick={setContact} />
        )}
      </fieldset>

      <fieldset className="quick-actions__fieldset">
        <label className="quick-actions__choice">
          <input
            type="checkbox"
            checked={withOpportunity}
            onChange={(e) => setWithOpportunity(e.target.checked)}
            data-testid="convert-with-opportunity"
          />
          Create an opportunity
        </label>
        {withOpportunity && (
          <div className="convert-lead__opportunity">
            <input
              className="field__input"
              aria-label="Opportunity name"
              value={opportunityName}
              onChange={(e) => setOpportunityName(e.target.value)}
              placeholder={`New business: ${accountLabel}`}
              maxLength={200}
              data-testid="convert-opportunity-name"
            />
            <div className="quick-actions__row">
              <label className="field">
                <span className="field__label">Amount</span>
                <input
                  className="field__input"
                  inputMode="decimal"
                  pattern={AMOUNT_PATTERN}
                  title="A number with at most 2 decimals, e.g. 1250.00"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                  placeholder="0.00"
                  data-testid="convert-opportunity-amount"
                />
              </label>
              <label className="field">
                <span className="field__label">Close date</span>
                <input
                  className="field__input"
                  type="date"
                  value={closeDate}
                  onChange={(e) => setCloseDate(e.target.value)}
                  data-testid="convert-opportunity-close"
                />
              </label>
            </div>
          </div>
        )}
      </fieldset>

      {submit.error !== null && (
        <p className="quick-actions__problem" role="alert" data-testid="convert-lead-error">
          {problem(submit.error)}
        </p>
      )}
      <FormFooter
        error={null}
        busy={submit.busy}
        submitLabel="Convert lead"
        busyLabel="Converting…"
        onCancel={onCancel}
        testId="convert-lead"
      />
    </form>
  );
}

// The generic wording of these codes is about quotes and forms; the API's own says what happened here.
function problem(error: unknown): string {
  if (error instanceof ApiError && ['INVALID_TRANSITION', 'VALIDATION_FAILED'].includes(error.code)) {
    return `${error.message} (${error.code})`;
  }
  return describeError(error);
}

interface ChoiceProps {
  name: string;
  checked: boolean;
  onChange: (yes: boolean) => void;
  yes: string;
  no: string;
  testId: string;
}

/** Two radio buttons: make a new record, or use an existing one. */
function Choice({ name, checked, onChange, yes, no, testId }: ChoiceProps) {
  return (
    <div className="convert-lead__choices">
      <label className="quick-actions__choice">
        <input
          type="radio"
          name={name}
          checked={checked}
          onChange={() => onChange(true)}
          data-testid={`${testId}-new`}
        />
        {yes}
      </label>
      <label className="quick-actions__choice">
        <input
          type="radio"
          name={name}
          checked={!checked}
          onChange={() => onChange(false)}
          data-testid={`${testId}-existing`}
        />
        {no}
      </label>
    </div>
  );
}

interface RecordSearchProps {
  entity: 'account' | 'contact';
  label: string;
  picked: RecordOption | null;
  onPick: (record: RecordOption | null) => void;
}

/** Finds a record by name (newest first) and picks one of the matches. */
function RecordSearch({ entity, label, picked, onPick }: RecordSearchProps) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<RecordOption[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchRecords(entity, query, controller.signal).then(
        (found) => {
          setOptions(found);
          setError(null);
        },
        (caught: unknown) => {
          if (!isAbort(caught)) setError(caught);
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [entity, query]);

  // The pick stays choosable while another search shows other records.
  const shown = picked && !options?.some((o) => o.id === picked.id) ? [picked, ...(options ?? [])] : options;
  return (
    <div className="convert-lead__search">
      <input
        className="field__input"
        type="search"
        aria-label={`Find ${entity === 'account' ? 'an account' : 'a contact'}`}
        placeholder={`Find ${entity === 'account' ? 'an account' : 'a contact'} by name`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid={`convert-${entity}-search`}
      />
      <select
        className="field__input"
        aria-label={label}
        value={picked?.id ?? ''}
        onChange={(e) => onPick(shown?.find((o) => o.id === e.target.value) ?? null)}
        required
        data-testid={`convert-${entity}-pick`}
      >
        <option value="">
          {shown === null
            ? 'Searching…'
            : shown.length === 0
              ? `No ${entity} matches`
              : `Choose the ${entity}`}
        </option>
        {shown?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.detail ? `${o.label} — ${o.detail}` : o.label}
          </option>
        ))}
      </select>
      {error !== null && (
        <p className="quick-actions__problem" role="alert">
          {describeError(error)}
        </p>
      )}
    </div>
  );
}
