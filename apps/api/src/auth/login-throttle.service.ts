import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { LoginAttempt } from './login-attempt.entity';

// An office behind one NAT address shares the IP budget, so it is wider than one email's.
export const LOGIN_FAILURES_PER_IP_FACTOR = 6;

/** Counts failed sign-ins per email and per client IP within a sliding window. */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly em: EntityManager,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  private get windowMs(): number {
    return this.config.loginWindowMinutes * 60_000;
  }

  /** Throws TOO_MANY_ATTEMPTS, with the seconds to wait, when either budget is used up. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const max = this.config.loginMaxFailures;
    const waits = await Promise.all([
      this.waitMs({ email }, max),
      this.waitMs({ ip }, max * LOGIN_FAILURES_PER_IP_FACTOR),
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
      throw new BatonError('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again later', {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const em = this.em.fork();
    await em.nativeDelete(LoginAttempt, { at: { $lt: new Date(Date.now() - this.windowMs) } });
    await em.persistAndFlush(em.create(LoginAttempt, { email, ip }));
  }

  async clear(email: string): Promise<void> {
    await this.em.fork().nativeDelete(LoginAttempt, { email });
  }

  // How long until fewer than `max` failures remain in the window: the failure that has to age out.
  private async waitMs(where: { email: string } | { ip: string }, max: number): Promise<number> {
    const since = new Date(Date.now() - this.windowMs);
    const em = this.em.fork();
    const count = await em.count(LoginAttempt, { ...where, at: { $gte: since } });
    if (count < max) return 0;
    const [pivot] = await em.find(
      LoginAttempt,
      { ...where, at: { $gte: since } },
      { orderBy: { at: 'asc', id: 'asc' }, offset: count - max, limit: 1 },
    );
    return pivot ? pivot.at.getTime() + this.windowMs - Date.now() : 0;
  }
}
