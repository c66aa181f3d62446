import { Injectable } from '@nestjs/common';
import type { StepHandler } from './step-handler';
import { BUILT_IN_STEPS } from './steps';

/** The step kinds this process can run, by type. */
@Injectable()
export class StepRegistry {
  private readonly handlers = new Map<string, StepHandler<unknown>>();

  constructor() {
    for (const handler of BUILT_IN_STEPS) this.register(handler);
  }

  register(handler: StepHandler<unknown>): void {
    if (this.handlers.has(handler.type)) throw new Error(`step type ${handler.type} registered twice`);
    this.handlers.set(handler.type, handler);
  }

  get(type: string): StepHandler<unknown> | undefined {
    return this.handlers.get(type);
  }

  all(): StepHandler<unknown>[] {
    return [...this.handlers.values()];
  }
}
