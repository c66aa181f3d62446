import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** JSON Schema for an OpenAPI 3.1 document, straight from the zod schema that validates the data. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

export const ApiJsonBody = (schema: z.ZodType, example?: unknown) =>
  applyDecorators(
    ApiBody({ schema: { ...openApiSchema(schema, 'input'), ...(example === undefined ? {} : { example }) } }),
  );

export const ApiJsonResponse = (status: number, schema: z.ZodType, description = 'OK') =>
  applyDecorators(ApiResponse({ status, description, schema: openApiSchema(schema) }));
