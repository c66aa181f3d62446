// Which step settings hold a condition on the run's record, so the config form shows the condition
// builder for them. Mirrors the conditions the definition validator checks in step configs.

/** A list setting whose entries each may carry a `when` condition (approval stages, territories). */
export interface ConditionList {
  readonly field: string;
  /** What one entry is called: "Stage 2 applies when". */
  readonly entry: string;
}

const CONDITION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  wait_for: ['until'],
};

const CONDITION_LISTS: Readonly<Record<string, readonly ConditionList[]>> = {
  approval: [{ field: 'stages', entry: 'Stage' }],
  assign_owner: [{ field: 'territories', entry: 'Territory' }],
};

/** True when the step type's setting `field` is itself a condition (wait_for's `until`). */
export function isConditionField(stepType: string, field: string): boolean {
  return CONDITION_FIELDS[stepType]?.includes(field) ?? false;
}

/** The list setting `field` of the step type whose entries carry `when` conditions, if it is one. */
export function conditionList(stepType: string, field: string): ConditionList | undefined {
  return CONDITION_LISTS[stepType]?.find((list) => list.field === field);
}
