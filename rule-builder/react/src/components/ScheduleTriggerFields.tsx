import { DEFAULT_SCHEDULE_LIMIT, SCHEDULE_INTERVAL_UNITS, type ScheduleInterval } from '@baton/contracts';
import type { ScheduleTriggerNodeData, TriggerNodeData } from '@baton/rule-builder-core';
import { useId } from 'react';
import type { Problem } from '../model/diagnostics';
import { FieldErrors } from './JsonField';

type Update = (patch: Partial<TriggerNodeData>, field?: string) => void;

const errorsAt = (problems: readonly Problem[], key: string): string[] =>
  problems.filter((p) => p.path?.includes(`/${key}`)).map((p) => p.message);

/** When a schedule trigger ticks: a cron expression in a time zone, or a fixed interval; and how many records a tick takes. */
export function ScheduleTriggerFields({
  data,
  problems,
  update,
}: {
  data: ScheduleTriggerNodeData;
  problems: readonly Problem[];
  update: Update;
}) {
  const ids = {
    repeat: useId(),
    cron: useId(),
    zone: useId(),
    amount: useId(),
    unit: useId(),
    limit: useId(),
  };
  const every: ScheduleInterval | undefined = data.every;
  const setEvery = (patch: Partial<ScheduleInterval>) =>
    update({ every: { amount: every?.amount ?? 1, unit: every?.unit ?? 'hours', ...patch } }, 'every');

  return (
    <>
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.repeat}>
          Repeat
        </label>
        <select
          id={ids.repeat}
          className="rb-input"
          value={every ? 'every' : 'cron'}
          onChange={(e) =>
            update(
              e.target.value === 'every'
                ? { cron: undefined, timezone: undefined, every: { amount: 1, unit: 'hours' } }
                : { every: undefined, cron: '0 8 * * MON-FRI', timezone: 'UTC' },
            )
          }
        >
          <option value="cron">On a cron schedule</option>
          <option value="every">Every …</option>
        </select>
      </div>
      {every ? (
        <div className="rb-row">
          <div className="rb-field">
            <label className="rb-label" htmlFor={ids.amount}>
              Every
            </label>
            <input
              id={ids.amount}
              className="rb-input"
              type="number"
              min={1}
              value={every.amount}
              onChange={(e) => setEvery({ amount: Number(e.target.value) })}
            />
          </div>
          <div className="rb-field">
            <label className="rb-label" htmlFor={ids.unit}>
              Unit
            </label>
            <select
              id={ids.unit}
              className="rb-input"
              value={every.unit}
              onChange={(e) => setEvery({ unit: e.target.value as ScheduleInterval['unit'] })}
            >
              {SCHEDULE_INTERVAL_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </div>
          <FieldErrors id={`${ids.amount}-errors`} messages={errorsAt(problems, 'every')} />
        </div>
      ) : (
        <div className="rb-row">
          <div className="rb-field">
            <label className="rb-label" htmlFor={ids.cron}>
              Cron
            </label>
            <input
              id={ids.cron}
              className="rb-input rb-input--code"
              value={data.cron ?? ''}
              placeholder="0 8 * * MON-FRI"
              onChange={(e) => update({ cron: e.target.value }, 'cron')}
              aria-describedby={`${ids.cron}-help ${ids.cron}-errors`}
              spellCheck={false}
            />
            <p className="rb-help" id={`${ids.cron}-help`}>
              minute hour day-of-month month day-of-week
            </p>
            <FieldErrors id={`${ids.cron}-errors`} messages={errorsAt(problems, 'cron')} />
          </div>
          <div className="rb-field">
            <label className="rb-label" htmlFor={ids.zone}>
              Time zone
            </label>
            <input
              id={ids.zone}
              className="rb-input"
              value={data.timezone ?? ''}
              placeholder="UTC"
              onChange={(e) => update({ timezone: e.target.value || undefined }, 'timezone')}
              aria-describedby={`${ids.zone}-errors`}
              spellCheck={false}
            />
            <FieldErrors id={`${ids.zone}-errors`} messages={errorsAt(problems, 'timezone')} />
          </div>
        </div>
      )}
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.limit}>
          Records per tick, at most
        </label>
        <input
          id={ids.limit}
          className="rb-input"
          type="number"
          min={1}
          value={data.limit ?? ''}
          placeholder={String(DEFAULT_SCHEDULE_LIMIT)}
          onChange={(e) =>
            update({ limit: e.target.value === '' ? undefined : Number(e.target.value) }, 'limit')
          }
          aria-describedby={`${ids.limit}-errors`}
        />
        <FieldErrors id={`${ids.limit}-errors`} messages={errorsAt(problems, 'limit')} />
      </div>
    </>
  );
}
