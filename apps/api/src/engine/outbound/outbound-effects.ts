import type { MikroORM } from '@mikro-orm/postgresql';
import type { OutboundPort } from '@baton/activity-sdk';
import type { Intention, RunStepInput } from '@baton/contracts';
import type { BatonConfig } from '../../config';
import { DryRunOutbound } from './dry-run-outbound';
import { HttpCaller } from './http-caller';
import { MikroOutboundGateway } from './outbound-gateway';
import { SmtpMailer } from './smtp-mailer';

/** Builds each step's `outbound` port from the server's mail and HTTP settings. */
export class OutboundEffects {
  private readonly mailer: SmtpMailer;
  private readonly http: HttpCaller;

  constructor(
    private readonly orm: MikroORM,
    config: Pick<BatonConfig, 'smtpUrl' | 'mailFrom' | 'httpAllowPrivate'>,
  ) {
    this.mailer = new SmtpMailer(config.smtpUrl, config.mailFrom);
    this.http = new HttpCaller({ allowPrivateTargets: config.httpAllowPrivate });
  }

  /** For a real step: its records commit outside the step's transaction, on a connection of their own. */
  forStep(input: RunStepInput): OutboundPort {
    const step = { runId: input.origin.runId, stepId: input.stepId };
    return new MikroOutboundGateway(this.orm.em.fork(), step, this.mailer, this.http);
  }

  /** For a dry run: intentions join the step's list. */
  forDryRun(intentions: Intention[]): OutboundPort {
    return new DryRunOutbound(intentions, this.mailer, this.http);
  }
}
