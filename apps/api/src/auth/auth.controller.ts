import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type AuthedRequest } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { userView } from '../users/user.view';
import { loginResultSchema, loginSchema, userViewSchema, type LoginInput } from './auth.dto';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token' })
  @ApiJsonBody(loginSchema, { email: 'rep1@demo.baton', password: 'baton-demo' })
  @ApiJsonResponse(200, loginResultSchema)
  @ApiResponse({ status: 429, description: 'Too many failed sign-ins; see Retry-After' })
  login(@Body(new ZodPipe(loginSchema, 'login')) body: LoginInput, @Req() request: AuthedRequest) {
    // req.ip is the socket address unless Express is told to trust a proxy's X-Forwarded-For.
    return this.auth.login(body, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiJsonResponse(200, userViewSchema)
  me(@CurrentUser() user: User) {
    return userView(user);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session' })
  async logout(@Req() request: AuthedRequest): Promise<void> {
    const token = bearerToken(request);
    if (token) await this.auth.logout(token);
  }
}
