import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BatonError } from '@baton/domain';
import { evaluateRule, listOperators, validateRule } from '@baton/rules';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { evaluateBodySchema, evaluateResultSchema, type EvaluateBody } from './rules.dto';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
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

  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Evaluate a JSON Logic rule against a record (the editor\'s "test this condition")',
  })
  @ApiJsonBody(evaluateBodySchema, {
    rule: { '>=': [{ var: 'lead.score' }, 50] },
    data: { lead: { score: 72 } },
  })
  @ApiJsonResponse(200, evaluateResultSchema)
  evaluate(@Body(new ZodPipe(evaluateBodySchema, 'rule evaluation')) body: EvaluateBody) {
    const checked = validateRule(body.rule);
    if (!checked.ok) {
      throw new BatonError('RULE_INVALID', `The rule is not valid: ${checked.errors[0]!.message}`, {
        errors: checked.errors,
      });
    }
    return { result: evaluateRule(body.rule, body.data ?? {}, { now: body.now ?? new Date() }) ?? null };
  }
}
