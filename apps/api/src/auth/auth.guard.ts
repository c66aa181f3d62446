import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BatonError, type Role } from '@baton/domain';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthedRequest } from '../common/auth.decorators';
import { AuthService } from './auth.service';

export function bearerToken(request: AuthedRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const user = await this.auth.authenticate(bearerToken(request));
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
      throw new BatonError('FORBIDDEN', 'Your role may not do this', { requiredRoles: roles });
    }
    return true;
  }
}
