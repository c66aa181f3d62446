import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listOperators } from '@baton/rules';
import { CurrentUser } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  anyEvaluateBodySchema,
  conditionFieldsSchema,
  evaluateResultSchema,
  type AnyEvaluateBody,
} from './rules.dto';
import { RulesService } from './rules.service';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get('operators')
  @ApiOperation({
    summary: 'Every condition operator with its arity, argument and result types, for the condition builder',
  })
  operators() {
    return {
      items: listOperators().map((op) => ({
        name: op.name,
        label: op.label,
        description: op.description,
        category: op.category,
        standard: op.standard,
        arity: op.arity,
        params: op.params,
        rest: op.rest ?? null,
        result: op.result,
        usesNow: op.usesNow ?? false,
        example: op.example,
      })),
    };
  }

  @Get('fields')
  @ApiOperation({
    summary: 'The fields conditions can test per record type, with their types and enumerated values',
  })
  @ApiJsonResponse(200, conditionFieldsSchema)
  fields() {
    return this.rules.fields();
  }

  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Evaluate a JSON Logic rule on given data ({ rule, data }), or a condition on a stored record ({ entity, recordId, condition }: workflow authors and managers only) as runs see it: the editor\'s "test this condition"',
  })
  @ApiJsonBody(anyEvaluateBodySchema, {
    entity: 'lead',
    recordId: '3f0c2a9e-1b7d-4c5e-8a6f-9d0e1f2a3b4c',
    condition: { '>=': [{ var: 'lead.score' }, 50] },
  })
  @ApiJsonResponse(200, evaluateResultSchema)
  evaluate(
    @Body(new ZodPipe(anyEvaluateBodySchema, 'rule evaluation')) body: AnyEvaluateBody,
    @CurrentUser() user: User,
  ) {
    return 'rule' in body ? this.rules.evaluate(body) : this.rules.evaluateOnRecord(body, user);
  }
}
