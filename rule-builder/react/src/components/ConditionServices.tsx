import type { EntityType } from '@baton/contracts';
import { createContext, useContext } from 'react';
import type { FieldOptions } from '../model/condition-fields';

/** What "test against a record" sends: the condition as it is on screen, saved or not. */
export interface ConditionTestRequest {
  readonly entity: EntityType;
  readonly recordId: string;
  readonly condition: unknown;
}

/** Whether the condition holds for the record (`result`), and what it evaluated to (`value`). */
export interface ConditionTestResult {
  readonly result: boolean;
  readonly value: unknown;
}

/** A record the tester can pick. */
export interface RecordChoice {
  readonly id: string;
  readonly label: string;
}

/**
 * What the condition builder asks of the page it is on. All optional: without `fieldOptions`
 * enumerated fields are plain text, without `testCondition` there is no tester.
 */
export interface ConditionServices {
  /** Values of enumerated fields, e.g. from `GET /api/rules/fields`. */
  readonly fieldOptions?: FieldOptions;
  /** Evaluates a condition against a stored record, e.g. `POST /api/rules/evaluate`. */
  readonly testCondition?: (request: ConditionTestRequest) => Promise<ConditionTestResult>;
  /** Records of an entity matching typed text, for picking one to test against. */
  readonly findRecords?: (entity: EntityType, text: string) => Promise<readonly RecordChoice[]>;
}

const NONE: ConditionServices = {};

export const ConditionServicesContext = createContext<ConditionServices>(NONE);

export function useConditionServices(): ConditionServices {
  return useContext(ConditionServicesContext);
}
