import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@baton/domain';
import type { User } from '../users/user.entity';

export const PUBLIC_ROUTE = 'baton:public';
export const REQUIRED_ROLES = 'baton:roles';

/** The route needs no bearer token (login, health, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; admins always may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export type AuthedRequest = Request & { user?: User };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): User => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
