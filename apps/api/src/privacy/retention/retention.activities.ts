import { Injectable } from '@nestjs/common';
import type { RetentionActivities } from '@baton/workflows';
import { RetentionService } from './retention.service';

/** The retention sweep's activity, for the engine worker (it runs on the engine task queue). */
@Injectable()
export class RetentionActivitiesService {
  constructor(private readonly retention: RetentionService) {}

  activities(): RetentionActivities {
    return { enforceRetention: (input) => this.retention.enforce(input) };
  }
}
