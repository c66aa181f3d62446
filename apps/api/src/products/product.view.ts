import type { ProductView } from './product.dto';
import type { Product } from './product.entity';

export function productView(product: Product): ProductView {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    unitPrice: product.unitPrice,
    unitCost: product.unitCost,
    active: product.active,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    archivedAt: product.archivedAt?.toISOString() ?? null,
    version: product.version,
  };
}
