import { Migration } from '@mikro-orm/migrations';

// What a product costs Baton's customer to deliver, so quotes can show their margin. Nullable: a
// price-book entry without a known cost leaves the margin of any quote using it unknown.
// The demo price book gets its costs here when it already exists (a new install seeds them); the
// list is copied, not imported, so this migration means the same thing whatever the seed becomes.
const DEMO_COSTS: Array<[string, string]> = [
  ['TEL-GW-100', '820.00'],
  ['TEL-GW-200', '1190.00'],
  ['SNS-TMP-01', '31.00'],
  ['SNS-VIB-01', '58.00'],
  ['SNS-GPS-01', '47.00'],
  ['LIC-PLT-STD', '60.00'],
  ['LIC-PLT-ENT', '95.00'],
  ['LIC-API-1M', '40.00'],
  ['SUP-STD-12', '1450.00'],
  ['SUP-PRM-12', '4100.00'],
  ['SVC-ONB-01', '780.00'],
  ['SVC-INT-01', '720.00'],
  ['SVC-TRN-01', '340.00'],
  ['HW-MNT-01', '14.20'],
  ['HW-CBL-05', '3.80'],
  ['HW-PSU-01', '22.50'],
  ['DATA-RET-1Y', '310.00'],
  ['DATA-EXP-01', '420.00'],
  ['SEC-SSO-01', '180.00'],
  ['SEC-AUD-01', '120.00'],
];

export class Migration20261126110000ProductCosts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "products"
      add column "unit_cost" numeric(14,2) null,
      add constraint "products_unit_cost_check" check ("unit_cost" >= 0);`);
    const values = DEMO_COSTS.map(([sku, cost]) => `('${sku}', ${cost})`).join(', ');
    this.addSql(`update "products" p set "unit_cost" = c.cost
      from (values ${values}) as c (sku, cost)
      where p.sku = c.sku and p.unit_cost is null;`);
  }
}
