import type { StepHandler } from '../step-handler';
import { assignOwnerStep } from './assign-owner.step';
import { createTaskStep } from './create-task.step';

export const BUILT_IN_STEPS: StepHandler<any>[] = [assignOwnerStep, createTaskStep];
