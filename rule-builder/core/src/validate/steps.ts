import type { Diagnostic } from '../diagnostics';
import type { ConfigIssue, StepCatalog, StepDescriptor } from '../step-catalog';
import type { Model } from './model';
import { stepPath } from './model';

/** The catalog's descriptor for a type; a catalog that throws counts as not knowing the type. */
export function describeStep(catalog: StepCatalog, type: string): StepDescriptor | undefined {
  try {
    return catalog.describe(type);
  } catch {
    return undefined;
  }
}

/** `UNKNOWN_STEP_TYPE` for a type the catalog does not know; `INVALID_STEP_CONFIG` per config problem. */
export function checkSteps(model: Model, catalog: StepCatalog): Diagnostic[] {
  return model.steps.flatMap((step): Diagnostic[] => {
    if (step.type === undefined) return [];
    const descriptor = describeStep(catalog, step.type);
    if (descriptor === undefined) {
      return [
        {
          code: 'UNKNOWN_STEP_TYPE',
          message: `Unknown step type "${step.type}"`,
          nodeId: step.id,
          path: `${stepPath(step)}/type`,
        },
      ];
    }
    return configIssues(descriptor, step.config).map((issue) => ({
      code: 'INVALID_STEP_CONFIG',
      message: `${issue.path === '' ? 'config' : `config${issue.path}`}: ${issue.message}`,
      nodeId: step.id,
      path: `${stepPath(step)}/config${issue.path}`,
    }));
  });
}

function configIssues(descriptor: StepDescriptor, config: unknown): readonly ConfigIssue[] {
  try {
    return descriptor.validateConfig(config);
  } catch (error) {
    return [
      {
        path: '',
        message: `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
