import type { ApiClient } from '../../support/api';
import type { Operation } from './openapi';

const MISSING_UUID = '00000000-0000-4000-8000-00000000dead';

/**
 * Real values for an operation's path parameters (the first record of the matching list), so the
 * hostile bodies reach handlers past their "not found" check. Falls back to an unknown uuid.
 */
export class PathValues {
  private readonly firstIds = new Map<string, string>();

  constructor(private readonly admin: ApiClient) {}

  async for(op: Operation): Promise<Record<string, string>> {
    const segments = op.path.split('/').filter(Boolean);
    const collection = segments[1] === '{records}' ? 'leads' : segments[1]!;
    const values: Record<string, string> = {};
    for (const param of op.parameters.filter((p) => p.in === 'path')) {
      values[param.name] = await this.value(param.name, collection);
    }
    return values;
  }

  private async value(name: string, collection: string): Promise<string> {
    switch (name) {
      case 'records':
        return 'leads';
      case 'version':
      case 'from':
      case 'to':
        return '1';
      case 'triggerId':
        return 'proof_trigger';
      case 'workflowId':
        return this.firstId('workflows', 'id');
      case 'key':
        return this.firstId(collection, 'key');
      default:
        return this.firstId(collection, 'id');
    }
  }

  private async firstId(collection: string, field: string): Promise<string> {
    const key = `${collection}.${field}`;
    if (!this.firstIds.has(key)) {
      const res = await this.admin.get(`/api/${collection}?limit=5`);
      const items = (res.status === 200 ? (res.body?.items ?? res.body) : []) as Record<string, unknown>[];
      const found = Array.isArray(items)
        ? items.find((i) => typeof i[field] === 'string')?.[field]
        : undefined;
      this.firstIds.set(key, typeof found === 'string' ? found : MISSING_UUID);
    }
    return this.firstIds.get(key)!;
  }
}
