import { Module } from '@nestjs/common';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

/** Consent to be written to, per contact and purpose; campaigns send only where it is given. */
@Module({
  controllers: [ConsentsController],
  providers: [ConsentsService],
})
export class ConsentsModule {}
