import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActivityRegistry } from '@baton/activity-sdk';
import { CONTROL_STEP_CONFIG_SCHEMAS, CONTROL_STEP_TYPES } from '@baton/contracts';
import { openApiSchema } from '../common/openapi.decorators';

const CONTROL_TITLES = {
  branch: 'Branch',
  delay: 'Delay',
  end: 'End',
  approval: 'Request approval',
  wait_for: 'Wait for',
  parallel: 'Parallel paths',
  join: 'Join paths',
  call_workflow: 'Run another workflow',
  for_each: 'For each related record',
} as const satisfies Record<(typeof CONTROL_STEP_TYPES)[number], string>;

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('activity-types')
export class ActivityTypesController {
  constructor(private readonly registry: ActivityRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Step kinds for the editor palette, with JSON Schemas for their config forms' })
  list() {
    return {
      items: this.registry.describe(),
      controls: CONTROL_STEP_TYPES.map((type) => ({
        type,
        title: CONTROL_TITLES[type],
        category: type === 'approval' ? 'Approvals' : 'Flow',
        configSchema: openApiSchema(CONTROL_STEP_CONFIG_SCHEMAS[type], 'input'),
      })),
    };
  }
}
