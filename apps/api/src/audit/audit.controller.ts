import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { auditPageSchema, listAuditQuerySchema, type ListAuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Audit log, newest first (admins only); filter by entityType, entityId or actorId',
  })
  @ApiJsonResponse(200, auditPageSchema)
  list(@Query(new ZodPipe(listAuditQuerySchema, 'query')) query: ListAuditQuery) {
    return this.audit.list(query);
  }
}
