import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BatonError } from '@baton/domain';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/auth.guard';
import type { AuthedRequest } from '../common/auth.decorators';
import { BATON_CONFIG, type BatonConfig } from '../config';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Metrics are for the scraper (BATON_METRICS_TOKEN as a bearer token) and for signed-in admins. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
    private readonly modules: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(request);
    if (token && this.config.metricsToken && same(token, this.config.metricsToken)) return true;
    const user = await this.modules.get(AuthService, { strict: false }).authenticate(token);
    if (user.role !== 'admin') {
      throw new BatonError('FORBIDDEN', 'Only admins and the metrics scraper may read metrics', {
        requiredRoles: ['admin'],
      });
    }
    return true;
  }
}
