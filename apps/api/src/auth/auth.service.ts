import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { User } from '../users/user.entity';
import { userView, type UserView } from '../users/user.view';
import type { LoginInput } from './auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords';
import { Session } from './session.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** `ip` is the client address the throttle counts failures against. */
  async login(input: LoginInput, ip: string): Promise<{ token: string; expiresAt: string; user: UserView }> {
    await this.throttle.assertAllowed(input.email, ip);
    const user = await this.em.findOne(User, { email: input.email });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(input.email, ip);
      throw new BatonError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.throttle.clear(input.email);
    const token = randomBytes(32).toString('base64url');
    const session = this.em.create(Session, {
      tokenHash: sha256(token),
      user,
      expiresAt: new Date(Date.now() + this.config.tokenTtlMinutes * 60_000),
    });
    await this.em.persistAndFlush(session);
    return { token, expiresAt: session.expiresAt.toISOString(), user: userView(user) };
  }

  /** The user a bearer token belongs to, or a coded reason it does not authenticate. */
  async authenticate(token: string | undefined): Promise<User> {
    if (!token) throw new BatonError('UNAUTHENTICATED', 'Sign in to continue');
    const session = await this.em.findOne(Session, { tokenHash: sha256(token) }, { populate: ['user'] });
    if (!session || !session.user.active)
      throw new BatonError('UNAUTHENTICATED', 'Your session is not valid; sign in again');
    if (session.expiresAt.getTime() <= Date.now())
      throw new BatonError('TOKEN_EXPIRED', 'Your session has expired; sign in again');
    return session.user;
  }

  async logout(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: sha256(token) });
  }
}
