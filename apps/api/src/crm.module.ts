import { Module } from '@nestjs/common';

/** CRM records beyond leads and tasks: accounts, contacts, opportunities, products, quotes. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class CrmModule {}
